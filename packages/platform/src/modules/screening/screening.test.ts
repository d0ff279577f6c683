import { Screener, type ScreenItem } from '@fanzha/engine';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from '../auth/index.js';
import { findEntriesAfter, toEngineEntry, type EntryWithList } from '../intel/index.js';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { VerdictSchema } from './schemas.js';
import { toApiVerdict } from './service.js';
import { verdictJson } from './verdict-json.js';

let sut: TestPlatform;
let screenKey: string;
let eventsKey: string;
let analyst: string;

beforeAll(async () => {
  sut = await createTestPlatform();
  screenKey = (
    await createApiKey(sut.ctx, systemActor(), {
      name: '中国移动江苏公司',
      unitCode: '320000',
      scopes: ['screen'],
    })
  ).key;
  eventsKey = (
    await createApiKey(sut.ctx, systemActor(), { name: 'bank feed', unitCode: '320000', scopes: ['events'] })
  ).key;
  await sut.app.screening.apiKeys.refresh(Date.now());
  analyst = await sut.login('province-analyst');
});
afterAll(() => sut.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  sut.app.inject({ method: 'POST', url, payload: payload as object, headers });
const screen = (item: object) => post('/api/v1/screen', item, { 'x-api-key': screenKey });

async function createList(name: string, kind: string, defaultAction: string) {
  const response = await post(
    '/api/v1/intel/lists',
    { name, title: name, kind, defaultAction },
    { cookie: analyst },
  );
  expect(response.statusCode, response.body).toBe(201);
}

describe('intel lists → screening verdicts', () => {
  beforeAll(async () => {
    await createList('case-numbers', 'number', 'block');
    await createList('abused-ranges', 'number', 'mark');
    await createList('fraud-domains', 'domain', 'block');
    await createList('number-allow', 'number', 'allow');
    await createList('mule-accounts', 'account', 'block');
  });

  it('blocks a number added from a case, with the case as the reason, once the change log is followed', async () => {
    const added = await post(
      '/api/v1/intel/lists/case-numbers/entries',
      {
        entries: [
          {
            value: '+86 138 1234 5678',
            source: { kind: 'case', id: 'A3201022026110001' },
            confidence: 95,
            reason: '冒充公检法案件',
          },
        ],
      },
      { cookie: analyst },
    );
    expect(added.json()).toEqual({ added: 1 });
    await sut.app.screening.service.follower.sync();
    const response = await screen({ kind: 'number', value: '138-1234-5678' });
    expect(response.statusCode).toBe(200);
    const verdict = response.json();
    expect(verdict).toMatchObject({ action: 'block', risk: 95, normalized: '+8613812345678' });
    expect(verdict.reasons[0]).toMatchObject({
      list: 'case-numbers',
      rule: 'number:exact',
      source: { kind: 'case', id: 'A3201022026110001' },
    });
    expect(new Date(verdict.reasons[0].addedAt).getTime()).not.toBeNaN();
  });

  it('marks a whole prefix range and lets an allow entry override a block', async () => {
    await post(
      '/api/v1/intel/lists/abused-ranges/entries',
      { entries: [{ value: '1700', match: 'prefix', source: { kind: 'rule', id: 'virtual-ranges' } }] },
      { cookie: analyst },
    );
    await post(
      '/api/v1/intel/lists/number-allow/entries',
      { entries: [{ value: '13812345678', reason: 'appeal approved' }] },
      { cookie: analyst },
    );
    await sut.app.screening.service.follower.sync();
    expect((await screen({ kind: 'number', value: '17001234567' })).json()).toMatchObject({
      action: 'mark',
      reasons: [{ list: 'abused-ranges' }],
    });
    const allowed = (await screen({ kind: 'number', value: '13812345678' })).json();
    expect(allowed.action).toBe('allow');
    expect(allowed.reasons.map((r: { list: string }) => r.list)).toEqual(['number-allow', 'case-numbers']);
  });

  it('covers subdomains of a listed domain and answers invalid input with a verdict, not an error', async () => {
    await post(
      '/api/v1/intel/lists/fraud-domains/entries',
      { entries: [{ value: 'ICBC-Login.com.' }] },
      { cookie: analyst },
    );
    await sut.app.screening.service.follower.sync();
    expect((await screen({ kind: 'domain', value: 'www.icbc-login.com' })).json().action).toBe('block');
    expect((await screen({ kind: 'url', value: 'https://pay.icbc-login.com/x' })).json().action).toBe(
      'block',
    );
    const bad = await screen({ kind: 'number', value: '12' });
    expect(bad.statusCode).toBe(200);
    expect(bad.json()).toMatchObject({ action: 'invalid', invalidReason: 'too_short' });
  });

  it('withdraws an entry with a reason, keeps the history and stops blocking', async () => {
    const removed = await post(
      '/api/v1/intel/lists/fraud-domains/entries/remove',
      { value: 'icbc-login.com', reason: '误报，已核实' },
      { cookie: analyst },
    );
    expect(removed.statusCode, removed.body).toBe(200);
    await sut.app.screening.service.follower.sync();
    expect((await screen({ kind: 'domain', value: 'icbc-login.com' })).json().action).toBe('pass');
    const history = await sut.app.inject({
      url: '/api/v1/intel/history?value=icbc-login.com',
      headers: { cookie: analyst },
    });
    expect(history.json().items.map((h: { op: string }) => h.op)).toEqual(['remove', 'add']);
    expect(history.json().items[0]).toMatchObject({ actor: 'province-analyst', reason: '误报，已核实' });
  });

  it('rejects a bulk add with bad values as a whole, naming each bad one', async () => {
    const response = await post(
      '/api/v1/intel/lists/case-numbers/entries',
      { entries: [{ value: '13900000001' }, { value: 'not a number' }, { value: '12' }] },
      { cookie: analyst },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/entries/1/value',
      '/entries/2/value',
    ]);
    const search = await sut.app.inject({ url: '/api/v1/intel/entries?q=139', headers: { cookie: analyst } });
    expect(search.json().total).toBe(0);
  });

  it('searches entries as people write them, paged on the server', async () => {
    const response = await sut.app.inject({
      url: '/api/v1/intel/entries?q=138%201234&list=case-numbers',
      headers: { cookie: analyst },
    });
    expect(response.json()).toMatchObject({
      total: 1,
      items: [{ value: '+8613812345678', source: { kind: 'case' } }],
    });
  });

  it('audits every change with who and why', async () => {
    const rows = await sut.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('action', 'like', 'intel.%')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['intel.list_create', 'intel.entries_add', 'intel.entry_remove']),
    );
  });

  it('only analysts write lists; officers read them', async () => {
    const officer = await sut.login('xuanwu-officer');
    expect(
      (
        await post(
          '/api/v1/intel/lists/case-numbers/entries',
          { entries: [{ value: '13900000002' }] },
          { cookie: officer },
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await sut.app.inject({ url: '/api/v1/intel/lists', headers: { cookie: officer } })).statusCode,
    ).toBe(200);
    const countyAnalyst = await sut.login('xuanwu-analyst');
    const foreign = await post(
      '/api/v1/intel/lists/case-numbers/entries',
      { entries: [{ value: '13900000003' }] },
      { cookie: countyAnalyst },
    );
    expect(foreign.statusCode).toBe(403);
  });
});

