import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../auth/index.js';
import { createTestPlatform, type TestPlatform } from '../../../test-support/index.js';
import { createList } from '../service.js';
import { exportList } from './export.js';
import { runImport, type ImportProgress } from './run-import.js';

let sut: TestPlatform;
let analyst: string;
const actor = systemActor('test');

beforeAll(async () => {
  sut = await createTestPlatform();
  analyst = await sut.login('province-analyst');
  await createList(sut.ctx, actor, {
    name: 'numbers',
    title: '号码',
    kind: 'number',
    defaultAction: 'block',
    unitCode: '320000',
  });
  await createList(sut.ctx, actor, {
    name: 'domains',
    title: '域名',
    kind: 'domain',
    defaultAction: 'block',
    unitCode: '320000',
  });
});
afterAll(() => sut.close());

/**
 * A CSV made row by row as the import reads it (never a file or a string in memory): `produced`
 * says how many rows the import has pulled so far.
 */
function generatedCsv(rows: number, line: (i: number) => string) {
  const produced = { rows: 0 };
  function* chunks() {
    yield 'value,confidence\n';
    for (let i = 0; i < rows; i += 1_000) {
      let chunk = '';
      for (let j = i; j < Math.min(rows, i + 1_000); j++) chunk += `${line(j)}\n`;
      produced.rows = Math.min(rows, i + 1_000);
      yield chunk;
    }
  }
  return { input: Readable.from(chunks()), produced };
}

const mobile = (i: number) => `1371${String(i).padStart(7, '0')}`;

