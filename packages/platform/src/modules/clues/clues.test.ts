import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, DEMO_PASSWORD, type TestPlatform } from '../../test-support/index.js';

/** The platform's clock, moved by the tests (reminders and escalation run on it). */
let now = new Date('2026-11-20T02:00:00.000Z');
const clock = { now: () => new Date(now) };
const hours = (n: number) => n * 3_600_000;
const later = (ms: number) => new Date(now.getTime() + ms).toISOString();

let sut: TestPlatform;
const QINHUAI_PASSWORD = 'qinhuai-officer-1';

beforeAll(async () => {
  sut = await createTestPlatform({ clock });
  // The tests run the reminder job by hand.
  await sut.app.clues.escalator.stop();
  const created = await as('province-admin', 'POST', '/api/v1/users', {
    username: 'qinhuai-officer',
    displayName: '秦淮区民警',
    unitCode: '320104',
    roles: ['officer'],
    password: QINHUAI_PASSWORD,
  });
  expect(created.statusCode, created.body).toBe(201);
});
afterAll(() => sut.close());

/** Session cookies by user; moving the clock a day ends the sessions, so `moveClock` forgets them. */
const cookies = new Map<string, string>();

function moveClock(ms: number) {
  now = new Date(now.getTime() + ms);
  cookies.clear();
}

async function login(username: string): Promise<string> {
  const cached = cookies.get(username);
  if (cached) return cached;
  const response = await sut.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: username === 'qinhuai-officer' ? QINHUAI_PASSWORD : DEMO_PASSWORD },
  });
  const cookie = response.cookies.find((c) => c.name === 'fanzha_session');
  if (!cookie) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  cookies.set(username, `fanzha_session=${cookie.value}`);
  return cookies.get(username)!;
}