describe('SMS text', () => {
  it('marks or blocks a fraud SMS from an unlisted sender and explains why', async () => {
    const response = await screen({
      kind: 'sms',
      value: '10690000123',
      text: '【公安局】您的身份证涉嫌一起洗钱案件，请立即将名下资金转入安全账户配合调查，否则将冻结您名下所有银行卡。',
    });
    const verdict = response.json();
    expect(['block', 'mark']).toContain(verdict.action);
    expect(verdict.risk).toBeGreaterThanOrEqual(50);
    expect(verdict.reasons[0]).toMatchObject({ list: 'sms-text', source: { kind: 'rule' } });
    expect(verdict.reasons[0].rule).toMatch(/^sms:/);
  });

  it('lets an ordinary message through', async () => {
    const verdict = (
      await screen({ kind: 'sms', value: '13700000000', text: '妈，我今晚加班，晚点回家吃饭，不用等我。' })
    ).json();
    expect(verdict.action).toBe('pass');
  });
});

describe('POST /api/v1/screen/batch', () => {
  it('answers a JSON array in order, bad items included', async () => {
    const response = await post(
      '/api/v1/screen/batch',
      [
        { kind: 'number', value: '13812345678' },
        { kind: 'number', value: 'abc' },
        { nonsense: true },
        { kind: 'domain', value: 'example.org' },
      ],
      { 'x-api-key': screenKey },
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().map((v: { action: string }) => v.action)).toEqual([
      'allow',
      'invalid',
      'invalid',
      'pass',
    ]);
  });

  it('answers NDJSON with NDJSON, a broken line as an invalid verdict', async () => {
    const body =
      '{"kind":"number","value":"17001234567"}\n{broken\n{"kind":"url","value":"http://example.org/"}\n';
    const response = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/screen/batch',
      payload: body,
      headers: { 'x-api-key': screenKey, 'content-type': 'application/x-ndjson' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((v) => v.action)).toEqual(['mark', 'invalid', 'pass']);
  });

  it('refuses more than 100,000 items with 413', async () => {
    const items = Array.from({ length: 100_001 }, () => ({ kind: 'number', value: '1' }));
    const response = await post('/api/v1/screen/batch', items, { 'x-api-key': screenKey });
    expect(response.statusCode).toBe(413);
  });
});

