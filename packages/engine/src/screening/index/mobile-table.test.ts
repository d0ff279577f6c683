import { describe, expect, it } from 'vitest';
import { mixed } from './key-mix.js';
import { MOBILE_BASE, MOBILE_SPAN, mobileMixOffset, mobileUnmix } from './mobile-mix.js';
import { MobileRanges, leadBlock } from './mobile-ranges.js';
import { BATCH, MIN_BUCKETED, MobileTable } from './mobile-table.js';
import type { ProvenanceTable } from './provenance-table.js';
import { mobileParts, mobilePayloads, recordsOf } from './test-factories.js';

/** A table of `values` (E.164 numbers of the domain), value i with payload payloadOf(i). */
function tableOf(values: ArrayLike<number>, payloadOf: (i: number) => number): MobileTable {
  const { xs, ys, payloads, count } = mobileParts(values, payloadOf);
  return MobileTable.fromMixed(xs, ys, payloads, count);
}

function singleActions(
  table: MobileTable,
  value: number,
  now: number,
  records: ProvenanceTable,
  tombstones: Uint32Array | null = null,
): number {
  mobileMixOffset(value - MOBILE_BASE);
  return table.actionsMixed(mixed[0]!, mixed[1]!, now, records, tombstones);
}

function batchActions(
  table: MobileTable,
  values: Float64Array,
  now: number,
  records: ProvenanceTable,
  tombstones: Uint32Array | null = null,
): number[] {
  const out = new Uint8Array(values.length);
  for (let from = 0; from < values.length; from += BATCH) {
    const to = Math.min(values.length, from + BATCH);
    expect(table.actionsOfValues(values, from, to, now, records, tombstones, out)).toBe(0);
  }
  return [...out];
}

/** Clumped like real data: runs of neighbours, one number on 20 lists, another on 16. */
function clumpedValues(count: number): Float64Array {
  return Float64Array.from({ length: count }, (_, i) =>
    i < 20
      ? 8613912345678
      : i < 36
        ? 8617012345678
        : 8613800000000 + (i % 1000) * 7919 + Math.floor(i / 1000) * 104729,
  );
}

