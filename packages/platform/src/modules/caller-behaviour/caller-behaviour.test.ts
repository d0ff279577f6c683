import { Readable } from 'node:stream';
import { generateSyntheticCdrs, type CallDetailRecord } from '@fanzha/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from '../auth/index.js';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { createCase } from '../cases/index.js';
import { scoreCdrs } from './service.js';
import { dialler, HOUR_START } from './test-factories.js';

let sut: TestPlatform;
let cdrKey: string;

beforeAll(async () => {
  sut = await createTestPlatform();
  cdrKey = (
    await createApiKey(sut.ctx, systemActor(), {
      name: 'carrier CDR feed',
      unitCode: '320000',
      scopes: ['cdr'],
    })
  ).key;
  await sut.app.screening.apiKeys.refresh(Date.now());
});
afterAll(() => sut.close());

const ndjson = (records: readonly CallDetailRecord[]) => records.map((r) => JSON.stringify(r)).join('\n');

const post = (payload: string, format: 'csv' | 'ndjson' = 'ndjson', key = cdrKey) =>
  sut.app.inject({
    method: 'POST',
    url: `/api/v1/partner/cdrs?format=${format}`,
    payload,
    headers: { 'x-api-key': key, 'content-type': format === 'csv' ? 'text/csv' : 'application/x-ndjson' },
  });