async function as(username: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const cookie = await login(username);
  return sut.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function ok(username: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const response = await as(username, method, url, payload);
  expect(response.statusCode, `${username} ${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

const clue = (overrides: object = {}) => ({
  targetUnitCode: '320102',
  title: '涉诈银行卡开卡人',
  content: '该人员名下银行卡多次接收诈骗资金，请核查并反馈。',
  priority: 'high',
  deadlineAt: later(hours(72)),
  entities: [
    { kind: 'person', value: '李某', label: '持卡人' },
    { kind: 'account', value: '6222020000000000001', label: '银行卡' },
    { kind: 'number', value: '+8613900000001' },
    { kind: 'case', value: 'A320102202611000001' },
  ],
  ...overrides,
});

async function dispatch(username: string, clues: object[]) {
  const response = await as(username, 'POST', '/api/v1/clues', { clues });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().items as { id: string }[];
}

const auditActions = async (clueId: string) =>
  (
    await sut.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_type', '=', 'clue')
      .where('record_id', '=', clueId)
      .orderBy('id')
      .execute()
  ).map((row) => row.action);

describe('the clue flow', () => {
  it('goes down to 玄武区, back up as 不属本辖区, through 南京市 to 秦淮区, and ends caught; every hop on record', async () => {
    const [sent] = await dispatch('nanjing-officer', [clue()]);
    const id = sent!.id;
    expect(id).toMatch(/^XS320100\d{6}\d{6}$/);

    // The receiver sees it in its inbox; a sibling county does not see it at all.
    const inbox = await ok('xuanwu-officer', 'GET', '/api/v1/clues?box=inbox');
    expect(inbox.items.map((c: { id: string }) => c.id)).toContain(id);
    expect((await as('qinhuai-officer', 'GET', `/api/v1/clues/${id}`)).statusCode).toBe(404);
    const outbox = await ok('nanjing-officer', 'GET', '/api/v1/clues?box=outbox');
    expect(outbox.items.map((c: { id: string }) => c.id)).toContain(id);

    const detail = await ok('xuanwu-officer', 'GET', `/api/v1/clues/${id}`);
    expect(detail).toMatchObject({
      status: 'pending',
      priority: 'high',
      origin: { code: '320100', name: '南京市' },
      unit: { code: '320102', name: '玄武区' },
      actions: { sign: true, feedback: false },
    });
    expect(detail.entities).toHaveLength(4);
    expect(detail.entities[0]).toEqual({ kind: 'person', value: '李某', label: '持卡人' });

    // Only the holder signs; feedback waits for the signature.
    expect((await as('nanjing-officer', 'POST', `/api/v1/clues/${id}/sign`)).statusCode).toBe(403);
    const early = await as('xuanwu-officer', 'POST', `/api/v1/clues/${id}/feedback`, { result: 'verified' });
    expect(early.statusCode).toBe(409);
    const signed = await ok('xuanwu-officer', 'POST', `/api/v1/clues/${id}/sign`);
    expect(signed).toMatchObject({ status: 'working', signedBy: 'xuanwu-officer' });
    await ok('xuanwu-officer', 'POST', `/api/v1/clues/${id}/notes`, { text: '已调取开户资料，户籍不在本区' });

    // 不属本辖区, naming 秦淮区: the common parent 南京市 gets it to redirect.
    const returned = await ok('xuanwu-officer', 'POST', `/api/v1/clues/${id}/feedback`, {
      result: 'not_ours',
      rightUnitCode: '320104',
      note: '持卡人实际居住秦淮区',
    });
    expect(returned).toMatchObject({
      status: 'transferring',
      unit: { code: '320100' },
      suggestedUnit: { code: '320104', name: '秦淮区' },
    });
    const notices = await ok('nanjing-officer', 'GET', '/api/v1/clues/notices?unread=true');
    expect(notices.items.find((n: { clueId: string }) => n.clueId === id)).toMatchObject({
      kind: 'returned',
    });

    const transferred = await ok('nanjing-officer', 'POST', `/api/v1/clues/${id}/transfer`, {
      toUnitCode: '320104',
      reason: '转秦淮区核查',
    });
    expect(transferred).toMatchObject({ status: 'pending', unit: { code: '320104' }, signedAt: null });

    // 秦淮区 now sees it, signs and catches two with five cards and 120,000 yuan frozen.
    await ok('qinhuai-officer', 'POST', `/api/v1/clues/${id}/sign`);
    const wrong = await as('qinhuai-officer', 'POST', `/api/v1/clues/${id}/feedback`, { result: 'caught' });
    expect(wrong.statusCode).toBe(400);
    const done = await ok('qinhuai-officer', 'POST', `/api/v1/clues/${id}/feedback`, {
      result: 'caught',
      caughtCount: 2,
      cardsSeized: 5,
      moneyFrozen: 120_000,
      note: '抓获持卡人及上线',
    });
    expect(done).toMatchObject({
      status: 'done',
      result: 'caught',
      caughtCount: 2,
      cardsSeized: 5,
      moneyFrozen: 120_000,
    });

    // 玄武区 keeps seeing the clue it once held, but no longer acts on it.
    const seen = await ok('xuanwu-officer', 'GET', `/api/v1/clues/${id}`);
    expect(seen.actions).toEqual({ sign: false, note: false, feedback: false, transfer: false });
    expect(
      (await as('xuanwu-officer', 'POST', `/api/v1/clues/${id}/notes`, { text: '补充' })).statusCode,
    ).toBe(409);

    expect(
      done.hops.map(
        (h: { kind: string; from: { code: string } | null; to: { code: string } | null; actor: string }) => [
          h.kind,
          h.from?.code ?? null,
          h.to?.code ?? null,
          h.actor,
        ],
      ),
    ).toEqual([
      ['dispatched', '320100', '320102', 'nanjing-officer'],
      ['signed', null, '320102', 'xuanwu-officer'],
      ['note', null, null, 'xuanwu-officer'],
      ['feedback', '320102', null, 'xuanwu-officer'],
      ['returned', '320102', '320100', 'xuanwu-officer'],
      ['transferred', '320100', '320104', 'nanjing-officer'],
      ['signed', null, '320104', 'qinhuai-officer'],
      ['feedback', '320104', '320100', 'qinhuai-officer'],
    ]);
    expect(done.hops[4].reason).toBe('持卡人实际居住秦淮区');
    expect(done.hops[5].reason).toBe('转秦淮区核查');
    expect(await auditActions(id)).toEqual([
      'clue.dispatch',
      'clue.sign',
      'clue.note',
      'clue.return',
      'clue.transfer',
      'clue.sign',
      'clue.feedback',
    ]);

    // Figures of 南京市: the clue counts for 秦淮区, where it belonged.
    const figures = await ok('nanjing-officer', 'GET', '/api/v1/clues/figures');
    const row = (code: string) => figures.rows.find((r: { unit: { code: string } }) => r.unit.code === code);
    expect(row('320104')).toMatchObject({
      received: 1,
      done: 1,
      caught: 1,
      caughtCount: 2,
      completionRate: 1,
      resultRate: 1,
    });
    expect(row('320102')).toMatchObject({ received: 0 });
  });

  it('refuses a clue to a unit outside the sender’s subtree, and saves none of the batch', async () => {
    const response = await as('nanjing-officer', 'POST', '/api/v1/clues', {
      clues: [
        clue({ title: '批次一' }),
        clue({ title: '批次二', targetUnitCode: '320205' }),
        clue({ targetUnitCode: '320100' }),
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/clues/1/targetUnitCode',
      '/clues/2/targetUnitCode',
    ]);
    const saved = await sut.ctx.db.selectFrom('clues').select('id').where('title', '=', '批次一').execute();
    expect(saved).toEqual([]);
    const upward = await as('xuanwu-officer', 'POST', '/api/v1/clues', {
      clues: [clue({ targetUnitCode: '320100' })],
    });
    expect(upward.statusCode).toBe(400);
  });

  it('returns a 不属本辖区 clue with no unit named to the unit that sent it', async () => {
    const [sent] = await dispatch('province-officer', [
      clue({ targetUnitCode: '320102', title: '无指向线索' }),
    ]);
    await ok('xuanwu-officer', 'POST', `/api/v1/clues/${sent!.id}/sign`);
    const returned = await ok('xuanwu-officer', 'POST', `/api/v1/clues/${sent!.id}/feedback`, {
      result: 'not_ours',
      note: '查无关联',
    });
    expect(returned).toMatchObject({ status: 'transferring', unit: { code: '320000' }, suggestedUnit: null });
    // The province may work it itself: sign, then feed back.
    await ok('province-officer', 'POST', `/api/v1/clues/${sent!.id}/sign`);
    const done = await ok('province-officer', 'POST', `/api/v1/clues/${sent!.id}/feedback`, {
      result: 'not_found',
    });
    expect(done).toMatchObject({ status: 'done', result: 'not_found' });
  });

  it('filters the inbox on the server and pages it', async () => {
    const sent = await dispatch('nanjing-officer', [
      clue({ title: '分页一', priority: 'urgent' }),
      clue({ title: '分页二', priority: 'low' }),
      clue({ title: '分页三', priority: 'urgent', entities: [{ kind: 'number', value: '+8613911112222' }] }),
    ]);
    const urgent = await ok(
      'xuanwu-officer',
      'GET',
      '/api/v1/clues?box=inbox&priority=urgent&status=pending&pageSize=1',
    );
    expect(urgent.total).toBe(2);
    expect(urgent.items).toHaveLength(1);
    const byEntity = await ok('xuanwu-officer', 'GET', '/api/v1/clues?q=%2B8613911112222');
    expect(byEntity.items.map((c: { id: string }) => c.id)).toEqual([sent[2]!.id]);
    const byTitle = await ok('xuanwu-officer', 'GET', `/api/v1/clues?q=${encodeURIComponent('分页')}`);
    expect(byTitle.total).toBe(3);
    // Urgent before low.
    expect(byTitle.items[2].title).toBe('分页二');
  });
});

describe('overdue clues', () => {
  it('are reminded a day before, escalated to the parent when the deadline passes, once', async () => {
    const [sent] = await dispatch('nanjing-officer', [
      clue({ title: '超期线索', deadlineAt: later(hours(48)) }),
    ]);
    const id = sent!.id;
    expect(await sut.app.clues.escalator.runOnce()).toMatchObject({ escalated: 0 });

    moveClock(hours(30));
    const first = await sut.app.clues.escalator.runOnce();
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const dueSoon = await ok('xuanwu-officer', 'GET', '/api/v1/clues/notices?unread=true');
    const notice = dueSoon.items.find((n: { clueId: string; kind: string }) => n.clueId === id);
    expect(notice).toMatchObject({ kind: 'due_soon' });
    const read = await as('xuanwu-officer', 'POST', `/api/v1/clues/notices/${notice.id}/read`);
    expect(read.statusCode).toBe(204);

    moveClock(hours(19));
    const second = await sut.app.clues.escalator.runOnce();
    expect(second.escalated).toBeGreaterThanOrEqual(1);
    const detail = await ok('nanjing-officer', 'GET', `/api/v1/clues/${id}`);
    expect(detail).toMatchObject({
      overdue: true,
      escalatedTo: { code: '320100' },
      unit: { code: '320102' },
    });
    expect(detail.hops.map((h: { kind: string }) => h.kind)).toEqual([
      'dispatched',
      'reminded',
      'reminded',
      'escalated',
    ]);
    expect(detail.hops[3]).toMatchObject({
      from: { code: '320102' },
      to: { code: '320100' },
      actor: 'system',
    });
    const parentNotices = await ok('nanjing-officer', 'GET', '/api/v1/clues/notices?unread=true');
    expect(parentNotices.items.find((n: { clueId: string }) => n.clueId === id)).toMatchObject({
      kind: 'escalated',
    });
    const escalated = await ok(
      'nanjing-officer',
      'GET',
      '/api/v1/clues?box=inbox&escalated=true&overdue=true',
    );
    expect(escalated.items.map((c: { id: string }) => c.id)).toContain(id);

    expect(await sut.app.clues.escalator.runOnce()).toEqual({ reminded: 0, escalated: 0 });

    // The city moves it on with a new deadline: the new holder starts with a clean slate.
    const moved = await ok('nanjing-officer', 'POST', `/api/v1/clues/${id}/transfer`, {
      toUnitCode: '320104',
      reason: '超期转派',
      deadlineAt: later(hours(72)),
    });
    expect(moved).toMatchObject({ overdue: false, escalatedTo: null, unit: { code: '320104' } });
  });
});
