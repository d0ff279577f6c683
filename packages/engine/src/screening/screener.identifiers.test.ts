import { describe, expect, it } from 'vitest';
import type { EntryProvenance } from './index/entry.js';
import { Screener, ScreenerBuilder, type IntelEntry } from './screener.js';
import { restoreSnapshot, takeSnapshot, type ScreenerSnapshot } from './snapshot.js';

const NOW = 1_800_000_000_000;
const from = (overrides: Partial<EntryProvenance> = {}): EntryProvenance => ({
  list: 'case-apps',
  action: 'block',
  confidence: 90,
  source: { kind: 'case', id: 'A320100202611000001' },
  addedAt: 1_700_000_000_000,
  expiresAt: null,
  ...overrides,
});

const ENTRIES: IntelEntry[] = [
  { kind: 'app', value: 'Com.Fake.SafeBox', ...from() },
  { kind: 'imei', value: '49-015420-323751-8', ...from({ list: 'case-devices' }) },
  { kind: 'app', value: 'com.loan.maybe', ...from({ list: 'apps-watch', action: 'mark', confidence: 40 }) },
  { kind: 'app', value: '安全防护', ...from() },
  { kind: 'imei', value: '490154203237519', ...from() },
];

describe('Screener: apps and devices', () => {
  const { screener, rejected } = Screener.build(ENTRIES);

  it('refuses entries that are not an app id or an IMEI, saying why', () => {
    expect(rejected).toEqual([
      { position: 3, reason: 'not_an_app_id' },
      { position: 4, reason: 'bad_checksum' },
    ]);
  });

  it('blocks a listed app however its id is written, with the case as reason', () => {
    expect(screener.screen({ kind: 'app', value: 'package:COM.FAKE.SAFEBOX' }, NOW)).toEqual({
      action: 'block',
      risk: 90,
      normalized: 'com.fake.safebox',
      invalidReason: null,
      reasons: [
        {
          list: 'case-apps',
          rule: 'app',
          source: { kind: 'case', id: 'A320100202611000001' },
          addedAt: 1_700_000_000_000,
          action: 'block',
          confidence: 90,
          expiresAt: null,
        },
      ],
    });
    expect(screener.screen({ kind: 'app', value: 'com.loan.maybe' }, NOW)).toMatchObject({
      action: 'mark',
      risk: 40,
    });
  });

  it('finds a listed device by its IMEI, IMEISV or 14-digit body', () => {
    for (const value of ['490154203237518', '4901542032375197', '49015420323751']) {
      expect(screener.screen({ kind: 'imei', value }, NOW)).toMatchObject({
        action: 'block',
        normalized: '490154203237518',
        reasons: [{ list: 'case-devices', rule: 'imei' }],
      });
    }
  });

  it('passes unlisted values and answers invalid ones with the reason', () => {
    expect(screener.screen({ kind: 'app', value: 'com.tencent.mm' }, NOW)).toMatchObject({
      action: 'pass',
      normalized: 'com.tencent.mm',
    });
    expect(screener.screen({ kind: 'imei', value: '35-209900-176148-1' }, NOW).action).toBe('pass');
    expect(screener.screen({ kind: 'app', value: '国家反诈中心' }, NOW)).toMatchObject({
      action: 'invalid',
      invalidReason: 'not_an_app_id',
    });
    expect(screener.screen({ kind: 'imei', value: '490154203237519' }, NOW)).toMatchObject({
      action: 'invalid',
      invalidReason: 'bad_checksum',
    });
  });

  it('keeps an app id and an IMEI apart even when their text is the same', () => {
    // "imei:…" and "app:…" are different keys; a number is never an app id.
    expect(screener.screen({ kind: 'app', value: 'com.fake.safebox' }, NOW).reasons).toHaveLength(1);
    expect(screener.screen({ kind: 'number', value: '490154203237518' }, NOW).action).not.toBe('block');
  });

  it('applies adds and removes from the change log', () => {
    const { screener: live } = Screener.build(ENTRIES);
    expect(live.apply({ op: 'add', entry: { kind: 'app', value: 'com.new.scam', ...from() } })).toEqual({
      ok: true,
      normalized: 'com.new.scam',
    });
    expect(live.screen({ kind: 'app', value: 'com.new.scam' }, NOW).action).toBe('block');
    expect(
      live.apply({ op: 'remove', entry: { kind: 'imei', value: '4901542032375100', list: 'case-devices' } }),
    ).toEqual({ ok: true, removed: 1 });
    expect(live.screen({ kind: 'imei', value: '490154203237518' }, NOW).action).toBe('pass');
    expect(live.pendingChanges).toBe(2);
    live.compact();
    expect(live.screen({ kind: 'app', value: 'com.new.scam' }, NOW).action).toBe('block');
    expect(live.screen({ kind: 'imei', value: '490154203237518' }, NOW).action).toBe('pass');
  });

  it('takes the normalized fast path of the builder', () => {
    const builder = new ScreenerBuilder();
    builder.identifiers.addNormalized('app', 'com.fake.safebox', builder.records.intern(from(), 'app'));
    builder.identifiers.addNormalized(
      'imei',
      '490154203237518',
      builder.records.intern(from({ list: 'case-devices' }), 'imei'),
    );
    const fast = builder.build();
    for (const item of [
      { kind: 'app', value: 'com.fake.safebox' },
      { kind: 'imei', value: '490154203237518' },
      { kind: 'app', value: 'com.loan.other' },
    ] as const)
      expect(fast.screen(item, NOW)).toEqual(screener.screen(item, NOW));
  });
});

describe('snapshots with apps and devices', () => {
  it('restore a screener that answers as the original', () => {
    const { screener } = Screener.build([
      ...ENTRIES,
      { kind: 'number', value: '13812345678', ...from({ list: 'case-numbers' }) },
    ]);
    const restored = restoreSnapshot(takeSnapshot(screener));
    for (const item of [
      { kind: 'app', value: 'com.fake.safebox' },
      { kind: 'imei', value: '4901542032375102' },
      { kind: 'number', value: '13812345678' },
    ] as const)
      expect(restored.screen(item, NOW)).toEqual(screener.screen(item, NOW));
    expect(restored.identifiers.size).toBe(3);
  });

  it('still restore from a format-1 snapshot (before apps and devices), with none listed', () => {
    const { screener } = Screener.build([
      { kind: 'number', value: '13812345678', ...from({ list: 'case-numbers' }) },
    ]);
    const snapshot = takeSnapshot(screener);
    const indices = { ...(snapshot.meta.indices as Record<string, unknown>) };
    delete indices.identifiers;
    const old: ScreenerSnapshot = {
      meta: { ...snapshot.meta, format: 'fanzha-screener/1', indices },
      arrays: snapshot.arrays,
    };
    const restored = restoreSnapshot(old);
    expect(restored.screen({ kind: 'number', value: '13812345678' }, NOW).action).toBe('block');
    expect(restored.screen({ kind: 'app', value: 'com.fake.safebox' }, NOW).action).toBe('pass');
    expect(restored.apply({ op: 'add', entry: ENTRIES[0]! })).toMatchObject({ ok: true });
    expect(restored.screen({ kind: 'app', value: 'com.fake.safebox' }, NOW).action).toBe('block');
  });

  it('refuse an unknown format', () => {
    const snapshot = takeSnapshot(Screener.build([]).screener);
    expect(() =>
      restoreSnapshot({ ...snapshot, meta: { ...snapshot.meta, format: 'fanzha-screener/9' } }),
    ).toThrow(/unknown format/);
  });
});