const count = async (list: string) =>
  Number(
    (
      await sut.ctx.db
        .selectFrom('intel_entries')
        .innerJoin('intel_lists', 'intel_lists.id', 'intel_entries.list_id')
        .where('intel_lists.name', '=', list)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('runImport', { timeout: 120_000 }, () => {
  it('imports CSV rows with provenance and expiry', async () => {
    const csv =
      'value,action,confidence,source_kind,source_id,expires_at,reason\n13800000001,block,95,case,C-1,2030-01-01T00:00:00Z,冒充公检法\n"+86 139 0000 0002",mark,60,report,R-9,,\n';
    const outcome = await runImport(sut.ctx, actor, {
      list: 'numbers',
      format: 'csv',
      input: Readable.from([csv]),
    });
    expect(outcome).toMatchObject({ status: 'succeeded', rowsRead: 2, added: 2, errorCount: 0 });
    const rows = await sut.ctx.db
      .selectFrom('intel_entries')
      .selectAll()
      .where('value', '=', '+8613800000001')
      .execute();
    expect(rows[0]).toMatchObject({
      action: 'block',
      confidence: 95,
      source_kind: 'case',
      source_id: 'C-1',
      reason: '冒充公检法',
    });
  });

  it('rejects a file with bad rows as a whole, reporting each with its line number', async () => {
    const before = await count('numbers');
    const csv = [
      'value,confidence',
      '13800000010,90',
      'not-a-number,90',
      '13800000011,900',
      '"unterminated,1',
      '',
    ].join('\n');
    const outcome = await runImport(sut.ctx, actor, {
      list: 'numbers',
      format: 'csv',
      input: Readable.from([csv]),
    });
    expect(outcome.status).toBe('failed');
    expect(outcome.added).toBe(0);
    expect(outcome.errors.map((e) => e.line)).toEqual(expect.arrayContaining([3, 4]));
    expect(outcome.errors.find((e) => e.line === 4)?.reason).toContain('confidence');
    expect(await count('numbers')).toBe(before);
  });

  it('rejects unknown CSV columns at line 1', async () => {
    const outcome = await runImport(sut.ctx, actor, {
      list: 'numbers',
      format: 'csv',
      input: Readable.from(['value,colour\n13800000012,red\n']),
    });
    expect(outcome.status).toBe('failed');
    expect(outcome.errors[0]).toEqual({
      line: 1,
      reason: expect.stringContaining('unknown column "colour"'),
    });
  });

  it('imports NDJSON and names unknown fields and broken lines', async () => {
    const good =
      '{"value":"evil-bank.cn","confidence":90,"source":{"kind":"partner","id":"feed-1"}}\n{"value":"www.fake-icbc.com","match":"host"}\n';
    expect(
      await runImport(sut.ctx, actor, { list: 'domains', format: 'ndjson', input: Readable.from([good]) }),
    ).toMatchObject({ status: 'succeeded', added: 2 });
    const bad = '{"value":"a.cn"}\n{"value":"b.cn","colour":1}\n{oops\n';
    const outcome = await runImport(sut.ctx, actor, {
      list: 'domains',
      format: 'ndjson',
      input: Readable.from([bad]),
    });
    expect(outcome.errors).toEqual([
      { line: 2, reason: 'unknown field "colour"' },
      { line: 3, reason: 'not valid JSON' },
    ]);
    expect(await count('domains')).toBe(2);
  });

  it('imports STIX 2.1 indicators and refuses ones of another kind', async () => {
    const bundle = JSON.stringify({
      type: 'bundle',
      id: 'bundle--1',
      objects: [
        { type: 'identity', id: 'identity--1', name: 'feed' },
        {
          type: 'indicator',
          id: 'indicator--a',
          pattern: "[domain-name:value = 'stix-scam.top']",
          pattern_type: 'stix',
          confidence: 80,
          valid_from: '2026-01-01T00:00:00Z',
        },
      ],
    });
    expect(
      await runImport(sut.ctx, actor, { list: 'domains', format: 'stix', input: Readable.from([bundle]) }),
    ).toMatchObject({ status: 'succeeded', added: 1 });
    const wrong = JSON.stringify({
      type: 'bundle',
      objects: [{ type: 'indicator', pattern: "[phone-number:value = '+8613800000000']" }],
    });
    const outcome = await runImport(sut.ctx, actor, {
      list: 'domains',
      format: 'stix',
      input: Readable.from([wrong]),
    });
    expect(outcome.errors[0]?.reason).toContain('cannot go into a domain list');
  });

  it('streams a large generated file: reads no further ahead than a batch, then writes with progress', async () => {
    // 120,000 rows: the last 20,000 repeat the first ones (more than a merge chunk apart) with
    // another confidence; the later row of a value wins, as it would row by row.
    const { input, produced } = generatedCsv(
      120_000,
      (i) => `${mobile(i % 100_000)},${i < 100_000 ? 50 : 80}`,
    );
    const seen: ImportProgress[] = [];
    let aheadMost = 0;
    const outcome = await runImport(sut.ctx, actor, {
      list: 'numbers',
      format: 'csv',
      input,
      onProgress: (progress) => {
        seen.push(progress);
        if (progress.phase === 'reading') aheadMost = Math.max(aheadMost, produced.rows - progress.rowsRead);
      },
    });
    expect(outcome).toMatchObject({
      status: 'succeeded',
      rowsRead: 120_000,
      written: 120_000,
      errorCount: 0,
    });
    // Rows pulled from the source but not yet read stay within stream buffers and one staging batch.
    expect(aheadMost).toBeLessThan(30_000);
    expect(seen.some((p) => p.phase === 'writing' && p.written > 0 && p.written < 120_000)).toBe(true);
    const stored = await sut.ctx.db
      .selectFrom('intel_entries')
      .select(['value', 'confidence'])
      .where('value', 'in', ['+86' + mobile(0), '+86' + mobile(19_999), '+86' + mobile(20_000)])
      .orderBy('value')
      .execute();
    expect(stored.map((row) => row.confidence)).toEqual([80, 80, 50]);
    expect(await count('numbers')).toBeGreaterThanOrEqual(100_000);
  });

  it('rejects a large file whose bad row is near the end, by line, and changes nothing', async () => {
    const before = await count('numbers');
    // Line n + 1 holds row n (line 1 is the header); row 0 would lower a stored entry's confidence.
    const { input } = generatedCsv(100_000, (i) =>
      i === 99_997 ? 'not-a-number,90' : `${i === 0 ? '13800000001' : mobile(200_000 + i)},10`,
    );
    const outcome = await runImport(sut.ctx, actor, { list: 'numbers', format: 'csv', input });
    expect(outcome).toMatchObject({
      status: 'failed',
      rowsRead: 100_000,
      added: 0,
      written: 0,
      errorCount: 1,
    });
    expect(outcome.errors).toEqual([{ line: 99_999, reason: 'not_a_number: not-a-number' }]);
    expect(await count('numbers')).toBe(before);
    const kept = await sut.ctx.db
      .selectFrom('intel_entries')
      .select('confidence')
      .where('value', '=', '+8613800000001')
      .executeTakeFirstOrThrow();
    expect(kept.confidence).toBe(95);
  });

  it('exports a list of many pages, each entry once, page by page', async () => {
    let lines = 0;
    let chunks = 0;
    const values = new Set<string>();
    for await (const chunk of exportList(sut.ctx, actor, 'numbers', 'ndjson')) {
      chunks++;
      for (const line of chunk.split('\n')) {
        if (!line) continue;
        lines++;
        values.add((JSON.parse(line) as { value: string }).value);
      }
    }
    expect(lines).toBe(await count('numbers'));
    expect(values.size).toBe(lines);
    expect(chunks).toBeGreaterThan(10);
  });

  it('leaves the lists as they were when the input breaks mid-way', async () => {
    const before = await count('numbers');
    const rows = Array.from({ length: 12_000 }, (_, i) => `1381${String(i).padStart(7, '0')}`).join('\n');
    const input = new Readable({ read() {} });
    input.push(`value\n${rows}\n`);
    setTimeout(() => input.destroy(new Error('connection reset')), 50);
    const outcome = await runImport(sut.ctx, actor, { list: 'numbers', format: 'csv', input });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('connection reset');
    expect(await count('numbers')).toBe(before);
  });
});

describe('HTTP import and export', { timeout: 120_000 }, () => {
  it('uploads a file, reports progress through the job and imports it', async () => {
    const csv = `value\n${Array.from({ length: 3_000 }, (_, i) => `1390${String(i).padStart(7, '0')}`).join('\n')}\n`;
    const started = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/intel/imports?list=numbers&format=csv',
      payload: csv,
      headers: { cookie: analyst, 'content-type': 'text/csv' },
    });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running', totalBytes: csv.length });
    await sut.app.imports.idle();
    const job = await sut.app.inject({
      url: `/api/v1/intel/imports/${started.json().id}`,
      headers: { cookie: analyst },
    });
    expect(job.json()).toMatchObject({
      status: 'succeeded',
      rowsRead: 3_000,
      written: 3_000,
      added: 3_000,
      bytesRead: csv.length,
    });
    const list = await sut.app.inject({ url: '/api/v1/intel/imports', headers: { cookie: analyst } });
    expect(list.json().items[0].id).toBe(started.json().id);
    // Screening follows the import: one bulk change, a fresh snapshot.
    await sut.app.screening.service.follower.sync();
    expect(sut.app.screening.service.screen({ kind: 'number', value: '13900002999' }, null)).toMatchObject({
      action: 'block',
    });
  });

  it('answers 404 for an unknown list and 403 to officers', async () => {
    expect(
      (
        await sut.app.inject({
          method: 'POST',
          url: '/api/v1/intel/imports?list=nope&format=csv',
          payload: 'value\n1\n',
          headers: { cookie: analyst, 'content-type': 'text/csv' },
        })
      ).statusCode,
    ).toBe(404);
    const officer = await sut.login('xuanwu-officer');
    expect(
      (
        await sut.app.inject({
          method: 'POST',
          url: '/api/v1/intel/imports?list=numbers&format=csv',
          payload: 'value\n1\n',
          headers: { cookie: officer, 'content-type': 'text/csv' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('exports CSV, NDJSON and STIX that import again unchanged', async () => {
    const csv = await sut.app.inject({
      url: '/api/v1/intel/lists/domains/export?format=csv',
      headers: { cookie: analyst },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('domains.csv');
    expect(csv.body.split('\n')[0]).toBe(
      'value,action,confidence,source_kind,source_id,expires_at,reason,match,account_kind',
    );
    expect(csv.body).toContain('stix-scam.top');
    const ndjson = await sut.app.inject({
      url: '/api/v1/intel/lists/domains/export?format=ndjson',
      headers: { cookie: analyst },
    });
    expect(ndjson.body.trim().split('\n')).toHaveLength(3);
    const stix = await sut.app.inject({
      url: '/api/v1/intel/lists/domains/export?format=stix',
      headers: { cookie: analyst },
    });
    const bundle = JSON.parse(stix.body);
    expect(bundle.objects).toHaveLength(3);
    expect(bundle.objects.map((o: { pattern: string }) => o.pattern)).toContain(
      "[domain-name:value = 'stix-scam.top']",
    );
    await createList(sut.ctx, actor, {
      name: 'domains-copy',
      title: '副本',
      kind: 'domain',
      defaultAction: 'block',
      unitCode: '320000',
    });
    for (const [format, body] of [
      ['csv', csv.body],
      ['ndjson', ndjson.body],
      ['stix', stix.body],
    ] as const) {
      const outcome = await runImport(sut.ctx, actor, {
        list: 'domains-copy',
        format,
        input: Readable.from([body]),
      });
      expect(outcome, format).toMatchObject({ status: 'succeeded', added: 3 });
    }
  });
});
