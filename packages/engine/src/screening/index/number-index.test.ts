import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntryProvenance } from './entry.js';
import { KeyTable } from './key-table.js';
import { NumberIndex } from './number-index.js';
import { normalizeNumberPrefix } from './number-prefix.js';

const CASE: EntryProvenance = {
  list: 'case-numbers',
  action: 'block',
  confidence: 90,
  source: { kind: 'case', id: 'AJ-2026-001' },
  addedAt: 1_700_000_000_000,
  expiresAt: null,
};
const NOW = 1_800_000_000_000;

function build() {
  const builder = NumberIndex.builder();
  builder.add({ ...CASE, value: '138 1234 5678' });
  builder.add({
    ...CASE,
    value: '1700',
    match: 'prefix',
    list: 'virtual-ranges',
    action: 'mark',
    confidence: 40,
  });
  builder.add({ ...CASE, value: '95', match: 'prefix', list: 'rented-95', action: 'mark', confidence: 30 });
  builder.add({ ...CASE, value: '106900001234567890' });
  return builder.build();
}

describe('NumberIndex', () => {
  it('finds exact numbers in any namespace and length', () => {
    const index = build();
    expect(index.actionsOf('+8613812345678', NOW)).toBe(2);
    expect(index.actionsOf('+8613812345679', NOW)).toBe(0);
    expect(index.actionsOf('106900001234567890', NOW)).toBe(2);
    expect(index.actionsOf('106900001234567891', NOW)).toBe(0);
    expect(index.actionsOfE164(8613812345678, NOW)).toBe(2);
  });

  it('finds ranges by prefix, E.164 and bare', () => {
    const index = build();
    expect(index.actionsOf('+8617001234567', NOW)).toBe(1);
    expect(index.actionsOf('+8617011234567', NOW)).toBe(0);
    expect(index.actionsOf('95588', NOW)).toBe(1);
    expect(index.matches('+8617001234567', NOW)).toEqual([{ record: 1, rule: 'number:prefix:+861700' }]);
  });

  it('answers batches like single lookups', () => {
    const index = build();
    const values = Float64Array.from([8613812345678, 8617001234567, 8613800000000, 8617001234567]);
    const out = new Uint8Array(values.length);
    index.actionsOfE164Batch(values, NOW, out);
    expect([...out]).toEqual([...values].map((v) => index.actionsOfE164(v, NOW)));
  });

  it('takes bulk snapshots of E.164 values beside single entries', () => {
    const builder = NumberIndex.builder();
    builder.add({ ...CASE, value: '13912345678' });
    const record = builder.records.intern({ ...CASE, list: 'bulk' }, 'number:exact');
    builder.addE164Values(Float64Array.from([8613800000001, 8613800000002]), record);
    builder.addE164Values(Float64Array.from([8613800000003]), Uint32Array.from([record]));
    const index = builder.build();
    expect(index.size).toBe(4);
    for (const value of [8613912345678, 8613800000001, 8613800000002, 8613800000003]) {
      expect(index.actionsOfE164(value, NOW)).toBe(2);
    }
    expect(index.matches('+8613800000003', NOW)).toEqual([{ record, rule: 'number:exact' }]);
    expect(() => builder.addE164Values(new Float64Array(2), new Uint32Array(1))).toThrow(RangeError);
  });

  it('takes normalized snapshot rows and refuses rows that are not normalized', () => {
    const builder = NumberIndex.builder();
    const record = builder.records.intern(CASE, 'number:exact');
    expect(builder.addNormalized('+8613812345678', record)).toBe(true);
    expect(builder.addNormalized('95588', record)).toBe(true);
    expect(builder.addNormalized('106900001234567890', record)).toBe(true);
    for (const bad of ['+', '+0861', '+86138x', '138 1234 5678', ''])
      expect(builder.addNormalized(bad, record)).toBe(false);
    const index = builder.build();
    expect(['+8613812345678', '95588', '106900001234567890'].map((n) => index.actionsOf(n, NOW))).toEqual([
      2, 2, 2,
    ]);
  });

  it('applies deltas at once and keeps them through compaction', () => {
    const index = build();
    expect(index.add({ ...CASE, value: '13812345678', list: 'appeals', action: 'allow' })).toEqual({
      ok: true,
      normalized: '+8613812345678',
    });
    expect(index.actionsOf('+8613812345678', NOW)).toBe(2 | 4);
    expect(index.remove('+86 138 1234 5678', 'case-numbers')).toBe(1);
    expect(index.actionsOf('+8613812345678', NOW)).toBe(4);
    expect(index.pendingChanges).toBe(2);
    index.compact();
    expect(index.pendingChanges).toBe(0);
    expect(index.actionsOf('+8613812345678', NOW)).toBe(4);
    expect(index.actionsOf('+8617001234567', NOW)).toBe(1);
  });

  it('replaces an entry re-added to the same list', () => {
    const index = build();
    index.add({ ...CASE, value: '13812345678', action: 'mark' });
    expect(index.actionsOf('+8613812345678', NOW)).toBe(1);
    expect(index.size).toBe(4);
  });

  it('rejects bad values and provenances with a reason', () => {
    const builder = NumberIndex.builder();
    expect(builder.add({ ...CASE, value: '12' })).toEqual({ ok: false, reason: 'too_short' });
    expect(builder.add({ ...CASE, value: '138', match: 'prefix', confidence: 101 })).toEqual({
      ok: false,
      reason: 'bad_confidence',
    });
  });
});

