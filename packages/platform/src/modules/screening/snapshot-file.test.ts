/** Snapshot files: a screener written and read back answers exactly as the one it was taken from. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Screener, type IntelEntry } from '@fanzha/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { readNewestSnapshot, writeSnapshotFile } from './snapshot-file.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const provenance = (list: string, action: 'block' | 'mark' | 'allow', id: string) => ({
  list,
  action,
  confidence: 80,
  source: { kind: 'case' as const, id },
  addedAt: 1_700_000_000_000,
  expiresAt: null,
});

const entries: IntelEntry[] = [
  ...Array.from({ length: 3_000 }, (_, i) => ({
    kind: 'number' as const,
    value: `1390000${String(i).padStart(4, '0')}`,
    ...provenance('case-numbers', 'block', `CASE-${i % 3}`),
  })),
  { kind: 'number', value: '1700', match: 'prefix', ...provenance('ranges', 'mark', 'R') },
  { kind: 'number', value: '95', match: 'prefix', ...provenance('ranges', 'mark', 'R') },
  { kind: 'number', value: '13900000001', ...provenance('allow', 'allow', 'appeal') },
  { kind: 'domain', value: 'evil.cn', ...provenance('domains', 'block', 'D') },
  { kind: 'domain', value: 'only.example.org', match: 'host', ...provenance('domains', 'block', 'D') },
  { kind: 'url', value: 'https://example.com/login', ...provenance('urls', 'mark', 'U') },
  { kind: 'account', accountKind: 'qq', value: '123456', ...provenance('accounts', 'block', 'A') },
  { kind: 'app', value: 'com.fake.safebox', ...provenance('case-apps', 'block', 'A') },
  { kind: 'imei', value: '490154203237518', ...provenance('case-devices', 'block', 'A') },
];

const probes = [
  { kind: 'number', value: '13900000000' },
  { kind: 'number', value: '13900000001' },
  { kind: 'number', value: '13900002999' },
  { kind: 'number', value: '13900003000' },
  { kind: 'number', value: '17001234567' },
  { kind: 'number', value: '95588' },
  { kind: 'domain', value: 'www.evil.cn' },
  { kind: 'domain', value: 'only.example.org' },
  { kind: 'domain', value: 'x.only.example.org' },
  { kind: 'url', value: 'https://example.com/login/x' },
  { kind: 'url', value: 'https://example.com/login2' },
  { kind: 'account', value: 'qq:123456' },
  { kind: 'account', value: 'qq:654321' },
  { kind: 'app', value: 'Com.Fake.SafeBox' },
  { kind: 'app', value: 'com.fake.other' },
  { kind: 'imei', value: '4901542032375102' },
] as const;

describe('screener snapshot files', () => {
  it('round-trip: the restored screener answers as the original, and deltas still apply', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fanzha-snap-'));
    dirs.push(dir);
    const { screener } = Screener.build(entries);
    await writeSnapshotFile(dir, screener, '42', 1_800_000_000_000);
    const loaded = await readNewestSnapshot(dir);
    expect(loaded).toMatchObject({ seq: '42', createdAt: 1_800_000_000_000, entries: entries.length });
    for (const probe of probes)
      expect(loaded!.screener.screen(probe, 1_750_000_000_000)).toEqual(
        screener.screen(probe, 1_750_000_000_000),
      );
    loaded!.screener.apply({
      op: 'remove',
      entry: { kind: 'number', value: '13900000000', list: 'case-numbers' },
    });
    expect(loaded!.screener.screen(probes[0], 0).action).toBe('pass');
    loaded!.screener.compact();
    expect(loaded!.screener.screen(probes[2], 0).action).toBe('block');
  });

  it('starts from the newest snapshot, skips a damaged one and keeps two', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fanzha-snap-'));
    dirs.push(dir);
    const { screener } = Screener.build(entries);
    for (const seq of ['7', '9', '11']) await writeSnapshotFile(dir, screener, seq);
    expect((await readdir(dir)).sort()).toEqual([
      'screener-00000000000000000009.snap',
      'screener-00000000000000000011.snap',
    ]);
    await writeFile(join(dir, 'screener-00000000000000000012.snap'), 'FZSNAP1\n\u0000\u0001');
    expect((await readNewestSnapshot(dir))?.seq).toBe('11');
    expect(await readNewestSnapshot(join(dir, 'missing'))).toBeNull();
  });
});
