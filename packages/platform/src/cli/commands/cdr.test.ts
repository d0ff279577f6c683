/** `fanzha cdr import` against a running platform: chunks add up in one window, bad lines by file line. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from '../../modules/auth/index.js';
import { dialler } from '../../modules/caller-behaviour/test-factories.js';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { runFanzha } from '../../test-support/cli.js';

let platform: TestPlatform;
let url: string;
let key: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  url = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  key = (
    await createApiKey(platform.ctx, systemActor(), {
      name: 'cli carrier',
      unitCode: '320000',
      scopes: ['cdr'],
    })
  ).key;
  await platform.app.screening.apiKeys.refresh(Date.now());
});
afterAll(() => platform?.close());

describe('fanzha cdr import', () => {
  it('posts a CSV in chunks whose records add up into one marked window, naming bad lines by their line in the file', async () => {
    const number = '17012340099';
    const records = dialler(number, 0, 60, 8);
    const later = {
      ...records[0]!,
      caller: '13800001234',
      start: records[0]!.start + 65 * 60_000,
      duration: 60,
    };
    const rows = [...records, later].map((r) =>
      [r.caller, r.callee, r.start, r.duration, r.direction, r.cell, r.imei].join(','),
    );
    rows.splice(30, 0, '13800000000,13900000000,not-a-time,10,outbound,c,i');
    const file = join(mkdtempSync(join(tmpdir(), 'fanzha-cdr-')), 'cdrs.csv');
    writeFileSync(file, ['caller,callee,start,duration,direction,cell,imei', ...rows].join('\n'));

    const result = await runFanzha([
      'cdr',
      'import',
      file,
      '--format',
      'csv',
      '--url',
      url,
      '--api-key',
      key,
      '--chunk',
      '25',
    ]);
    expect(result.code, result.stderr).toBe(0);
    // The header is line 1; the bad row is the 31st row, line 32.
    expect(result.stderr).toContain('line 32: invalid start: "not-a-time"');
    expect(result.stderr).toContain('61 records posted in 3 requests, 1 bad lines');
    await platform.app.callerBehaviour.stream.whenIdle();
    const candidates = await platform.app.inject({
      url: '/api/v1/intel/caller-candidates',
      headers: { cookie: await platform.login('province-analyst') },
    });
    expect(candidates.json().items.map((c: { number: string }) => c.number)).toEqual([`+86${number}`]);
  }, 120_000);

  it('says what the platform refused', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fanzha-cdr-')), 'bad.csv');
    writeFileSync(file, 'caller,callee\n1,2\n');
    const result = await runFanzha([
      'cdr',
      'import',
      file,
      '--format',
      'csv',
      '--url',
      url,
      '--api-key',
      key,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the platform answered 400');
  }, 120_000);
});