describe('normalizeNumberPrefix', () => {
  it.each([
    ['1700', '+861700'],
    ['+852', '+852'],
    ['010-8', '+86108'],
    ['95', '95'],
    ['1069', '1069'],
    ['400', '400'],
  ])('reads %j as %s', (input, normalized) => {
    expect(normalizeNumberPrefix(input)).toMatchObject({ ok: true, normalized });
  });

  it.each([
    ['abc', 'not_a_number'],
    ['5', 'bad_prefix'],
    ['00', 'not_a_number'],
  ])('rejects %j', (input, reason) => {
    expect(normalizeNumberPrefix(input)).toEqual({ ok: false, reason });
  });
});

describe('NumberIndex ranges behind the prefix filter', () => {
  it('still finds every range after many ranges of one length share filter bits', () => {
    const builder = NumberIndex.builder();
    for (let i = 0; i < 300; i++)
      builder.add({ ...CASE, value: `+8613${String(i).padStart(3, '0')}`, match: 'prefix' });
    const index = builder.build();
    for (let i = 0; i < 300; i += 7)
      expect(index.actionsOf(`+8613${String(i).padStart(3, '0')}12345`, NOW)).toBe(2);
    expect(index.actionsOf('+8614012345678', NOW)).toBe(0);
  });
});

describe('NumberIndex against a model (mobile table, other numbers and ranges)', () => {
  /** Mobile numbers in clumps, numbers outside the mobile domain, bare numbers. */
  const pool = [
    '+8613812345678',
    '+8613812345679',
    '+8613800000000',
    '+8617001234567',
    '+8617012345678',
    '+8619912345678',
    '+8614712345678',
    '+862584123456',
    '+85291234567',
    '+8675582345678',
    '95588',
    '106900001234567890',
  ];
  const ranges = ['+861700', '+8613812', '+85291', '+86', '95'];
  const bit = { mark: 1, block: 2, allow: 4 } as const;
  const op = fc.oneof(
    fc.record({
      op: fc.constant('add' as const),
      value: fc.constantFrom(...pool, ...ranges.map((r) => `range:${r}`)),
      list: fc.constantFrom('a', 'b', 'c'),
      action: fc.constantFrom('block' as const, 'mark' as const, 'allow' as const),
    }),
    fc.record({
      op: fc.constant('remove' as const),
      value: fc.constantFrom(...pool, ...ranges.map((r) => `range:${r}`)),
      list: fc.constantFrom('a', 'b', 'c'),
    }),
    fc.record({ op: fc.constant('compact' as const) }),
    fc.record({ op: fc.constant('snapshot' as const) }),
  );

  it('answers single, batch and match lookups like a map of entries, through deltas, compactions and snapshots', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...pool), fc.constantFrom('a', 'b')), { maxLength: 20 }),
        fc.array(op, { maxLength: 40 }),
        (initial, ops) => {
          // model: value or "range:prefix" → list → action bit
          const model = new Map<string, Map<string, number>>();
          const put = (value: string, list: string, bits: number) => {
            if (!model.has(value)) model.set(value, new Map());
            model.get(value)!.set(list, bits);
          };
          const builder = NumberIndex.builder();
          for (const [value, list] of initial) {
            // A snapshot holds one entry per (value, list), as the store guarantees.
            if (model.get(value)?.has(list)) continue;
            expect(builder.add({ ...CASE, value, list }).ok).toBe(true);
            put(value, list, 2);
          }
          let index = builder.build();
          for (const change of ops) {
            if (change.op === 'compact') index.compact();
            else if (change.op === 'snapshot') {
              index.compact();
              index = NumberIndex.fromParts(index.records, index.toParts());
            } else {
              const prefix = change.value.startsWith('range:');
              const value = prefix ? change.value.slice(6) : change.value;
              if (change.op === 'add') {
                const added = index.add({
                  ...CASE,
                  value,
                  list: change.list,
                  action: change.action,
                  match: prefix ? 'prefix' : 'exact',
                });
                expect(added.ok).toBe(true);
                put(change.value, change.list, bit[change.action]);
              } else {
                index.remove(value, change.list, prefix ? 'prefix' : 'exact');
                model.get(change.value)?.delete(change.list);
              }
            }
          }
          const expected = (normalized: string) => {
            let bits = 0;
            for (const [key, lists] of model) {
              const covers = key.startsWith('range:')
                ? normalized.startsWith(key.slice(6))
                : key === normalized;
              if (covers) for (const b of lists.values()) bits |= b;
            }
            return bits;
          };
          const probes = [...pool, '+8613812345670', '+8617009999999', '+8613912345678'];
          for (const normalized of probes)
            expect(index.actionsOf(normalized, NOW)).toBe(expected(normalized));
          // Batches: a chunk of mobile numbers only, then mixed chunks, crossing chunk boundaries.
          const e164 = probes.filter((p) => p.startsWith('+')).map((p) => Number(p.slice(1)));
          const mobiles = e164.filter((v) => v >= 8610000000000 && v < 8620000000000);
          const values = Float64Array.from({ length: 600 }, (_, i) =>
            i < 256 ? mobiles[i % mobiles.length]! : e164[i % e164.length]!,
          );
          const out = new Uint8Array(values.length);
          index.actionsOfE164Batch(values, NOW, out);
          expect([...out]).toEqual([...values].map((v) => expected(`+${v}`)));
          for (const v of e164) expect(index.actionsOfE164(v, NOW)).toBe(expected(`+${v}`));
          const live = [...model.values()].reduce((n, lists) => n + lists.size, 0);
          expect(index.size).toBe(live);
          expect(index.matches('+8613812345678', NOW).length).toBe(
            [...model]
              .filter(([key]) =>
                key.startsWith('range:')
                  ? '+8613812345678'.startsWith(key.slice(6))
                  : key === '+8613812345678',
              )
              .reduce((n, [, lists]) => n + lists.size, 0),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('restores parts taken before the mobile table, every exact number then in the general table', () => {
    const index = build();
    const parts = index.toParts();
    // The same numbers as an older snapshot holds them: one KeyTable of every exact number.
    const record = index.records.intern(CASE, 'number:exact');
    const keys = { highs: [] as number[], lows: [] as number[] };
    for (const value of [8613812345678, 862584123456]) {
      keys.highs.push(Math.floor(value / 4294967296));
      keys.lows.push(value >>> 0);
    }
    const exact = KeyTable.build(
      Uint32Array.from(keys.highs),
      Uint32Array.from(keys.lows),
      Uint32Array.from([record, record]),
      2,
    );
    const restored = NumberIndex.fromParts(index.records, {
      exact: exact.toParts(),
      prefixes: parts.prefixes,
      e164Prefixes: parts.e164Prefixes,
      barePrefixes: parts.barePrefixes,
    });
    expect(restored.actionsOf('+8613812345678', NOW)).toBe(2);
    expect(restored.actionsOf('+862584123456', NOW)).toBe(2);
    expect(restored.actionsOf('+8617001234567', NOW)).toBe(1);
    expect(restored.toParts().mobile.size).toBe(1);
    expect(restored.toParts().exact.size).toBe(1);
  });
});