describe('partner access', () => {
  it('needs an API key with the screen scope', async () => {
    expect((await post('/api/v1/screen', { kind: 'number', value: '13812345678' })).statusCode).toBe(401);
    expect(
      (
        await post(
          '/api/v1/screen',
          { kind: 'number', value: '13812345678' },
          { 'x-api-key': 'fzk_nottheke_' + 'x'.repeat(40) },
        )
      ).statusCode,
    ).toBe(401);
    expect(
      (await post('/api/v1/screen', { kind: 'number', value: '13812345678' }, { 'x-api-key': eventsKey }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await post(
          '/api/v1/screen',
          { kind: 'number', value: '13812345678' },
          { authorization: `Bearer ${screenKey}` },
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (await post('/api/v1/screen', { kind: 'number', value: '13812345678' }, { cookie: analyst }))
        .statusCode,
    ).toBe(401);
  });

  it('records hits as signals, asynchronously', async () => {
    await sut.app.screening.hits.flush();
    const hits = await sut.ctx.db.selectFrom('screening_hits').selectAll().execute();
    expect(hits.length).toBeGreaterThan(0);
    expect(
      hits.some(
        (h) => h.value === '+8617001234567' && h.action === 'mark' && h.lists.includes('abused-ranges'),
      ),
    ).toBe(true);
  });

  it('the console tester gives officers the same verdict', async () => {
    const officer = await sut.login('xuanwu-officer');
    const response = await post(
      '/api/v1/screen/test',
      { kind: 'number', value: '17001234567' },
      { cookie: officer },
    );
    expect(response.json()).toMatchObject({
      action: 'mark',
      reasons: [{ list: 'abused-ranges', rule: expect.stringContaining('prefix') }],
    });
  });
});

describe('verdict JSON (the routes write it by hand)', () => {
  const items: unknown[] = [
    { kind: 'number', value: '13812345678' },
    { kind: 'number', value: '+86 170 0123 4567' },
    { kind: 'number', value: '13800000008' },
    // 11 bare digits: the batch fast path's mobile reading, allocated ranges or not.
    { kind: 'number', value: '19912345678' },
    { kind: 'number', value: '14412345678' },
    { kind: 'number', value: '10012345678' },
    { kind: 'sms', value: '13900000001' },
    { kind: 'number', value: '95588' },
    { kind: 'number', value: 'abc' },
    { kind: 'sms', value: '10690000' },
    { kind: 'sms', value: '13800000008', text: '您好，明天见' },
    { kind: 'domain', value: 'Example.ORG.' },
    { kind: 'url', value: 'http://example.org/"x"' },
    { kind: 'account', value: 'qq:12345' },
    { nonsense: true },
    null,
  ];

  it('is byte for byte what the schema serializer wrote', async () => {
    const app = Fastify();
    const verdicts = items.map((item) =>
      sut.app.screening.service.follower.screener.screen(item as never, 0),
    );
    verdicts.push({
      action: 'block',
      risk: 90,
      reasons: [
        {
          list: '案件"号码"\\',
          rule: 'number:exact',
          source: { kind: 'case', id: 'A\n1' },
          addedAt: 1_700_000_000_000,
          action: 'block',
          confidence: 90,
          expiresAt: 1_800_000_000_000,
        },
      ],
      normalized: '+8613800000000',
      invalidReason: null,
    });
    let at = 0;
    app.get('/v', { schema: { response: { 200: VerdictSchema } } }, async () => toApiVerdict(verdicts[at]!));
    for (; at < verdicts.length; at++) {
      const expected = (await app.inject({ url: '/v' })).body;
      expect(verdictJson(verdicts[at]!)).toBe(expected);
    }
    await app.close();
  });

  it('batch fast path answers what one-by-one screening answers, in order', async () => {
    const service = sut.app.screening.service;
    const many = Array.from({ length: 2_500 }, (_, i) => items[i % items.length]);
    const one = many.map((item) => service.screen(item as never, null));
    expect(JSON.parse(service.screenBatchJson(many, null))).toEqual(one);
    const lines = service.screenBatchJson(many, null, true).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(one);
  });
});

describe('loading from the store', () => {
  it('the builder fast path answers as Screener.build over the same rows', async () => {
    const add = (list: string, entries: object[]) =>
      post(`/api/v1/intel/lists/${list}/entries`, { entries }, { cookie: analyst });
    expect(
      (
        await add('fraud-domains', [
          { value: 'Evil-Shop.CN.' },
          { value: 'login.bank.example', match: 'host' },
        ])
      ).statusCode,
    ).toBe(200);
    expect((await add('mule-accounts', [{ value: '12345678', accountKind: 'qq' }])).statusCode).toBe(200);
    expect(
      (await add('abused-ranges', [{ value: '95', match: 'prefix' }, { value: '10690000' }])).statusCode,
    ).toBe(200);
    const rows = (await findEntriesAfter(sut.ctx.db, '0', 100_000)) as EntryWithList[];
    expect(rows.length).toBeGreaterThan(6);
    const reference = Screener.build(rows.map(toEngineEntry)).screener;
    const follower = sut.app.screening.service.follower;
    await follower.loadSnapshot();
    const probes = rows.flatMap((row) => {
      switch (row.list_kind) {
        case 'number':
          return [
            { kind: 'number', value: row.value },
            { kind: 'number', value: `${row.value}1234567`.slice(0, 14) },
          ];
        case 'domain':
          return [
            { kind: 'domain', value: row.value },
            { kind: 'domain', value: `www.${row.value}` },
          ];
        case 'url':
          return [{ kind: 'url', value: row.value }];
        case 'account':
          return [{ kind: 'account', value: `${row.account_kind}:${row.value}` }];
      }
    });
    const now = Date.now();
    for (const probe of probes)
      expect(follower.screener.screen(probe as ScreenItem, now), JSON.stringify(probe)).toEqual(
        reference.screen(probe as ScreenItem, now),
      );
    expect(follower.status().entries).toBe(rows.length);
  });
});
