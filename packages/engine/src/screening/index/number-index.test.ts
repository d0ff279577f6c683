import { describe, expect, it } from 'vitest';
import type { EntryProvenance } from './entry.js';
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
