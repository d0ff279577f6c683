import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { systemActor } from '../auth/index.js';
import { createCase, transitionCase } from '../cases/index.js';
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
    at('2026-11-10T02:00:00.000Z');
    await solvedCase('320102', 'fake_police');
    await solvedCase('320104', 'fake_police');
    await solvedCase('320104', 'romance');
    await solvedCase('320205', 'fake_police');
    await solvedCase('320500', 'fake_police'); // 苏州: not taking part
    await caughtClue('320102', { caughtCount: 2, cardsSeized: 6, moneyFrozen: 50_000 }, operation.id);
    await caughtClue('320104', { caughtCount: 1 });
    await caughtClue('320205', { caughtCount: 3, cardsSeized: 4 }, operation.id);
    await caughtClue('320500', { caughtCount: 9 });
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
    expect(unit('320100')).toMatchObject({
      targetSuspects: 10,
      targetCases: 3,
      casesSolved: 2,
      suspectsCaught: 3,
      cardsSeized: 6,
      moneyFrozen: 50_000,
      cluesDispatched: 2,
      cluesDone: 1,
      cluesOverdue: 1,
    });
    expect(unit('320102')).toMatchObject({
      casesSolved: 1,
      suspectsCaught: 2,
      cardsSeized: 6,
      cluesDispatched: 1,
    });
    expect(unit('320200')).toMatchObject({
      casesSolved: 1,
      suspectsCaught: 3,
      cardsSeized: 4,
      moneyFrozen: 0,
    });
    // 玄武区 lies inside 南京市: the total counts each record once.
    expect(detail.total).toMatchObject({
      targetSuspects: 19,
      casesSolved: 3,
      suspectsCaught: 6,
      cardsSeized: 10,
      moneyFrozen: 50_000,
      cluesDispatched: 3,
      cluesDone: 2,
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