async function candidates(status = 'pending') {
  const analyst = await sut.login('province-analyst');
  const response = await sut.app.inject({
    method: 'GET',
    url: `/api/v1/intel/caller-candidates?status=${status}&pageSize=200`,
    headers: { cookie: analyst },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Array<{ id: string; number: string; windows: number }>; total: number };
}

/** Someone else's call an hour later: moves the stream's time past the window. */
const later: CallDetailRecord = {
  caller: '13800001234',
  callee: '13800005678',
  start: HOUR_START + 65 * 60_000,
  duration: 60,
  direction: 'outbound',
  cell: 'cell-2',
  imei: '860000000000002',
};

describe('POST /api/v1/partner/cdrs', () => {
  it('adds two posts into one window and marks a number that neither post alone would', async () => {
    const number = '17012340001';
    const first = dialler(number, 0, 20);
    const second = dialler(number, 20, 20);
    // Each post on its own, through fresh windows, stays below the threshold.
    for (const part of [first, second]) {
      const alone = await scoreCdrs({ format: 'ndjson', input: Readable.from(ndjson(part)) });
      expect(alone.marked).toEqual([]);
    }
    const one = await post(ndjson(first));
    expect(one.statusCode, one.body).toBe(202);
    expect(one.json()).toMatchObject({ records: 20, badLines: 0, batches: 1, duplicateBatches: 0 });
    await sut.app.callerBehaviour.stream.whenIdle();
    expect((await candidates()).items.map((c) => c.number)).not.toContain(`+86${number}`);

    expect((await post(ndjson([...second, later]))).statusCode).toBe(202);
    await sut.app.callerBehaviour.stream.whenIdle();
    const raised = (await candidates()).items.find((c) => c.number === `+86${number}`);
    expect(raised).toMatchObject({ windows: 1 });

    await sut.app.screening.service.follower.sync();
    expect(sut.app.screening.service.screen({ kind: 'number', value: number }, null)).toMatchObject({
      action: 'mark',
      reasons: [{ list: 'caller-behaviour', source: { kind: 'rule', id: 'caller-behaviour' } }],
    });
  });

  it('reports bad lines by number and refuses a CSV without its columns', async () => {
    const records = dialler('17012340002', 0, 3);
    const withBroken = await post(ndjson(records) + '\n{broken');
    expect(withBroken.json()).toMatchObject({
      records: 3,
      badLines: 1,
      errors: [{ line: 4, reason: 'not valid JSON' }],
    });
    const csv = await post('caller,callee\n13800000000,13900000000', 'csv');
    expect(csv.statusCode).toBe(400);
    expect(csv.json().detail).toMatch(/header lacks start, duration, direction, cell, imei/);
  });

  it('takes a CSV with a header and needs the cdr scope', async () => {
    const csv = [
      'caller,callee,start,duration,direction,cell,imei',
      ...dialler('17012340003', 0, 5).map((r) =>
        [r.caller, r.callee, r.start, r.duration, r.direction, r.cell, r.imei].join(','),
      ),
    ].join('\n');
    expect((await post(csv, 'csv')).json()).toMatchObject({ records: 5, badLines: 0 });
    const analyst = await sut.login('province-analyst');
    const response = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/partner/cdrs?format=csv',
      payload: csv,
      headers: { cookie: analyst, 'content-type': 'text/csv' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('marks the SIM boxes among ordinary callers fed in four posts', async () => {
    const traffic = generateSyntheticCdrs({ seed: 7, hours: 6, ordinary: 150, busy: 10, simBoxes: 5 });
    // Later than the windows of the other tests: the stream's time only moves forward.
    const shift = 2 * 86_400_000;
    const records = traffic.records.map((r) => ({ ...r, start: r.start + shift }));
    const quarter = Math.ceil(records.length / 4);
    for (let i = 0; i < records.length; i += quarter)
      expect((await post(ndjson(records.slice(i, i + quarter)))).statusCode).toBe(202);
    await sut.app.callerBehaviour.stream.closeAll();
    const marked = new Set((await candidates()).items.map((c) => c.number.replace('+86', '')));
    const caught = [...traffic.simBoxNumbers].filter((n) => marked.has(n));
    const ordinary = new Set(records.map((r) => (r.direction === 'outbound' ? r.caller : r.callee)));
    const falseAlarms = [...marked].filter((n) => ordinary.has(n) && !traffic.simBoxNumbers.has(n));
    expect(caught.length).toBeGreaterThanOrEqual(4);
    expect(falseAlarms.length).toBeLessThanOrEqual(1);
  });
});

describe('a replay of older CDRs', () => {
  it('has its windows closed as the replay moves on, though live records were newer', async () => {
    const number = '17012340077';
    const dayBefore = (r: CallDetailRecord) => ({ ...r, start: r.start - 86_400_000 });
    expect((await post(ndjson([...dialler(number, 0, 60, 8), later].map(dayBefore)))).statusCode).toBe(202);
    await sut.app.callerBehaviour.stream.whenIdle();
    expect((await candidates()).items.map((c) => c.number)).toContain(`+86${number}`);
  });
});

describe('victims known from cases', () => {
  it('reach the windows through the cases module', async () => {
    await createCase(sut.ctx, systemActor(), {
      unitCode: '320102',
      fraudType: 'fake_police',
      victim: { name: '受害人', phone: '+86 139 1234 0001' },
      amountLost: 5000,
      footprints: [],
    });
    await sut.app.callerBehaviour.victims.refresh();
    const stats = await sut.app.inject({
      method: 'GET',
      url: '/api/v1/intel/caller-behaviour/stats',
      headers: { cookie: await sut.login('province-analyst') },
    });
    expect(stats.json()).toMatchObject({ stream: 'in-process', victims: 1 });
    expect(stats.json().records).toBeGreaterThan(40);
  });
});

describe('POST /api/v1/intel/caller-candidates/:id/decide', () => {
  const decide = async (id: string, payload: object, user = 'province-analyst') =>
    sut.app.inject({
      method: 'POST',
      url: `/api/v1/intel/caller-candidates/${id}/decide`,
      payload,
      headers: { cookie: await sut.login(user) },
    });

  it('allows a number (allow entry, mark lifted), blocks another, and refuses deciding twice', async () => {
    const [first, second] = (await candidates()).items;
    const allowed = await decide(first!.id, { decision: 'allow', reason: '快递员外呼，核实无误' });
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json()).toMatchObject({ status: 'allowed', listName: 'caller-behaviour-allow' });
    const blocked = await decide(second!.id, { decision: 'block', reason: '核实为GOIP设备' });
    expect(blocked.json()).toMatchObject({ status: 'blocked', listName: 'caller-behaviour-block' });
    await sut.app.screening.service.follower.sync();
    const screen = (value: string) => sut.app.screening.service.screen({ kind: 'number', value }, null);
    expect(screen(first!.number)).toMatchObject({ action: 'allow' });
    expect(screen(second!.number)).toMatchObject({ action: 'block' });
    const audited = await sut.ctx.db
      .selectFrom('audit_log')
      .select(['record_id', 'actor_username', 'detail'])
      .where('action', '=', 'caller_behaviour.decide')
      .orderBy('id')
      .execute();
    expect(audited.map((row) => [row.record_id, row.actor_username])).toEqual([
      [first!.id, 'province-analyst'],
      [second!.id, 'province-analyst'],
    ]);
    expect(audited[1]!.detail).toMatchObject({ decision: 'block', list: 'caller-behaviour-block' });
    expect((await decide(first!.id, { decision: 'block', reason: '再次决定' })).statusCode).toBe(409);
    expect((await decide('999999', { decision: 'dismiss', reason: '不存在' })).statusCode).toBe(404);
    expect((await decide(second!.id, { decision: 'maybe', reason: '无效' })).statusCode).toBe(400);
    const domainList = await decide((await candidates()).items[0]!.id, {
      decision: 'block',
      reason: '列表不对',
      list: 'no-such-list',
    });
    expect(domainList.statusCode).toBe(404);
    expect(
      (await decide(first!.id, { decision: 'allow', reason: '只读' }, 'province-auditor')).statusCode,
    ).toBe(403);
  });
});