describe('MobileTable', () => {
  it.each([
    ['all in the slot directory (a small table)', 3000],
    ['in buckets', 100_000],
  ])('finds every entry of a number, %s, in single and batch lookups', (_layout, count) => {
    const records = recordsOf(8);
    const values = clumpedValues(count);
    const table = tableOf(values, (i) => (i < 36 ? i % 20 : i % 8) % 8);
    expect(table.toParts().bucketBits === 0).toBe(count < MIN_BUCKETED);
    // Twenty entries of one number: more than a bucket holds, so some are in the overflow table.
    expect(mobilePayloads(table, 8613912345678)).toEqual(Array.from({ length: 20 }, (_, i) => i % 8).sort());
    expect(mobilePayloads(table, 8617012345678)).toEqual(
      Array.from({ length: 16 }, (_, i) => (20 + i) % 8).sort(),
    );
    for (let i = 36; i < count; i += 97) expect(mobilePayloads(table, values[i]!)).toContain(i % 8);
    expect(mobilePayloads(table, 8613912345679)).toEqual([]);

    const queries = Float64Array.from(
      { length: 4 * BATCH + 17 },
      (_, q) => values[(q * 13) % count]! + (q % 3 === 0 ? 1 : 0),
    );
    const expected = [...queries].map((value) => singleActions(table, value, 1, records));
    expect(expected.some((bits) => bits === 0) && expected.some((bits) => bits !== 0)).toBe(true);
    expect(batchActions(table, queries, 1, records)).toEqual(expected);
    expect(batchActions(table, Float64Array.of(8613912345678, 8617012345678), 1, records)).toEqual([7, 7]);
  });

  it('spreads a run of consecutive numbers over the buckets: few keys overflow', () => {
    const count = 1 << 18;
    const values = Float64Array.from({ length: count }, (_, i) => 8613800000000 + i);
    const table = tableOf(values, () => 0);
    const { bucketBits, overflow } = table.toParts();
    expect(bucketBits).toBeGreaterThan(0);
    // ~9.5 keys a bucket of 15: a Poisson tail sends well under 2% of them to the overflow table.
    expect(overflow.size / count).toBeLessThan(0.02);
    expect(mobilePayloads(table, 8613800000000 + 4321)).toEqual([0]);
  });

  it('skips tombstoned and expired entries in batch lookups, as single lookups do', () => {
    const records = recordsOf(2, (r) => (r === 1 ? 100 : null));
    const values = Float64Array.from({ length: 80_000 }, (_, i) => 8615000000000 + i * 7);
    const table = tableOf(values, (i) => i % 2);
    const tombstones = new Uint32Array(Math.ceil(table.positions / 32));
    const positionOf = (value: number) => {
      mobileMixOffset(value - MOBILE_BASE);
      return table.findMixed(mixed[0]!, mixed[1]!);
    };
    const bury = (p: number) => (tombstones[p >>> 5]! |= 1 << (p & 31));
    bury(positionOf(values[0]!));
    // And a key in the overflow table (positions after the buckets' words).
    const overflowBase = table.positions - table.toParts().overflow.size;
    const spilled = values.find((value) => positionOf(value) >= overflowBase)!;
    expect(spilled).toBeDefined();
    bury(positionOf(spilled));
    const queries = Float64Array.of(...values.slice(0, 600), spilled);
    for (const now of [99, 100]) {
      const single = [...queries].map((value) => singleActions(table, value, now, records, tombstones));
      expect(single[600]).toBe(0);
      expect(single[0]).toBe(0);
      expect(single[1]).toBe(now < 100 ? 1 : 0);
      expect(single[2]).toBe(2);
      expect(batchActions(table, queries, now, records, tombstones)).toEqual(single);
      expect(batchActions(table, queries, now, records)).toEqual(
        [...queries].map((value) => singleActions(table, value, now, records)),
      );
    }
  });

  it('keeps record ids too large to pack beside the remainder in its slot directory', () => {
    const records = recordsOf(40_000);
    const values = Float64Array.from({ length: 70_000 }, (_, i) => 8613100000000 + i * 31);
    const table = tableOf(values, (i) => (i * 7) % 40_000);
    expect(table.toParts().bucketBits).toBe(0);
    expect(mobilePayloads(table, values[1234]!)).toEqual([(1234 * 7) % 40_000]);
    const queries = values.slice(0, 300);
    expect(batchActions(table, queries, 1, records)).toEqual(
      [...queries].map((value) => singleActions(table, value, 1, records)),
    );
  });

  it('says -1 for a batch with a value outside the mobile domain', () => {
    const records = recordsOf(1);
    const table = tableOf(
      Float64Array.from({ length: 70_000 }, (_, i) => 8613100000000 + i),
      () => 0,
    );
    const out = new Uint8Array(3);
    for (const outside of [862584123456, MOBILE_BASE - 1, MOBILE_BASE + MOBILE_SPAN, 1e15 + 95588]) {
      expect(
        table.actionsOfValues(
          Float64Array.of(8613100000005, outside, 8613100000006),
          0,
          3,
          1,
          records,
          null,
          out,
        ),
      ).toBe(-1);
    }
    expect(() =>
      table.actionsOfValues(new Float64Array(BATCH + 1), 0, BATCH + 1, 1, records, null, out),
    ).toThrow(RangeError);
  });

  it('lists the values whose block a range map reaches', () => {
    const records = recordsOf(1);
    const table = tableOf(
      Float64Array.from({ length: 70_000 }, (_, i) => 8613100000000 + i),
      () => 0,
    );
    const ranges = MobileRanges.build((add) => add(86170, 0));
    const queries = Float64Array.of(8613100000005, 8617012345678, 8613800000000, 8617099999999);
    const out = new Uint8Array(queries.length);
    const ranged = new Uint32Array(queries.length);
    expect(table.actionsOfValues(queries, 0, 4, 1, records, null, out, ranges.reached, ranged)).toBe(2);
    expect([...ranged.subarray(0, 2)]).toEqual([1, 3]);
    expect(out[0]).toBe(2);
    expect(ranges.blocks[leadBlock(8617012345678 - MOBILE_BASE)]).not.toBe(0);
  });

  it('gives back every key as it stored it, rebuilds from its parts, and costs under 8 bytes a key', () => {
    const values = Array.from({ length: 600_000 }, (_, i) => 8618600000000 + i * 104729);
    const table = tableOf(values, (i) => i % 3);
    const indexOf = new Map(values.map((value, i) => [value, i]));
    const seen: number[] = [];
    let wrong = 0;
    table.forEachMixed((x, y, payload, position) => {
      const value = mobileUnmix(x, y);
      if (payload !== indexOf.get(value)! % 3 || table.payloadAt(position) !== payload) wrong++;
      seen.push(value);
    });
    expect(wrong).toBe(0);
    expect(seen.sort((a, b) => a - b)).toEqual(values);
    const rebuilt = MobileTable.fromParts(table.toParts());
    for (let i = 0; i < values.length; i += 9_999)
      expect(mobilePayloads(rebuilt, values[i]!)).toEqual([i % 3]);
    expect(() => MobileTable.fromParts({ ...table.toParts(), size: 3 })).toThrow(RangeError);
    const words = table.toParts().words.slice();
    words[15] = 0x0000_00f0; // a header whose sub-slot ends go down
    expect(() => MobileTable.fromParts({ ...table.toParts(), words })).toThrow(RangeError);
    // 600,000 keys in 2^16 buckets (9.2 a bucket): 64 bytes a bucket, plus the kernel's work areas.
    expect(table.byteLength / values.length).toBeLessThan(8);
    expect(MobileTable.empty().findMixed(1, 1)).toBe(-1);
  });
});
