import { describe, expect, it } from 'vitest';
import { mixed } from './key-mix.js';
import { MobileCsr } from './mobile-csr.js';
import { MOBILE_BASE, mobileMixOffset, mobileUnmix } from './mobile-mix.js';
import { ProvenanceTable } from './provenance-table.js';
import { mobileParts, mobilePayloads, provenance } from './test-factories.js';

/** A table of `values` (E.164 numbers of the domain), value i with payload payloadOf(i). */
function tableOf(values: readonly number[], payloadOf: (i: number) => number): MobileCsr {
  const { xs, ys, payloads, count } = mobileParts(values, payloadOf);
  return MobileCsr.fromMixed(xs, ys, payloads, count);
}

describe('MobileCsr', () => {
  it('spreads a run of consecutive numbers evenly over the slots', () => {
    const count = 1 << 18;
    const values = Array.from({ length: count }, (_, i) => 8613800000000 + i);
    const { directory, slotBits } = tableOf(values, () => 0).toParts();
    let longest = 0;
    for (let s = 0; s < 2 ** slotBits; s++)
      longest = Math.max(longest, directory[2 * s + 2]! - directory[2 * s]!);
    // ~4 a slot on average; a Poisson tail over 65,536 slots stays well below 25.
    expect(longest).toBeLessThan(25);
  });

  it.each([
    ['packed', 8],
    ['wide', 5000],
  ])('finds every entry of a number (%s layout)', (_layout, lists) => {
    const records = new ProvenanceTable();
    for (let r = 0; r < lists; r++) records.intern(provenance(`l${r}`, r % 2 === 0 ? 'block' : 'mark'), 't');
    const count = 3000;
    // Clumped like real data: runs of neighbours, and one number on 20 lists.
    const values = Array.from({ length: count }, (_, i) =>
      i < 20 ? 8613912345678 : 8613800000000 + (i % 1000) * 7919 + Math.floor(i / 1000),
    );
    const table = tableOf(values, (i) => (i < 20 ? i : i % lists));
    expect(table.toParts().layout).toBe(lists > 256 ? 2 : 1);
    expect(mobilePayloads(table, 8613912345678)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    for (let i = 20; i < count; i += 17) expect(mobilePayloads(table, values[i]!)).toEqual([i % lists]);
    expect(mobilePayloads(table, 8613912345679)).toEqual([]);
  });

  it('skips tombstoned and expired entries', () => {
    const records = new ProvenanceTable();
    const block = records.intern(provenance('a', 'block'), 't');
    const expiring = records.intern(provenance('b', 'mark', 100), 't');
    const values = [8613800000001, 8613800000002, 8613800000003];
    const table = tableOf(values, (i) => (i === 2 ? expiring : block));
    const mixedOf = (value: number) => {
      mobileMixOffset(value - MOBILE_BASE);
      return [mixed[0]!, mixed[1]!] as const;
    };
    const tombstones = new Uint32Array(1);
    const p = table.findMixed(...mixedOf(8613800000001));
    tombstones[p >>> 5]! |= 1 << (p & 31);
    const actions = (now: number) =>
      values.map((v) => table.actionsMixed(...mixedOf(v), now, records, tombstones));
    expect(actions(99)).toEqual([0, 2, 1]);
    expect(actions(100)).toEqual([0, 2, 0]);
  });

  it('gives back every key as it stored it, and rebuilds from its parts', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => 8618600000000 + i * 104729);
    const table = tableOf(values, (i) => i % 3);
    const indexOf = new Map(values.map((value, i) => [value, i]));
    const seen: number[] = [];
    table.forEachMixed((x, y, payload) => {
      const value = mobileUnmix(x, y);
      expect(payload).toBe(indexOf.get(value)! % 3);
      seen.push(value);
    });
    expect(seen.sort((a, b) => a - b)).toEqual(values);
    const rebuilt = MobileCsr.fromParts(table.toParts());
    for (let i = 0; i < values.length; i += 999) expect(mobilePayloads(rebuilt, values[i]!)).toEqual([i % 3]);
    expect(() => MobileCsr.fromParts({ ...table.toParts(), size: 3 })).toThrow(RangeError);
    // 4 bytes an entry plus 1.4–2.8 of directory (2–6 entries a slot, by how log2(size / 4) rounds).
    expect(table.byteLength / values.length).toBeLessThan(7);
    expect(MobileCsr.empty().findMixed(1, 1)).toBe(-1);
  });
});
