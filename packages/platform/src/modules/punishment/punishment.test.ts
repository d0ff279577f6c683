import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from '../auth/index.js';
import { residentId } from '../cards/test-factories.js';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { DELTA_SETTLE_MS } from './deltas.js';

const START = Date.parse('2026-11-26T09:00:00.000Z');
const MINUTE = 60_000;
let now = START;
let sut: TestPlatform;
let bankKey: string;
let otherKey: string;

const at = (ms: number) => new Date(START + ms).toISOString();
const advanceTo = (ms: number) => {
  now = START + ms;
};

const P = { name: '王小明', idNumber: residentId('320104', 21) };
const Q = { name: '李四', idNumber: residentId('320102', 22) };

async function as(username: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const cookie = await sut.login(username);
  return sut.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function delta(query = '', key = bankKey) {
  const response = await sut.app.inject({
    method: 'GET',
    url: `/api/v1/partner/punishment${query}`,
    headers: { 'x-api-key': key },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    cursor: string;
    snapshot: boolean;
    adds: { id: string; measure: string; idNumber: string; name: string }[];
    removals: { id: string; measure: string; idNumber: string; cause: string }[];
  };
}

const ids: Record<string, string> = {};
let cursor = '';

beforeAll(async () => {
  sut = await createTestPlatform({ clock: { now: () => new Date(now) } });
  bankKey = (
    await createApiKey(sut.ctx, systemActor(), { name: '某银行', unitCode: '320000', scopes: ['punishment'] })
  ).key;
  otherKey = (
    await createApiKey(sut.ctx, systemActor(), { name: 'screening', unitCode: '320000', scopes: ['screen'] })
  ).key;
  await sut.app.screening.apiKeys.refresh(Date.now());
});
afterAll(() => sut.close());

describe('POST /api/v1/punishments', () => {
  it('puts a person under both measures, once', async () => {
    const response = await as('nanjing-analyst', 'POST', '/api/v1/punishments', {
      person: P,
      measures: ['financial', 'telecom'],
      reason: '出售银行卡两张用于诈骗',
      endsAt: at(60 * MINUTE),
    });
    expect(response.statusCode, response.body).toBe(201);
    const { items } = response.json();
    expect(items.map((i: { measure: string }) => i.measure).sort()).toEqual(['financial', 'telecom']);
    expect(items[0]).toMatchObject({ status: 'active', name: '王**', unit: { code: '320100' } });
    expect(items[0].idNumber).not.toBe(P.idNumber);
    for (const item of items) ids[`P-${item.measure}`] = item.id;
    const again = await as('nanjing-analyst', 'POST', '/api/v1/punishments', {
      person: P,
      measures: ['telecom'],
      reason: '重复',
      endsAt: at(90 * MINUTE),
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses an invalid ID and an end before the start', async () => {
    const bad = await as('nanjing-analyst', 'POST', '/api/v1/punishments', {
      person: { name: '坏号', idNumber: '320104199001010000' },
      measures: ['financial'],
      reason: 'x 测试',
      endsAt: at(60 * MINUTE),
    });
    expect(bad.statusCode).toBe(400);
    const backwards = await as('nanjing-analyst', 'POST', '/api/v1/punishments', {
      person: Q,
      measures: ['financial'],
      reason: 'x 测试',
      startsAt: at(30 * MINUTE),
      endsAt: at(10 * MINUTE),
    });
    expect(backwards.statusCode).toBe(400);
  });
});

describe('GET /api/v1/partner/punishment', () => {
  it('starts with a snapshot holding full ID numbers, and audits the export', async () => {
    advanceTo(DELTA_SETTLE_MS + 1000);
    const first = await delta();
    expect(first.snapshot).toBe(true);
    expect(first.adds.map((a) => [a.measure, a.idNumber, a.name]).sort()).toEqual([
      ['financial', P.idNumber, P.name],
      ['telecom', P.idNumber, P.name],
    ]);
    expect(first.removals).toEqual([]);
    cursor = first.cursor;
    const audit = await sut.ctx.db
      .selectFrom('audit_log')
      .select(['actor_username', 'detail'])
      .where('action', '=', 'punishment.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_username).toBe('某银行');
    expect(audit[0]!.detail).toMatchObject({ snapshot: true, adds: 2, removals: 0 });
  });

  it('refuses a key without the punishment scope', async () => {
    const response = await sut.app.inject({
      method: 'GET',
      url: '/api/v1/partner/punishment',
      headers: { 'x-api-key': otherKey },
    });
    expect(response.statusCode).toBe(403);
  });

  it('tells a pending punishment only once it starts', async () => {
    const response = await as('xuanwu-analyst', 'POST', '/api/v1/punishments', {
      person: Q,
      measures: ['financial'],
      reason: '收购银行卡',
      startsAt: at(30 * MINUTE),
      endsAt: at(120 * MINUTE),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().items[0].status).toBe('pending');
    ids.Q = response.json().items[0].id;
    advanceTo(10 * MINUTE);
    const before = await delta(`?since=${cursor}`);
    expect(before).toMatchObject({ snapshot: false, adds: [], removals: [] });
    cursor = before.cursor;
    advanceTo(31 * MINUTE);
    const started = await delta(`?since=${cursor}`);
    expect(started.adds.map((a) => a.id)).toEqual([ids.Q]);
    cursor = started.cursor;
  });

  it('removes a punishment ended early, and one revoked on appeal', async () => {
    const ended = await as('nanjing-analyst', 'POST', `/api/v1/punishments/${ids['P-telecom']}/end`, {
      reason: '已整改',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().status).toBe('ended');
    expect(
      (await as('nanjing-analyst', 'POST', `/api/v1/punishments/${ids['P-telecom']}/end`, { reason: '再次' }))
        .statusCode,
    ).toBe(409);

    const filed = await as('xuanwu-officer', 'POST', `/api/v1/punishments/${ids['P-financial']}/appeals`, {
      reason: '银行卡系被盗用',
    });
    // 玄武区 cannot see a punishment decided by 南京市.
    expect(filed.statusCode).toBe(404);
    const appeal = await as('nanjing-officer', 'POST', `/api/v1/punishments/${ids['P-financial']}/appeals`, {
      reason: '银行卡系被盗用',
    });
    expect(appeal.statusCode, appeal.body).toBe(201);
    expect(appeal.json().openAppeals).toBe(1);
    const second = await as('nanjing-officer', 'POST', `/api/v1/punishments/${ids['P-financial']}/appeals`, {
      reason: '再次申诉',
    });
    expect(second.statusCode).toBe(409);
    const appealId = appeal.json().appeals[0].id;
    const decided = await as(
      'nanjing-analyst',
      'POST',
      `/api/v1/punishments/${ids['P-financial']}/appeals/${appealId}/decide`,
      { decision: 'revoke', reason: '核实为被盗用' },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'revoked', appeals: [{ status: 'revoked' }] });

    advanceTo(33 * MINUTE);
    const changes = await delta(`?since=${cursor}`);
    expect(changes.adds).toEqual([]);
    expect(changes.removals.map((r) => [r.measure, r.cause]).sort()).toEqual([
      ['financial', 'revoked'],
      ['telecom', 'ended'],
    ]);
    cursor = changes.cursor;
  });

  it('drops an expired punishment off the active list and tells partners, by the clock alone', async () => {
    const active = (await as('province-analyst', 'GET', '/api/v1/punishments')).json();
    expect(active.items.map((i: { id: string }) => i.id)).toEqual([ids.Q]);
    advanceTo(121 * MINUTE);
    expect((await as('province-analyst', 'GET', '/api/v1/punishments')).json().items).toEqual([]);
    const expired = (await as('province-analyst', 'GET', '/api/v1/punishments?status=expired')).json();
    expect(expired.items.map((i: { id: string }) => i.id)).toEqual([ids.Q]);
    const all = (await as('province-analyst', 'GET', '/api/v1/punishments?status=all')).json();
    expect(all.total).toBe(3);
    advanceTo(123 * MINUTE);
    const changes = await delta(`?since=${cursor}`);
    expect(changes.removals.map((r) => [r.id, r.cause])).toEqual([[ids.Q, 'expired']]);
    // Appealing an expired punishment is refused.
    const late = await as('xuanwu-officer', 'POST', `/api/v1/punishments/${ids.Q}/appeals`, {
      reason: '迟到的申诉',
    });
    expect(late.statusCode).toBe(409);
    // A later snapshot is empty: nothing is in force.
    expect((await delta()).adds).toEqual([]);
  });

  it('answers NDJSON, one change a line and the cursor last, filtered by measure', async () => {
    const added = await as('province-analyst', 'POST', '/api/v1/punishments', {
      person: P,
      measures: ['financial', 'telecom'],
      reason: '再次贩卡',
      endsAt: at(600 * MINUTE),
    });
    expect(added.statusCode, added.body).toBe(201);
    advanceTo(125 * MINUTE);
    const response = await sut.app.inject({
      method: 'GET',
      url: `/api/v1/partner/punishment?since=${cursor}&measure=telecom&format=ndjson`,
      headers: { 'x-api-key': bankKey },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.op)).toEqual(['add', 'cursor']);
    expect(lines[0]).toMatchObject({ measure: 'telecom', idNumber: P.idNumber });
    expect(lines[1].cursor).toBe(response.headers['x-next-cursor']);
  });

  it('refuses a cursor from the future', async () => {
    const response = await sut.app.inject({
      method: 'GET',
      url: `/api/v1/partner/punishment?since=p${(START + 10_000 * MINUTE).toString(36)}`,
      headers: { 'x-api-key': bankKey },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('POST /api/v1/punishments/:id/reveal', () => {
  it('shows the full identity to an officer with a reason, audited', async () => {
    const response = await as('nanjing-officer', 'POST', `/api/v1/punishments/${ids['P-financial']}/reveal`, {
      reason: '通知银行核查',
    });
    expect(response.json()).toMatchObject(P);
    const audit = await sut.ctx.db
      .selectFrom('audit_log')
      .select('reason')
      .where('action', '=', 'personal_data.reveal')
      .where('record_type', '=', 'punishment')
      .execute();
    expect(audit).toEqual([{ reason: '通知银行核查' }]);
  });
});
