import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { caseBody, luhnCard, mobile } from './test-factories.js';

let sut: TestPlatform;

beforeAll(async () => {
  sut = await createTestPlatform();
});
afterAll(() => sut.close());

async function as(username: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
  const cookie = await sut.login(username);
  return sut.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function createCase(username: string, body: object) {
  const response = await as(username, 'POST', '/api/v1/cases', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const entryOn = (list: string, value: string) =>
  sut.ctx.db
    .selectFrom('intel_entries')
    .innerJoin('intel_lists', 'intel_lists.id', 'intel_entries.list_id')
    .selectAll('intel_entries')
    .where('intel_lists.name', '=', list)
    .where('intel_entries.value', '=', value)
    .executeTakeFirst();

const count = async (table: 'cases' | 'case_footprints' | 'intel_entries' | 'intel_changes') =>
  Number(
    (
      await sut.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/v1/cases', () => {
  it('takes a case with footprints of every kind, normalised, each screenable one on its case list', async () => {
    const card = luhnCard('622202123456789');
    const created = await createCase(
      'xuanwu-officer',
      caseBody({
        footprints: [
          { kind: 'number', value: '+86 138-0013-8000', occurredAt: '2026-11-20T06:30:00.000Z' },
          { kind: 'sms', value: '106 9012 3456 78' },
          { kind: 'domain', value: 'ICBC-Anquan.com.' },
          { kind: 'url', value: 'https://pay.icbc-anquan.com/verify?id=1' },
          {
            kind: 'account',
            accountKind: 'bank_card',
            value: card.replace(/(\d{4})/g, '$1 '),
            amount: 50_000,
          },
          { kind: 'qq', value: '123456789' },
          { kind: 'wechat', value: 'Fake_Police01' },
          { kind: 'app', value: 'Com.Example.SafeGuard' },
          { kind: 'imei', value: '49-015420-323751-8' },
          { kind: 'number', value: '95588', confidence: 95 },
          { kind: 'number', value: '13800138001', confidence: 40 },
        ],
      }),
    );
    expect(created).toMatchObject({ unitCode: '320102', status: 'accepted', fraudType: 'fake_police' });
    expect(created.id).toMatch(/^A320102\d{6}\d{6}$/);
    const byKind = (kind: string) => created.footprints.filter((f: { kind: string }) => f.kind === kind);
    expect(byKind('number')[0]).toMatchObject({
      value: '+8613800138000',
      action: 'block',
      list: 'case-numbers',
      entry: { action: 'block', source: { kind: 'case', id: created.id } },
    });
    expect(byKind('domain')[0]).toMatchObject({ value: 'icbc-anquan.com', list: 'case-domains' });
    expect(byKind('url')[0]).toMatchObject({ list: 'case-urls', entry: { action: 'block' } });
    expect(byKind('account')[0]).toMatchObject({ value: card, amount: 50_000, list: 'case-accounts' });
    expect(byKind('qq')[0]).toMatchObject({ accountKind: 'qq', list: 'case-accounts' });
    expect(byKind('wechat')[0]).toMatchObject({ value: 'fake_police01', list: 'case-accounts' });
    expect(byKind('app')[0]).toMatchObject({
      value: 'com.example.safeguard',
      list: 'case-apps',
      entry: { action: 'block', source: { kind: 'case', id: created.id } },
    });
    expect(byKind('imei')[0]).toMatchObject({
      value: '490154203237518',
      list: 'case-devices',
      entry: { action: 'block', source: { kind: 'case', id: created.id } },
    });
    // A bank's spoofed hotline and a doubtful number are marked, never blocked.
    expect(byKind('number')[1]).toMatchObject({ value: '95588', action: 'mark', entry: { action: 'mark' } });
    expect(byKind('number')[2]).toMatchObject({ action: 'mark', confidence: 40 });
    const entry = await entryOn('case-numbers', '+8613800138000');
    expect(entry).toMatchObject({ source_kind: 'case', source_id: created.id, action: 'block' });
    expect(entry?.reason).toContain('冒充公检法');
    const list = await sut.ctx.db
      .selectFrom('intel_lists')
      .selectAll()
      .where('name', '=', 'case-accounts')
      .executeTakeFirst();
    expect(list).toMatchObject({ unit_code: '320000', kind: 'account', default_action: 'block' });
    expect(created.victim).toEqual({ name: '张*', phone: '139****5678', idNumber: '3201**********1234' });
    expect(created.transitions).toEqual([
      expect.objectContaining({ from: null, to: 'accepted', actor: 'xuanwu-officer' }),
    ]);
  });

  it('refuses a case with an invalid footprint, naming its index and reason, and writes nothing', async () => {
    const before = await Promise.all([count('cases'), count('case_footprints'), count('intel_changes')]);
    const response = await as(
      'xuanwu-officer',
      'POST',
      '/api/v1/cases',
      caseBody({
        footprints: [
          { kind: 'number', value: mobile() },
          { kind: 'account', accountKind: 'bank_card', value: '6222021234567891239' },
          { kind: 'account', value: '6222021234567890' },
          { kind: 'imei', value: '490154203237519' },
        ],
      }),
    );
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    const invalid = (index: number, kind: string, reason: string) => ({
      field: `/footprints/${index}/value`,
      message: `footprint ${index} (${kind}) is not valid: ${reason}`,
      code: 'footprint_invalid',
      params: { kind, reason },
    });
    expect(problem.errors).toEqual([
      invalid(1, 'account', 'bad_checksum'),
      invalid(2, 'account', 'account_kind_required'),
      invalid(3, 'imei', 'bad_checksum'),
    ]);
    expect(await Promise.all([count('cases'), count('case_footprints'), count('intel_changes')])).toEqual(
      before,
    );
  });

  it('keeps cases inside the officer’s subtree and officer references unique per unit', async () => {
    const outside = await as('xuanwu-officer', 'POST', '/api/v1/cases', caseBody({ unitCode: '320200' }));
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('unit_not_found');
    await createCase('nanjing-officer', caseBody({ unitCode: '320102', externalRef: 'JQ-1' }));
    const again = await as('xuanwu-officer', 'POST', '/api/v1/cases', caseBody({ externalRef: 'JQ-1' }));
    expect(again.statusCode).toBe(409);
  });

  it('keeps one case when two requests race with one officer reference', async () => {
    const body = caseBody({ externalRef: `JQ-RACE-${Date.now()}` });
    const answers = await Promise.all([1, 2].map(() => as('xuanwu-officer', 'POST', '/api/v1/cases', body)));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
  });

  it('is not for admins or auditors', async () => {
    for (const username of ['xuanwu-admin', 'xuanwu-auditor'])
      expect((await as(username, 'POST', '/api/v1/cases', caseBody())).statusCode).toBe(403);
  });
});

describe('GET /api/v1/cases and /api/v1/cases/{id}', () => {
  let provinceCase: string;
  let xuanwuCase: string;
  const number = mobile();

  beforeAll(async () => {
    provinceCase = (
      await createCase('province-officer', caseBody({ fraudType: 'romance', warningId: 'W-42' }))
    ).id;
    xuanwuCase = (
      await createCase(
        'xuanwu-officer',
        caseBody({ fraudType: 'fake_loan', footprints: [{ kind: 'number', value: number }] }),
      )
    ).id;
  });

  it('lists the subtree’s cases with victims masked, filtered and paged on the server', async () => {
    const page = (await as('xuanwu-analyst', 'GET', '/api/v1/cases?pageSize=200')).json();
    const ids = page.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(xuanwuCase);
    expect(ids).not.toContain(provinceCase);
    expect(page.items[0].victim.name).toBe('张*');
    const byType = (await as('province-auditor', 'GET', '/api/v1/cases?fraudType=romance')).json();
    expect(byType.items.map((c: { id: string }) => c.id)).toEqual([provinceCase]);
    const byWarning = (await as('province-analyst', 'GET', '/api/v1/cases?warningId=W-42')).json();
    expect(byWarning.items.map((c: { id: string; warningId: string }) => [c.id, c.warningId])).toEqual([
      [provinceCase, 'W-42'],
    ]);
    const byNumber = (
      await as(
        'nanjing-officer',
        'GET',
        `/api/v1/cases?q=${encodeURIComponent(`+86${number.replace(/ /g, '')}`)}`,
      )
    ).json();
    expect(byNumber).toMatchObject({ total: 1, items: [{ id: xuanwuCase, footprintCount: 1 }] });
    const paged = (await as('province-officer', 'GET', '/api/v1/cases?pageSize=1&page=2')).json();
    expect(paged).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(3);
  });

  it('answers 404 for a case of another unit', async () => {
    expect((await as('xuanwu-officer', 'GET', `/api/v1/cases/${provinceCase}`)).statusCode).toBe(404);
    expect((await as('province-auditor', 'GET', `/api/v1/cases/${xuanwuCase}`)).statusCode).toBe(200);
  });

  it('reveals the victim’s data to an officer who gives a reason, and audits it', async () => {
    const response = await as('xuanwu-officer', 'POST', `/api/v1/cases/${xuanwuCase}/reveal`, {
      reason: '联系受害人核实转账记录',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().victim).toEqual({
      name: '张三',
      phone: '13912345678',
      idNumber: '320102199001011234',
    });
    const audit = await sut.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'personal_data.reveal')
      .where('record_id', '=', xuanwuCase)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_username: 'xuanwu-officer', reason: '联系受害人核实转账记录' });
    expect(
      (await as('xuanwu-auditor', 'POST', `/api/v1/cases/${xuanwuCase}/reveal`, { reason: '查看' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('POST /api/v1/cases/{id}/transitions', () => {
  it('moves a case 受理 → 立案 → 侦查 → 破案, recording who and when', async () => {
    const { id } = await createCase('xuanwu-officer', caseBody());
    for (const [username, to] of [
      ['xuanwu-officer', 'filed'],
      ['nanjing-analyst', 'investigating'],
      ['xuanwu-officer', 'solved'],
    ] as const) {
      const response = await as(username, 'POST', `/api/v1/cases/${id}/transitions`, { to });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().status).toBe(to);
    }
    const detail = (await as('xuanwu-officer', 'GET', `/api/v1/cases/${id}`)).json();
    expect(
      detail.transitions.map((t: { from: string; to: string; actor: string }) => [t.from, t.to, t.actor]),
    ).toEqual([
      [null, 'accepted', 'xuanwu-officer'],
      ['accepted', 'filed', 'xuanwu-officer'],
      ['filed', 'investigating', 'nanjing-analyst'],
      ['investigating', 'solved', 'xuanwu-officer'],
    ]);
    expect(new Date(detail.transitions[3].at).getTime()).not.toBeNaN();
    const after = await as('xuanwu-officer', 'POST', `/api/v1/cases/${id}/transitions`, {
      to: 'withdrawn',
      cause: 'other',
      reason: '已破案',
    });
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({ code: 'invalid_transition' });
    expect(after.json().detail).toContain('solved');
  });

  it('refuses a skipped step and a withdrawal without cause and reason', async () => {
    const { id } = await createCase('xuanwu-officer', caseBody());
    const skip = await as('xuanwu-officer', 'POST', `/api/v1/cases/${id}/transitions`, { to: 'solved' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().detail).toBe('a case that is accepted cannot become solved; next: filed, withdrawn');
    const bare = await as('xuanwu-officer', 'POST', `/api/v1/cases/${id}/transitions`, { to: 'withdrawn' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors.map((e: { field: string }) => e.field)).toEqual(['/cause', '/reason']);
    expect((await as('xuanwu-officer', 'GET', `/api/v1/cases/${id}`)).json().status).toBe('accepted');
  });
});

describe('footprints: removal and 错案 withdraw their entries', () => {
  it('withdraws the entry of a removed footprint, audited and logged for the screening nodes', async () => {
    const number = mobile();
    const created = await createCase(
      'xuanwu-officer',
      caseBody({ footprints: [{ kind: 'number', value: number }] }),
    );
    const value = created.footprints[0].value;
    expect(await entryOn('case-numbers', value)).toBeDefined();
    const removed = await as(
      'xuanwu-officer',
      'DELETE',
      `/api/v1/cases/${created.id}/footprints/${created.footprints[0].id}?reason=${encodeURIComponent('号码录入错误')}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().footprints[0]).toMatchObject({
      status: 'removed',
      entry: null,
      removalReason: '号码录入错误',
      removedBy: 'xuanwu-officer',
    });
    expect(removed.json().footprintCount).toBe(0);
    expect(await entryOn('case-numbers', value)).toBeUndefined();
    const change = await sut.ctx.db
      .selectFrom('intel_changes')
      .selectAll()
      .where('value', '=', value)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ op: 'remove', actor: 'xuanwu-officer' });
    expect(change.reason).toContain(created.id);
    const again = await as(
      'xuanwu-officer',
      'DELETE',
      `/api/v1/cases/${created.id}/footprints/${created.footprints[0].id}`,
    );
    expect(again.statusCode).toBe(404);
  });

  it('hands a value two cases hold to the other case instead of withdrawing it', async () => {
    const number = mobile();
    const first = await createCase(
      'xuanwu-officer',
      caseBody({ footprints: [{ kind: 'number', value: number }] }),
    );
    const second = await createCase(
      'nanjing-officer',
      caseBody({ fraudType: 'fake_loan', footprints: [{ kind: 'number', value: number }] }),
    );
    const value = second.footprints[0].value;
    expect((await entryOn('case-numbers', value))?.source_id).toBe(second.id);
    await as('nanjing-officer', 'DELETE', `/api/v1/cases/${second.id}/footprints/${second.footprints[0].id}`);
    const entry = await entryOn('case-numbers', value);
    expect(entry).toMatchObject({ source_kind: 'case', source_id: first.id, action: 'block' });
    expect(entry?.reason).toContain('冒充公检法');
    // Removing the first case's footprint, now the only holder, withdraws it.
    await as('xuanwu-officer', 'DELETE', `/api/v1/cases/${first.id}/footprints/${first.footprints[0].id}`);
    expect(await entryOn('case-numbers', value)).toBeUndefined();
  });

  it('withdraws every entry of a case closed as a mistake (错案), and keeps them for other causes', async () => {
    const domain = `case-${Date.now()}.example.cn`;
    const mistaken = await createCase(
      'xuanwu-officer',
      caseBody({
        footprints: [
          { kind: 'domain', value: domain },
          { kind: 'qq', value: '987654321' },
        ],
      }),
    );
    const kept = await createCase(
      'xuanwu-officer',
      caseBody({ footprints: [{ kind: 'number', value: mobile() }] }),
    );
    const closed = await as('xuanwu-officer', 'POST', `/api/v1/cases/${mistaken.id}/transitions`, {
      to: 'withdrawn',
      cause: 'mistake',
      reason: '经核实系误报',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(
      closed.json().footprints.map((f: { status: string; entry: unknown }) => [f.status, f.entry]),
    ).toEqual([
      ['removed', null],
      ['removed', null],
    ]);
    expect(await entryOn('case-domains', domain)).toBeUndefined();
    expect(await entryOn('case-accounts', '987654321')).toBeUndefined();
    await as('xuanwu-officer', 'POST', `/api/v1/cases/${kept.id}/transitions`, {
      to: 'withdrawn',
      cause: 'duplicate',
      reason: '重复报案',
    });
    expect(await entryOn('case-numbers', kept.footprints[0].value)).toBeDefined();
    const add = await as('xuanwu-officer', 'POST', `/api/v1/cases/${mistaken.id}/footprints`, {
      footprints: [{ kind: 'number', value: mobile() }],
    });
    expect(add.statusCode).toBe(409);
  });

  it('adds footprints to an open case, 400 naming the bad one', async () => {
    const { id } = await createCase('xuanwu-officer', caseBody());
    const bad = await as('xuanwu-officer', 'POST', `/api/v1/cases/${id}/footprints`, {
      footprints: [{ kind: 'domain', value: 'not a domain' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/footprints/0/value');
    const added = await as('xuanwu-officer', 'POST', `/api/v1/cases/${id}/footprints`, {
      footprints: [{ kind: 'url', value: 'http://fake-court.example.cn/notice' }],
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().footprints[0]).toMatchObject({
      kind: 'url',
      list: 'case-urls',
      entry: { source: { id } },
    });
  });
});