describe('NumberIndex with a bucketed mobile table and ranges', () => {
  it('answers batches like single lookups, for ranges over whole blocks and parts of them, as ranges change', () => {
    const index = NumberIndex.builder();
    const record = index.records.intern(
      {
        list: 'bulk',
        action: 'block',
        confidence: 80,
        source: { kind: 'case', id: 'c' },
        addedAt: 0,
        expiresAt: null,
      },
      'number:exact',
    );
    const values = Float64Array.from(
      { length: 120_000 },
      (_, i) => 8613000000000 + ((i * 123_456_791) % 70_000_000_000),
    );
    index.addE164Values(values, record);
    const range = (value: string, action: 'mark' | 'allow', expiresAt: number | null = null) => ({
      value,
      match: 'prefix' as const,
      list: `ranges-${value}`,
      action,
      confidence: 60,
      source: { kind: 'rule' as const, id: 'r' },
      addedAt: 0,
      expiresAt,
    });
    // +86170 covers ~95 whole blocks of 2^20 numbers; +861700123 a part of one; +861349 expires.
    for (const entry of [range('170', 'mark'), range('1700123', 'allow'), range('1349', 'mark', 50)])
      index.add(entry);
    const built = index.build();
    const queries = Float64Array.from({ length: 3000 }, (_, q) =>
      q % 3 === 0
        ? values[(q * 7) % values.length]!
        : q % 3 === 1
          ? 8617000000000 + q * 33_333_331
          : [8617001230000 + q, 8613490000000 + q * 1000, 8613800000000 + q][
              q % 9 === 2 ? 0 : q % 9 === 5 ? 1 : 2
            ]!,
    );
    const check = (now: number) => {
      const out = new Uint8Array(queries.length);
      built.actionsOfE164Batch(queries, now, out);
      expect([...out]).toEqual([...queries].map((value) => built.actionsOfE164(value, now)));
      return out;
    };
    const before = check(10);
    expect(before[1]).toBe(1); // in +86170
    expect(before.some((bits) => (bits & 4) !== 0)).toBe(true); // in +861700123
    expect(check(60)).not.toEqual(before); // +861349 has expired
    built.remove('170', 'ranges-170', 'prefix');
    expect(check(10)[1]).toBe(0);
    built.add(range('17', 'mark'));
    expect(check(10)[1]).toBe(1);
  });
});
