import { describe, expect, it } from 'vitest';
import type { EntryProvenance } from './index/entry.js';
import { KeyTable } from './index/key-table.js';
import { mixed } from './index/key-mix.js';
import { MobileCsr } from './index/mobile-csr.js';
import { MOBILE_BASE, mobileMixOffset } from './index/mobile-mix.js';
import { Screener } from './screener.js';
import { SNAPSHOT_FORMAT, restoreSnapshot, takeSnapshot, type ScreenerSnapshot } from './snapshot.js';

const NOW = 1_800_000_000_000;
const from = (list: string): EntryProvenance => ({
  list,
  action: 'block',
  confidence: 90,
  source: { kind: 'case', id: 'AJ-2026-001' },
  addedAt: 1_700_000_000_000,
  expiresAt: null,
});

describe('Screener snapshots and the mobile table', () => {
  const { screener } = Screener.build([
    { kind: 'number', value: '13812345678', ...from('mobiles') },
    { kind: 'number', value: '025-84123456', ...from('fixed') },
    { kind: 'number', value: '1700', match: 'prefix', ...from('ranges') },
  ]);
  const action = (restored: Screener, value: string) =>
    restored.screen({ kind: 'number', value }, NOW).action;

  it('round-trips, mobile numbers in their own table', () => {
    const snapshot = takeSnapshot(screener);
    expect(snapshot.meta.format).toBe(SNAPSHOT_FORMAT);
    const restored = restoreSnapshot(snapshot);
    expect(
      ['13812345678', '02584123456', '17001234567', '13812345679'].map((v) => action(restored, v)),
    ).toEqual(['block', 'block', 'block', 'pass']);
  });

  it('restores a format-2 snapshot, whose number index holds every exact number in one general table', () => {
    const snapshot = takeSnapshot(screener);
    const indices = snapshot.meta.indices as { numbers: Record<string, unknown> };
    // The exact table as format 2 wrote it: the mobile number and the fixed line side by side.
    const values = [8613812345678, 862584123456];
    const records = values.map((value) => screener.numbers.matches(`+${value}`, NOW)[0]!.record);
    const exact = KeyTable.build(
      Uint32Array.from(values, (value) => Math.floor(value / 4294967296)),
      Uint32Array.from(values, (value) => value >>> 0),
      Uint32Array.from(records),
      values.length,
    ).toParts();
    const arrays = [...snapshot.arrays, exact.directory, exact.words, exact.halves];
    const at = snapshot.arrays.length;
    const { mobile: _mobile, ...numbers } = indices.numbers;
    const old: ScreenerSnapshot = {
      meta: {
        ...snapshot.meta,
        format: 'fanzha-screener/2',
        indices: {
          ...indices,
          numbers: {
            ...numbers,
            exact: {
              ...exact,
              directory: { $array: at, type: 'u32' },
              words: { $array: at + 1, type: 'u32' },
              halves: { $array: at + 2, type: 'u16' },
            },
          },
        },
      },
      arrays,
    };
    const restored = restoreSnapshot(old);
    expect(
      ['13812345678', '02584123456', '17001234567', '13812345679'].map((v) => action(restored, v)),
    ).toEqual(['block', 'block', 'block', 'pass']);
    // Taken again, it is a current snapshot: the mobile number has moved to the mobile table.
    const parts = restored.numbers.toParts();
    expect([parts.mobile.size, parts.exact.size]).toEqual([1, 1]);
  });

  it('restores a format-3 snapshot, whose mobile table was a slot directory', () => {
    const snapshot = takeSnapshot(screener);
    const indices = snapshot.meta.indices as { numbers: Record<string, unknown> };
    const record = screener.numbers.matches('+8613812345678', NOW)[0]!.record;
    mobileMixOffset(8613812345678 - MOBILE_BASE);
    const csr = MobileCsr.fromMixed(
      Uint32Array.of(mixed[0]!),
      Uint32Array.of(mixed[1]!),
      Uint32Array.of(record),
      1,
    ).toParts();
    const at = snapshot.arrays.length;
    const old: ScreenerSnapshot = {
      meta: {
        ...snapshot.meta,
        format: 'fanzha-screener/3',
        indices: {
          ...indices,
          numbers: {
            ...indices.numbers,
            mobile: {
              ...csr,
              directory: { $array: at, type: 'u32' },
              entries: { $array: at + 1, type: 'u32' },
            },
          },
        },
      },
      arrays: [...snapshot.arrays, csr.directory, csr.entries],
    };
    const restored = restoreSnapshot(old);
    expect(
      ['13812345678', '02584123456', '17001234567', '13812345679'].map((v) => action(restored, v)),
    ).toEqual(['block', 'block', 'block', 'pass']);
    const parts = restored.numbers.toParts();
    expect([parts.mobile.size, 'bucketBits' in parts.mobile]).toEqual([1, true]);
  });
});
