import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntryTable } from './entry-table.js';
import { KeyTable } from './key-table.js';
import { ProvenanceTable } from './provenance-table.js';
import { provenance } from './test-factories.js';

/** Keys from a small space, so that duplicates, removals of present keys and slot collisions happen. */
const key = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 }))
  .map(([h, l]) => [h * 0x4000_0000, l * 0x0101_0101] as const);
const op = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    key,
    list: fc.constantFrom('a', 'b', 'c'),
    action: fc.constantFrom('block' as const, 'mark' as const, 'allow' as const),
  }),
  fc.record({ op: fc.constant('remove' as const), key, list: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ op: fc.constant('compact' as const) }),
);

describe('EntryTable', () => {
  it('answers like a plain map of (key, list) → action through builds, deltas and compactions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.constantFrom('a', 'b')), { maxLength: 60 }),
        fc.array(op, { maxLength: 80 }),
        (initial, ops) => {
          const records = new ProvenanceTable();
          const model = new Map<string, Map<string, number>>();
          const set = (k: readonly [number, number], list: string, bits: number) => {
            const id = `${k[0]}:${k[1]}`;
            if (!model.has(id)) model.set(id, new Map());
            model.get(id)!.set(list, bits);
          };
          // The initial snapshot: one entry per (key, list), as the store guarantees.
          const seen = new Set<string>();
          const highs: number[] = [];
          const lows: number[] = [];
          const payloads: number[] = [];
          for (const [k, list] of initial) {
            if (seen.has(`${k[0]}:${k[1]}:${list}`)) continue;
            seen.add(`${k[0]}:${k[1]}:${list}`);
            highs.push(k[0]);
            lows.push(k[1]);
            payloads.push(records.intern(provenance(list, 'block'), 'test'));
            set(k, list, 2);
          }
          const table = new EntryTable(
            KeyTable.build(
              Uint32Array.from(highs),
              Uint32Array.from(lows),
              Uint32Array.from(payloads),
              highs.length,
            ),
            records,
          );
          for (const change of ops) {
            if (change.op === 'compact') table.compact();
            else if (change.op === 'add') {
              table.add(
                change.key[0],
                change.key[1],
                records.intern(provenance(change.list, change.action), 'test'),
              );
              set(change.key, change.list, { mark: 1, block: 2, allow: 4 }[change.action]);
            } else {
              table.remove(change.key[0], change.key[1], records.listId(change.list));
              model.get(`${change.key[0]}:${change.key[1]}`)?.delete(change.list);
            }
          }
          for (let h = 0; h <= 3; h++) {
            for (let l = 0; l <= 40; l++) {
              const expected = [
                ...(model.get(`${h * 0x4000_0000}:${l * 0x0101_0101}`)?.values() ?? []),
              ].reduce((a, b) => a | b, 0);
              expect(table.actions(h * 0x4000_0000, l * 0x0101_0101, 1)).toBe(expected);
            }
          }
          const live = [...model.values()].reduce((n, lists) => n + lists.size, 0);
          expect(table.size).toBe(live);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ignores expired entries', () => {
    const records = new ProvenanceTable();
    const table = new EntryTable(KeyTable.empty(), records);
    table.add(1, 2, records.intern(provenance('a', 'block', 100), 'test'));
    expect(table.actions(1, 2, 99)).toBe(2);
    expect(table.actions(1, 2, 100)).toBe(0);
  });

  it('stores a large table in 8 bytes an entry plus about 2 of directory', () => {
    const count = 1 << 18;
    const highs = new Uint32Array(count);
    const lows = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      highs[i] = 2000 + (i >>> 12);
      lows[i] = Math.imul(i, 2654435761) >>> 0;
    }
    const table = KeyTable.build(highs, lows, new Uint32Array(count), count);
    expect(table.byteLength / count).toBeLessThan(10.1);
    for (let i = 0; i < count; i += 997) expect(table.find(highs[i]!, lows[i]!)).toBeGreaterThanOrEqual(0);
    expect(table.find(1, 1)).toBe(-1);
  });

  it.each([
    ['compact', 1],
    ['packed', 1000],
  ])('keeps a large %s-layout table right through deltas and compaction', (_layout, records) => {
    const provenances = new ProvenanceTable();
    for (let r = 0; r < records; r++) provenances.intern(provenance(`list-${r}`, 'block'), 'test');
    const count = 400_000;
    const highs = new Uint32Array(count);
    const lows = new Uint32Array(count);
    const payloads = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      highs[i] = 2000 + (i % 7);
      lows[i] = Math.imul(i, 2654435761) >>> 0;
      payloads[i] = i % records;
    }
    const table = new EntryTable(KeyTable.build(highs, lows, payloads, count), provenances);
    const allow = provenances.intern(provenance('appeals', 'allow'), 'test');
    for (let i = 0; i < count; i += 1000)
      table.remove(highs[i]!, lows[i]!, provenances.listOf[payloads[i]!]!);
    for (let i = 1; i < count; i += 1000) table.add(highs[i]!, lows[i]!, allow);
    for (const round of ['deltas', 'compacted']) {
      if (round === 'compacted') table.compact();
      for (let i = 0; i < count; i += 97) {
        const expected = i % 1000 === 0 ? 0 : i % 1000 === 1 ? 2 | 4 : 2;
        expect(table.actions(highs[i]!, lows[i]!, 1)).toBe(expected);
      }
      expect(table.actions(1, 1, 1)).toBe(0);
      expect(table.size).toBe(count);
    }
  });
});
