import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from '../auth/index.js';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';

let sut: TestPlatform;
let partnerKey: string;
let otherPartnerKey: string;
let screenKey: string;

beforeAll(async () => {
  sut = await createTestPlatform();
  const key = async (name: string, scopes: string[]) =>
    (await createApiKey(sut.ctx, systemActor(), { name, unitCode: '320000', scopes })).key;
  partnerKey = await key('中国移动江苏公司', ['appeal']);
  otherPartnerKey = await key('中国电信江苏公司', ['appeal']);
  screenKey = await key('screening client', ['screen']);
  await sut.app.screening.apiKeys.refresh(Date.now());
  await createList('case-numbers', 'number', 'block');
  await createList('fraud-domains', 'domain', 'block');
  await createList('vip-numbers', 'number', 'allow');
  await addEntries('case-numbers', ['13812345678', '13900000002', '13700000003', '13600000004']);
  await addEntries('fraud-domains', ['icbc-login.com']);
  await addEntries('vip-numbers', ['13500000005']);
});
afterAll(() => sut.close());

async function as(username: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const cookie = await sut.login(username);
  return sut.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

const partner = (method: 'GET' | 'POST', url: string, payload?: object, key = partnerKey) =>
  sut.app.inject({ method, url, headers: { 'x-api-key': key }, ...(payload ? { payload } : {}) });

async function createList(name: string, kind: string, defaultAction: string) {
  const response = await as('province-analyst', 'POST', '/api/v1/intel/lists', {
    name,
    title: name,
    kind,
    defaultAction,
  });
  expect(response.statusCode, response.body).toBe(201);
}

async function addEntries(list: string, values: string[]) {
  const response = await as('province-analyst', 'POST', `/api/v1/intel/lists/${list}/entries`, {
    entries: values.map((value) => ({ value, source: { kind: 'case', id: 'A320102202611' } })),
  });
  expect(response.statusCode, response.body).toBe(200);
}

const file = (username: string, body: object) => as(username, 'POST', '/api/v1/appeals', body);
const decide = (username: string, id: string, body: object) =>
  as(username, 'POST', `/api/v1/appeals/${id}/decide`, body);

const entryOn = async (list: string, value: string) =>
  sut.ctx.db
    .selectFrom('intel_entries')
    .innerJoin('intel_lists', 'intel_lists.id', 'intel_entries.list_id')
    .selectAll('intel_entries')
    .where('intel_lists.name', '=', list)
    .where('intel_entries.value', '=', value)
    .executeTakeFirst();

const auditOf = (recordId: string) =>
  sut.ctx.db.selectFrom('audit_log').selectAll().where('record_id', '=', recordId).orderBy('id').execute();

const count = async (table: 'appeals' | 'intel_changes' | 'audit_log' | 'intel_entries' | 'intel_lists') =>
  Number(
    (
      await sut.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const ids: Record<string, string> = {};

describe('POST /api/v1/appeals', () => {
  it('files an officer’s appeal against a listed value, normalised for the list, and audits it', async () => {
    const response = await file('xuanwu-officer', {
      list: 'case-numbers',
      value: '+86 138-1234-5678',
      reason: '该号码为辖区群众正常使用，被误拦截',
      evidence: '机主身份证明及通话记录',
    });
    expect(response.statusCode, response.body).toBe(201);
    const appeal = response.json();
    expect(appeal).toMatchObject({
      list: 'case-numbers',
      kind: 'number',
      value: '+8613812345678',
      appellant: 'xuanwu-officer',
      appellantUnitCode: '320102',
      evidence: '机主身份证明及通话记录',
      status: 'pending',
      decidedBy: null,
      decisionReason: null,
      decidedAt: null,
    });
    ids.officer = appeal.id;
    const audit = await auditOf(appeal.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'appeal.file',
      actor_username: 'xuanwu-officer',
      reason: '该号码为辖区群众正常使用，被误拦截',
    });
  });

  it('answers 409 to a second pending appeal on the same value and writes nothing', async () => {
    const before = await count('appeals');
    const response = await file('nanjing-analyst', {
      list: 'case-numbers',
      value: '13812345678',
      reason: '重复申诉',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('conflict');
    expect(await count('appeals')).toBe(before);
  });

  it('answers 404 for a value not on the list and for an unknown list, 400 for a malformed value', async () => {
    const missing = await file('xuanwu-officer', {
      list: 'case-numbers',
      value: '13999999999',
      reason: '不在名单上',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const noList = await file('xuanwu-officer', { list: 'no-such-list', value: '13812345678', reason: 'xx' });
    expect(noList.statusCode).toBe(404);
    const bad = await file('xuanwu-officer', { list: 'case-numbers', value: 'not a number', reason: 'xx' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/value');
  });

  it('answers 409 for a value that is allowed, not blocked', async () => {
    const response = await file('xuanwu-officer', {
      list: 'vip-numbers',
      value: '13500000005',
      reason: '无需申诉',
    });
    expect(response.statusCode).toBe(409);
  });

  it('answers 400 naming the field for a missing reason or an unknown field, 403 to admins', async () => {
    const noReason = await file('xuanwu-officer', { list: 'case-numbers', value: '13600000004' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { field: string }) => e.field)).toContain('/reason');
    const extra = await file('xuanwu-officer', {
      list: 'case-numbers',
      value: '13600000004',
      reason: 'xx',
      status: 'approved',
    });
    expect(extra.statusCode).toBe(400);
    const admin = await file('province-admin', { list: 'case-numbers', value: '13600000004', reason: 'xx' });
    expect(admin.statusCode).toBe(403);
  });
});

describe('POST /api/v1/partner/appeals', () => {
  it('files a partner’s appeal under the API key’s name and unit', async () => {
    const response = await partner('POST', '/api/v1/partner/appeals', {
      list: 'case-numbers',
      value: '139 0000 0002',
      reason: '我司用户号码被误拦截，用户已实名核验',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      value: '+8613900000002',
      appellant: '中国移动江苏公司',
      appellantUnitCode: '320000',
      evidence: null,
      status: 'pending',
    });
    ids.partner = response.json().id;
    expect((await auditOf(ids.partner))[0]).toMatchObject({
      action: 'appeal.file',
      actor_type: 'api_key',
      actor_username: '中国移动江苏公司',
    });
  });

  it('answers 401 without a key, 403 to a key without the appeal scope', async () => {
    const body = { list: 'case-numbers', value: '13600000004', reason: 'xx' };
    const none = await sut.app.inject({ method: 'POST', url: '/api/v1/partner/appeals', payload: body });
    expect(none.statusCode).toBe(401);
    expect((await partner('POST', '/api/v1/partner/appeals', body, screenKey)).statusCode).toBe(403);
  });
});

describe('GET /api/v1/partner/appeals', () => {
  it('shows a key its own appeals only', async () => {
    const own = (await partner('GET', '/api/v1/partner/appeals')).json();
    expect(own.items.map((a: { id: string }) => a.id)).toEqual([ids.partner]);
    const other = (await partner('GET', '/api/v1/partner/appeals', undefined, otherPartnerKey)).json();
    expect(other).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});

describe('GET /api/v1/appeals and /api/v1/appeals/{id}', () => {
  beforeAll(async () => {
    const response = await file('nanjing-officer', {
      list: 'case-numbers',
      value: '13700000003',
      reason: '市局民警申诉',
    });
    expect(response.statusCode, response.body).toBe(201);
    ids.city = response.json().id;
  });

  it('scopes the list to the caller’s subtree by the appellant’s unit', async () => {
    const idsOf = async (username: string) =>
      (await as(username, 'GET', '/api/v1/appeals')).json().items.map((a: { id: string }) => a.id);
    expect(await idsOf('xuanwu-officer')).toEqual([ids.officer]);
    expect(await idsOf('nanjing-officer')).toEqual([ids.city, ids.officer]);
    expect(await idsOf('province-analyst')).toEqual([ids.city, ids.partner, ids.officer]);
    expect((await as('province-admin', 'GET', '/api/v1/appeals')).json().total).toBe(3);
  });

  it('answers 404 to a county officer for a city’s appeal, and for a malformed id', async () => {
    expect((await as('xuanwu-officer', 'GET', `/api/v1/appeals/${ids.city}`)).statusCode).toBe(404);
    expect((await as('xuanwu-officer', 'GET', '/api/v1/appeals/not-an-id')).statusCode).toBe(404);
    const own = await as('xuanwu-officer', 'GET', `/api/v1/appeals/${ids.officer}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().id).toBe(ids.officer);
  });

  it('filters by status and pages on the server; 403 to auditors', async () => {
    const page = (
      await as('province-analyst', 'GET', '/api/v1/appeals?status=pending&pageSize=2&page=2')
    ).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
    expect((await as('province-analyst', 'GET', '/api/v1/appeals?status=approved')).json().total).toBe(0);
    expect((await as('province-analyst', 'GET', '/api/v1/appeals?status=lost')).statusCode).toBe(400);
    expect((await as('province-auditor', 'GET', '/api/v1/appeals')).statusCode).toBe(403);
  });
});

describe('POST /api/v1/appeals/{id}/decide', () => {
  it('answers 403 to officers and to analysts outside the list owner’s subtree; nothing changes', async () => {
    const officer = await decide('xuanwu-officer', ids.officer, { decision: 'approve', reason: '核实无误' });
    expect(officer.statusCode).toBe(403);
    const county = await decide('xuanwu-analyst', ids.officer, { decision: 'approve', reason: '核实无误' });
    expect(county.statusCode).toBe(403);
    expect(county.json().code).toBe('forbidden');
    const city = await decide('nanjing-analyst', ids.partner, { decision: 'reject', reason: '不予支持' });
    expect(city.statusCode).toBe(404);
    expect((await as('province-analyst', 'GET', `/api/v1/appeals/${ids.officer}`)).json().status).toBe(
      'pending',
    );
  });

  it('approves: withdraws the entry, allows the value with the appeal as the reason, and audits it', async () => {
    const response = await decide('province-analyst', ids.officer, {
      decision: 'approve',
      reason: '经核实为正常用户号码',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: ids.officer,
      status: 'approved',
      decidedBy: 'province-analyst',
      decisionReason: '经核实为正常用户号码',
    });
    expect(new Date(response.json().decidedAt).getTime()).not.toBeNaN();

    expect(await entryOn('case-numbers', '+8613812345678')).toBeUndefined();
    const allowed = await entryOn('appeals-allow-number', '+8613812345678');
    expect(allowed).toMatchObject({
      action: 'allow',
      source_kind: 'rule',
      source_id: `appeal:${ids.officer}`,
    });
    expect(allowed!.reason).toContain('经核实为正常用户号码');
    const lists = (await as('province-analyst', 'GET', '/api/v1/intel/lists')).json().items;
    expect(lists.find((l: { name: string }) => l.name === 'appeals-allow-number')).toMatchObject({
      kind: 'number',
      defaultAction: 'allow',
      unitCode: '320000',
    });

    const history = (
      await as('province-analyst', 'GET', '/api/v1/intel/history?value=%2B8613812345678')
    ).json().items;
    expect(history.map((h: { list: string; op: string }) => `${h.op} ${h.list}`)).toEqual([
      'add appeals-allow-number',
      'remove case-numbers',
      'add case-numbers',
    ]);
    expect(history[1].reason).toContain(`appeal:${ids.officer}`);

    await sut.app.screening.service.follower.sync();
    const verdict = (
      await sut.app.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': screenKey },
        payload: { kind: 'number', value: '13812345678' },
      })
    ).json();
    expect(verdict.action).toBe('allow');
    expect(verdict.reasons).toHaveLength(1);
    expect(verdict.reasons[0]).toMatchObject({
      list: 'appeals-allow-number',
      source: { kind: 'rule', id: `appeal:${ids.officer}` },
    });

    expect((await auditOf(ids.officer)).map((row) => row.action)).toEqual(['appeal.file', 'appeal.decide']);
    const actions = await sut.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_username', '=', 'province-analyst')
      .where('reason', 'like', `%appeal:${ids.officer}%`)
      .execute();
    expect(actions.map((row) => row.action).sort()).toEqual(['intel.entries_add', 'intel.entry_remove']);
  });

  it('shows the appellant the outcome', async () => {
    const appeal = (await as('xuanwu-officer', 'GET', `/api/v1/appeals/${ids.officer}`)).json();
    expect(appeal).toMatchObject({ status: 'approved', decisionReason: '经核实为正常用户号码' });
  });

  it('answers 409 to a second decision and writes nothing', async () => {
    const before = await Promise.all([count('audit_log'), count('intel_changes')]);
    const again = await decide('province-analyst', ids.officer, { decision: 'reject', reason: '改判' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    expect(await Promise.all([count('audit_log'), count('intel_changes')])).toEqual(before);
  });

  it('rejects: the entry stays, the partner sees the outcome and may appeal again', async () => {
    const changes = await count('intel_changes');
    const response = await decide('province-analyst', ids.partner, {
      decision: 'reject',
      reason: '该号码涉及多起案件，维持拦截',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'rejected', decidedBy: 'province-analyst' });
    expect(await entryOn('case-numbers', '+8613900000002')).toMatchObject({ action: 'block' });
    expect(await count('intel_changes')).toBe(changes);
    const seen = (await partner('GET', '/api/v1/partner/appeals?status=rejected')).json();
    expect(seen.items[0]).toMatchObject({ id: ids.partner, decisionReason: '该号码涉及多起案件，维持拦截' });
    const refiled = await partner('POST', '/api/v1/partner/appeals', {
      list: 'case-numbers',
      value: '13900000002',
      reason: '补充材料后再次申诉',
      evidence: '用户实名登记材料',
    });
    expect(refiled.statusCode).toBe(201);
  });

  it('writes nothing when the decision fails half-way (all or nothing)', async () => {
    // A list that squats the allow list's name with the wrong kind makes the approval fail after the
    // entry was withdrawn inside the transaction.
    await createList('appeals-allow-domain', 'number', 'block');
    const filed = await file('xuanwu-officer', {
      list: 'fraud-domains',
      value: 'ICBC-Login.com.',
      reason: '该域名为正规企业网站',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id;
    const before = await Promise.all(
      (['audit_log', 'intel_changes', 'intel_entries', 'intel_lists'] as const).map(count),
    );
    const response = await decide('province-analyst', id, { decision: 'approve', reason: '核实为正规网站' });
    expect(response.statusCode).toBe(409);
    expect(
      await Promise.all((['audit_log', 'intel_changes', 'intel_entries', 'intel_lists'] as const).map(count)),
    ).toEqual(before);
    expect(await entryOn('fraud-domains', 'icbc-login.com')).toMatchObject({ action: 'block' });
    const appeal = await sut.ctx.db
      .selectFrom('appeals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(appeal).toMatchObject({ status: 'pending', decided_by: null, decided_at: null });
  });

  it('lets only one of two concurrent filings and one of two concurrent decisions through', async () => {
    const body = { list: 'case-numbers', value: '13600000004', reason: '并发申诉' };
    const filings = await Promise.all([file('xuanwu-officer', body), file('nanjing-officer', body)]);
    expect(filings.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const id = filings.find((r) => r.statusCode === 201)!.json().id;
    const changes = await count('intel_changes');
    const decisions = await Promise.all([
      decide('province-analyst', id, { decision: 'approve', reason: '并发批准' }),
      decide('province-analyst', id, { decision: 'reject', reason: '并发驳回' }),
    ]);
    expect(decisions.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await auditOf(id)).filter((row) => row.action === 'appeal.decide')).toHaveLength(1);
    const approved = decisions[0]!.statusCode === 200;
    expect(await count('intel_changes')).toBe(changes + (approved ? 2 : 0));
  });

  it('answers 400 for a bad decision and 404 for an unknown appeal', async () => {
    const bad = await decide('province-analyst', ids.city, { decision: 'maybe', reason: 'xx' });
    expect(bad.statusCode).toBe(400);
    const unknown = await decide('province-analyst', '00000000-0000-0000-0000-000000000000', {
      decision: 'reject',
      reason: 'xx',
    });
    expect(unknown.statusCode).toBe(404);
  });
});
