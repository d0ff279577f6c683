import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mix, mixed, unmix, unmixed } from './key-mix.js';
import { KeyTable } from './key-table.js';

/** Visits every entry of a raw key: the payloads found, sorted. */
function payloadsOf(table: KeyTable, high: number, low: number): number[] {
  const out: number[] = [];
  for (let p = table.find(high, low); p >= 0; p = table.find(high, low, p)) out.push(table.payloadAt(p));
  return out.sort((a, b) => a - b);
}

describe('mix', () => {
  it('is undone by unmix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (high, low) => {
          mix(high, low);
          unmix(mixed[0]!, mixed[1]!);
          expect([unmixed[0], unmixed[1]]).toEqual([high, low]);
        },
      ),
      { numRuns: 1000 },
    );
    // The scramble itself is part of the snapshot format: it must not change.
    mix(0x12345678, 0x9abcdef0);
    expect([mixed[0], mixed[1]]).toEqual([1466594784, 135685304]);
  });
});

describe('KeyTable', () => {
  // 30 entries of one key: a slot far longer than the ~4 entries of the others.
  const count = 20_000;
  const highs = new Uint32Array(count);
  const lows = new Uint32Array(count);
  const payloads = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const repeated = i < 30;
    highs[i] = repeated ? 7 : 1000 + (i % 13);
    lows[i] = repeated ? 7 : Math.imul(i, 2654435761) >>> 0;
    payloads[i] = repeated ? i : i % 5;
  }
  const table = KeyTable.build(highs, lows, payloads, count);

  it('finds every entry of a key, however many', () => {
    expect(payloadsOf(table, 7, 7)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    for (let i = 30; i < count; i += 101) expect(payloadsOf(table, highs[i]!, lows[i]!)).toEqual([i % 5]);
    expect(table.find(7, 8)).toBe(-1);
    expect(table.size).toBe(count);
  });

  it('gives back every key as it stored it, and rebuilds from its parts', () => {
    const seen = new Map<string, number>();
    table.forEachMixed((high, low) => seen.set(`${high}:${low}`, (seen.get(`${high}:${low}`) ?? 0) + 1));
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(count);
    const rebuilt = KeyTable.fromParts(table.toParts());
    expect(payloadsOf(rebuilt, 7, 7)).toHaveLength(30);
    const mixedHighs = new Uint32Array(count);
    const mixedLows = new Uint32Array(count);
    const mixedPayloads = new Uint32Array(count);
    let n = 0;
    table.forEachMixed((high, low, payload) => {
      mixedHighs[n] = high;
      mixedLows[n] = low;
      mixedPayloads[n++] = payload;
    });
    const compacted = KeyTable.fromMixed(mixedHighs, mixedLows, mixedPayloads, n);
    for (let i = 0; i < count; i += 37)
      expect(payloadsOf(compacted, highs[i]!, lows[i]!)).toEqual(payloadsOf(table, highs[i]!, lows[i]!));
  });

  it('answers a batch as single lookups do', () => {
    const queries = 600;
    const qHighs = new Uint32Array(queries);
    const qLows = new Uint32Array(queries);
    const expected: number[] = [];
    for (let i = 0; i < queries; i++) {
      // Every other query is a key that is not listed.
      const high = highs[i * 31]!;
      const low = lows[i * 31]! + (i % 2);
      expected.push(table.find(high, low));
      mix(high, low);
      qHighs[i] = mixed[0]!;
      qLows[i] = mixed[1]!;
    }
    const found = new Int32Array(queries);
    table.findBatchMixed(qHighs, qLows, queries, found, new Uint32Array(2 * queries));
    expect(Array.from(found)).toEqual(expected);
  });
});
