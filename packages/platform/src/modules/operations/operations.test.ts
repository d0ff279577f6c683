import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { createApiKey, systemActor } from '../auth/index.js';
import { bankCard, residentId } from '../cards/test-factories.js';
import { createCase, freezeFootprint, transitionCase } from '../cases/index.js';
import { dispatchClues, feedbackClue, signClue } from '../clues/index.js';

/** The platform's clock: records are seeded at chosen times inside and outside the window. */
let now = new Date('2026-11-10T02:00:00.000Z');
const clock = { now: () => new Date(now) };
const at = (iso: string) => (now = new Date(iso));

const WINDOW = { windowFrom: '2026-11-01T00:00:00.000Z', windowTo: '2026-12-01T00:00:00.000Z' };
const system = systemActor();
let sut: TestPlatform;

beforeAll(async () => {
  sut = await createTestPlatform({ clock });
  await sut.app.clues.escalator.stop();
});
afterAll(() => sut.close());

async function as(username: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const cookie = await sut.login(username);
  return sut.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

let accountSerial = 500;

/** A case of the unit, solved at the clock's time (accepted → filed → investigating → solved). */
async function solvedCase(unitCode: string, fraudType: 'fake_police' | 'romance') {
  const created = await createCase(sut.ctx, system, {
    unitCode,
    fraudType,
    victim: { name: '测试' },
    amountLost: 1000,
    footprints: [],
  });
  for (const to of ['filed', 'investigating', 'solved'] as const)
    await transitionCase(sut.ctx, system, created.id, { to });
  return created.id;
}

/** A case of the unit whose receiving account had `yuan` frozen at the clock's time. */
async function frozenCase(unitCode: string, fraudType: 'fake_police' | 'romance', yuan: number) {
  const created = await createCase(sut.ctx, system, {
    unitCode,
    fraudType,
    victim: { name: '测试' },
    amountLost: yuan * 2,
    footprints: [
      { kind: 'account', accountKind: 'bank_card', value: bankCard(++accountSerial), amount: yuan * 2 },
    ],
  });
  await freezeFootprint(sut.ctx, system, created.id, created.footprints[0]!.id, {
    amount: yuan,
    frozenAt: now.toISOString(),
    reference: `冻结-${accountSerial}`,
  });
  return created.id;
}

/** Sign for a clue and feed it back as caught, at the clock's time (the number typed in is not a figure). */
async function catchClue(clueId: string) {
  await signClue(sut.ctx, system, clueId);
  await feedbackClue(sut.ctx, system, clueId, { result: 'caught', caughtCount: 1, cardsSeized: 99 });
}

/** A clue sent by the province to the unit and fed back as caught at the clock's time. */
async function caughtClue(
  unitCode: string,
  caught: { caughtCount: number; cardsSeized?: number; moneyFrozen?: number },
  operationId?: string,
) {
  const [clue] = await dispatchClues(sut.ctx, system, [
    {
      targetUnitCode: unitCode,
      title: '收网目标',
      content: '重点对象',
      deadlineAt: new Date(now.getTime() + 86_400_000),
      operationId,
    },
  ]);
  await signClue(sut.ctx, system, clue!.id);
  await feedbackClue(sut.ctx, system, clue!.id, { result: 'caught', ...caught });
  return clue!.id;
}

/**
 * Key targets of the two-card trade, dispatched by the province at the clock's time: 王卡 (玄武区, two
 * cards), 李卡 (锡山区, one card, caught at once), 赵贩 (秦淮区, one card; recorded as the seller (贩卖)
 * of 孙持's card) and 孙持. Answers the clues of 王卡 and 赵贩, for the test to catch them later.
 */
async function seedCardTargets() {
  const wang = { name: '王卡', idNumber: residentId('320102', 31) };
  const li = { name: '李卡', idNumber: residentId('320205', 32) };
  const zhao = { name: '赵贩', idNumber: residentId('320104', 33) };
  const sun = { name: '孙持', idNumber: residentId('320104', 34) };
  const key = (
    await createApiKey(sut.ctx, system, { name: '某银行江苏分行', unitCode: '320000', scopes: ['cards'] })
  ).key;
  await sut.app.screening.apiKeys.refresh(Date.now());
  const feed = await sut.app.inject({
    method: 'POST',
    url: '/api/v1/partner/cards',
    headers: { 'x-api-key': key },
    payload: [
      { kind: 'bank_card', number: bankCard(901), openingUnitCode: '320102', holder: wang },
      { kind: 'bank_card', number: bankCard(902), openingUnitCode: '320102', holder: wang },
      { kind: 'bank_card', number: bankCard(903), openingUnitCode: '320205', holder: li },
      { kind: 'bank_card', number: bankCard(904), openingUnitCode: '320104', holder: zhao },
      { kind: 'bank_card', number: bankCard(905), openingUnitCode: '320104', holder: sun },
    ],
  });
  expect(feed.json()).toMatchObject({ accepted: 5, rejected: [] });
  const edge = await as('province-analyst', 'POST', '/api/v1/cards/chain', {
    from: zhao,
    to: sun,
    role: 'seller',
  });
  expect(edge.statusCode, edge.body).toBe(201);
  const dispatched = await as('province-analyst', 'POST', '/api/v1/cards/targets/dispatch', {
    unit: '320000',
    by: 'residence',
    minScore: 1,
    deadlineAt: '2026-12-20T00:00:00.000Z',
  });
  expect(dispatched.statusCode, dispatched.body).toBe(201);
  const clueOf = (unitCode: string) =>
    dispatched.json().dispatched.filter((d: { unitCode: string }) => d.unitCode === unitCode)[0].clueId;
  const persons = dispatched.json().dispatched as { personId: string; clueId: string; unitCode: string }[];
  expect(persons).toHaveLength(4);
  await catchClue(clueOf('320205'));
  return {
    wang: clueOf('320102') as string,
    zhao: persons.find((d) => d.personId === edge.json().fromPersonId)!.clueId,
  };
}

describe('special operations', () => {
  it('computes cases solved, suspects caught, cards and money by unit from the records in its window and scope', async () => {
    const created = await as('province-analyst', 'POST', '/api/v1/operations', {
      name: '断卡',
      ...WINDOW,
      fraudTypes: ['fake_police'],
      cardTrade: true,
      units: [
        { unitCode: '320100', targetSuspects: 10, targetCases: 3 },
        { unitCode: '320102', targetSuspects: 4, targetCases: 1 },
        { unitCode: '320200', targetSuspects: 5, targetCases: 2 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const operation = created.json();
    expect(operation).toMatchObject({
      name: '断卡',
      phase: 'active',
      unit: { code: '320000' },
      unitCount: 3,
    });

    // In the window: two fake-police cases solved in 南京 (one in 玄武区), one in 无锡; a romance case
    // (not in focus) in 南京. Before the window: one more fake-police case of 南京 — none of these count
    // twice or out of scope.
    at('2026-10-20T02:00:00.000Z');
    await solvedCase('320102', 'fake_police');
    await caughtClue('320102', { caughtCount: 7 });
    await frozenCase('320102', 'fake_police', 7_000);
    const targets = await seedCardTargets(); // 李卡 caught before the window
    at('2026-11-10T02:00:00.000Z');
    await catchClue(targets.wang);
    await catchClue(targets.zhao);
    await solvedCase('320102', 'fake_police');
    await solvedCase('320104', 'fake_police');
    await solvedCase('320104', 'romance');
    await solvedCase('320205', 'fake_police');
    await solvedCase('320500', 'fake_police'); // 苏州: not taking part
    // Suspects caught: the number in the 已抓获 feedback. Cards seized and money frozen typed into the
    // feedback are not figures: they come from the cards and the freezes below.
    await caughtClue('320102', { caughtCount: 2, cardsSeized: 6, moneyFrozen: 50_000 }, operation.id);
    await caughtClue('320104', { caughtCount: 1 });
    await caughtClue('320205', { caughtCount: 3, cardsSeized: 4 }, operation.id);
    await caughtClue('320500', { caughtCount: 9 });
    // Money frozen: freezes recorded on the accounts of the focus cases in the window.
    await frozenCase('320102', 'fake_police', 50_000);
    await frozenCase('320104', 'romance', 3_000); // not in focus
    await frozenCase('320205', 'fake_police', 20_000.5);
    await frozenCase('320500', 'fake_police', 1_000); // not taking part
    // Dispatched under the operation, not worked yet.
    await dispatchClues(sut.ctx, system, [
      {
        targetUnitCode: '320104',
        title: '待收网',
        content: '重点对象',
        deadlineAt: '2026-11-12T00:00:00.000Z',
        operationId: operation.id,
      },
    ]);
    at('2026-11-15T02:00:00.000Z');

    const response = await as('province-officer', 'GET', `/api/v1/operations/${operation.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json();
    const unit = (code: string) => detail.units.find((u: { unit: { code: string } }) => u.unit.code === code);
    // 南京: 玄武区's two cards of 王卡 and 秦淮区's 赵贩's card and the card of 孙持 he sold.
    expect(unit('320100')).toMatchObject({
      targetSuspects: 10,
      targetCases: 3,
      casesSolved: 2,
      suspectsCaught: 5,
      cardsSeized: 4,
      moneyFrozen: 50_000,
      cluesDispatched: 2,
      cluesDone: 1,
      cluesOverdue: 1,
    });
    expect(unit('320102')).toMatchObject({
      casesSolved: 1,
      suspectsCaught: 3,
      cardsSeized: 2,
      moneyFrozen: 50_000,
      cluesDispatched: 1,
    });
    // 无锡: 李卡 was caught before the window; his card does not count.
    expect(unit('320200')).toMatchObject({
      casesSolved: 1,
      suspectsCaught: 3,
      cardsSeized: 0,
      moneyFrozen: 20_000.5,
    });
    // 玄武区 lies inside 南京市: the total counts each record once.
    expect(detail.total).toMatchObject({
      targetSuspects: 19,
      casesSolved: 3,
      suspectsCaught: 8,
      cardsSeized: 4,
      moneyFrozen: 70_000.5,
      cluesDispatched: 3,
      cluesDone: 2,
    });
    expect(detail.sources).toEqual({
      casesSolved: 'case_transitions',
      suspectsCaught: 'clue_feedback',
      cardsSeized: 'card_targets_caught',
      moneyFrozen: 'case_account_freezes',
    });

    // The 收网 board: the operation's clues by unit and the latest feedback first.
    const board = (await as('nanjing-officer', 'GET', `/api/v1/operations/${operation.id}/board`)).json();
    const row = (code: string) => board.units.find((u: { unit: { code: string } }) => u.unit.code === code);
    expect(row('320100')).toMatchObject({
      dispatched: 2,
      pending: 1,
      done: 1,
      caught: 1,
      caughtCount: 2,
      overdue: 1,
    });
    expect(row('320200')).toMatchObject({ dispatched: 1, done: 1, caughtCount: 3, completionRate: 1 });
    expect(board.feed[0]).toMatchObject({
      kind: 'feedback',
      from: { code: '320205' },
      detail: { result: 'caught', caughtCount: 3 },
    });
  });

  it('is seen on the organiser’s line only, and changed only by the organiser’s subtree', async () => {
    const created = await as('nanjing-analyst', 'POST', '/api/v1/operations', {
      name: '云剑',
      ...WINDOW,
      units: [{ unitCode: '320102', targetSuspects: 2 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await as('xuanwu-officer', 'GET', `/api/v1/operations/${id}`)).statusCode).toBe(200);
    expect((await as('province-officer', 'GET', `/api/v1/operations/${id}`)).statusCode).toBe(200);
    const list = (await as('xuanwu-officer', 'GET', '/api/v1/operations?phase=active')).json();
    expect(list.items.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['断卡', '云剑']));

    const outside = await as('nanjing-analyst', 'POST', '/api/v1/operations', {
      name: '蓝剑1号',
      ...WINDOW,
      units: [{ unitCode: '320205' }],
    });
    expect(outside.statusCode).toBe(400);
    const backwards = await as('nanjing-analyst', 'POST', '/api/v1/operations', {
      name: '蓝剑1号',
      windowFrom: WINDOW.windowTo,
      windowTo: WINDOW.windowFrom,
      units: [{ unitCode: '320102' }],
    });
    expect(backwards.statusCode).toBe(400);

    const changed = await as('nanjing-analyst', 'PUT', `/api/v1/operations/${id}`, {
      name: '云剑-2026',
      ...WINDOW,
      units: [
        { unitCode: '320102', targetSuspects: 3 },
        { unitCode: '320104', targetSuspects: 1 },
      ],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: '云剑-2026', unitCount: 2, total: { targetSuspects: 4 } });
    const audit = await sut.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['operation.create', 'operation.update']);
  });
});
