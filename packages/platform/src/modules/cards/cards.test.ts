import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from '../auth/index.js';
import { createCase, removeFootprint } from '../cases/index.js';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { scorePerson } from './scoring.js';
import { bankCard, residentId } from './test-factories.js';

let sut: TestPlatform;
let cardsKey: string;
let otherKey: string;

// Persons: P1 (秦淮区) sold two cards, P2 (锡山区) one, P3 (河南) a SIM; P4 and P5 stand above P1.
const P1 = { name: '王小明', idNumber: residentId('320104', 11) };
const P2 = { name: '李四', idNumber: residentId('320205', 12) };
const P3 = { name: '赵六', idNumber: residentId('410102', 13) };
const P4 = { name: '钱组织', idNumber: residentId('320102', 14) };
const P5 = { name: '孙收购', idNumber: residentId('320102', 15) };
const C1 = bankCard(1);
const C2 = bankCard(2);
const C3 = bankCard(3);
const S1 = '13800001111';
let caseB = '';
let caseBC3Footprint = '';

async function as(username: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const cookie = await sut.login(username);
  return sut.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

const partner = (payload: string | object[], key = cardsKey, contentType = 'application/json') =>
  sut.app.inject({
    method: 'POST',
    url: '/api/v1/partner/cards',
    headers: { 'x-api-key': key, 'content-type': contentType },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

const account = (value: string, amount: number) => ({
  kind: 'account' as const,
  accountKind: 'bank_card',
  value,
  amount,
  occurredAt: '2026-11-20T06:40:00.000Z',
});

beforeAll(async () => {
  sut = await createTestPlatform();
  cardsKey = (
    await createApiKey(sut.ctx, systemActor(), {
      name: '某银行江苏分行',
      unitCode: '320000',
      scopes: ['cards'],
    })
  ).key;
  otherKey = (
    await createApiKey(sut.ctx, systemActor(), {
      name: 'screening client',
      unitCode: '320000',
      scopes: ['screen'],
    })
  ).key;
  await sut.app.screening.apiKeys.refresh(Date.now());
  const base = { fraudType: 'fake_police' as const, victim: { name: '受害人' }, amountLost: 100_000 };
  await createCase(sut.ctx, systemActor(), {
    ...base,
    unitCode: '320102',
    footprints: [account(C1, 50_000), account(C2, 20_000), { kind: 'number', value: S1 }],
  });
  const created = await createCase(sut.ctx, systemActor(), {
    ...base,
    unitCode: '320104',
    footprints: [account(C1, 30_000), account(C3, 10_000)],
  });
  caseB = created.id;
  caseBC3Footprint = created.footprints.find((f) => f.value === C3)!.id;
});
afterAll(() => sut.close());

describe('POST /api/v1/partner/cards', () => {
  it('takes cards as NDJSON, rejecting bad lines by index and saving the rest', async () => {
    const lines = [
      {
        kind: 'bank_card',
        number: C1,
        openingPlace: '某银行玄武支行',
        openingUnitCode: '320102',
        openedOn: '2026-01-02',
        holder: P1,
      },
      {
        kind: 'bank_card',
        number: C2,
        openingPlace: '某银行锡山支行',
        openingUnitCode: '320205',
        openedOn: '2026-03-04',
        holder: P1,
      },
      {
        kind: 'bank_card',
        number: C3,
        openingPlace: '某银行秦淮支行',
        openingUnitCode: '320104',
        holder: P2,
      },
      { kind: 'sim', number: S1, openingPlace: '营业厅（玄武）', openingUnitCode: '320102', holder: P3 },
      { kind: 'bank_card', number: bankCard(9), holder: { name: '坏号', idNumber: '320104199001010000' } },
    ].map((line) => JSON.stringify(line));
    const response = await partner(
      [...lines.slice(0, 4), 'not json', lines[4]].join('\n'),
      cardsKey,
      'application/x-ndjson',
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.accepted).toBe(4);
    expect(body.rejected.map((r: { index: number }) => r.index)).toEqual([4, 5]);
    expect(body.rejected[1].reason).toContain('checksum');
  });

  it('refuses a key without the cards scope and a unit outside the key’s subtree', async () => {
    expect((await partner([], otherKey)).statusCode).toBe(403);
    const nanjingKey = (
      await createApiKey(sut.ctx, systemActor(), { name: '南京某行', unitCode: '320100', scopes: ['cards'] })
    ).key;
    await sut.app.screening.apiKeys.refresh(Date.now());
    const response = await partner(
      [{ kind: 'bank_card', number: bankCard(8), openingUnitCode: '320205' }],
      nanjingKey,
    );
    expect(response.json().rejected[0].reason).toContain('320205');
  });
});

describe('GET /api/v1/cards', () => {
  it('lists the cards with opening place, masked holder, cases and money', async () => {
    const response = await as('province-analyst', 'GET', `/api/v1/cards?q=${C1}`);
    expect(response.statusCode, response.body).toBe(200);
    const [card] = response.json().items;
    expect(card).toMatchObject({
      kind: 'bank_card',
      number: C1,
      openingPlace: '某银行玄武支行',
      openingUnit: { code: '320102' },
      openedOn: '2026-01-02',
      seenInCases: true,
      caseCount: 2,
      amount: 80_000,
      holder: { name: '王**', residenceCode: '320104', residenceUnit: { code: '320104' } },
    });
    expect(card.holder.idNumber).not.toContain(P1.idNumber.slice(6, 14));
  });

  it('scopes the list to cards opened, held or used in the caller’s subtree', async () => {
    const xuanwu = (await as('xuanwu-officer', 'GET', '/api/v1/cards?pageSize=50')).json();
    // 玄武区 sees C1 and S1 (opened there), C2 (its case A) — not C3 (秦淮, 锡山 holder, case B).
    expect(xuanwu.items.map((c: { number: string }) => c.number).sort()).toEqual([C1, C2, `+86${S1}`].sort());
  });

  it('answers a card with the cases it touched', async () => {
    const list = (await as('province-analyst', 'GET', `/api/v1/cards?q=${C1}`)).json();
    const detail = (await as('province-analyst', 'GET', `/api/v1/cards/${list.items[0].id}`)).json();
    expect(detail.cases.map((c: { amount: number }) => c.amount).sort()).toEqual([30_000, 50_000]);
  });
});

describe('GET /api/v1/cards/groups', () => {
  it('groups by opening place down the tree', async () => {
    const province = (await as('province-analyst', 'GET', '/api/v1/cards/groups?by=opening')).json();
    const cards = Object.fromEntries(
      province.groups.map((g: { unit: { code: string }; cards: number }) => [g.unit.code, g.cards]),
    );
    expect(cards).toEqual({ '320100': 3, '320200': 1 });
    const nanjing = (
      await as('province-analyst', 'GET', '/api/v1/cards/groups?by=opening&unit=320100')
    ).json();
    const byCounty = Object.fromEntries(
      nanjing.groups.map((g: { unit: { code: string }; cards: number }) => [g.unit.code, g.cards]),
    );
    expect(byCounty).toEqual({ '320102': 2, '320104': 1 });
    const xuanwu = nanjing.groups.find((g: { unit: { code: string } }) => g.unit.code === '320102');
    expect(xuanwu.byKind).toMatchObject({ bank_card: 1, sim: 1 });
    expect(xuanwu.amount).toBe(80_000);
  });

  it('groups by residence, counting the other province’s holder as unplaced', async () => {
    const province = (await as('province-analyst', 'GET', '/api/v1/cards/groups?by=residence')).json();
    const cards = Object.fromEntries(
      province.groups.map((g: { unit: { code: string }; cards: number }) => [g.unit.code, g.cards]),
    );
    expect(cards).toEqual({ '320100': 2, '320200': 1 });
    expect(province.unplaced).toBe(1);
  });

  it('refuses a unit outside the caller’s subtree', async () => {
    expect(
      (await as('xuanwu-analyst', 'GET', '/api/v1/cards/groups?by=opening&unit=320100')).statusCode,
    ).toBe(404);
  });
});

describe('chain and key targets', () => {
  it('records chain roles once, and walks a person’s neighbourhood', async () => {
    for (const role of ['organiser', 'escort', 'buyer'] as const) {
      const response = await as('nanjing-officer', 'POST', '/api/v1/cards/chain', { from: P4, to: P1, role });
      expect(response.statusCode, response.body).toBe(201);
    }
    const again = await as('nanjing-officer', 'POST', '/api/v1/cards/chain', {
      from: P4,
      to: P1,
      role: 'buyer',
    });
    expect(again.json().created).toBe(false);
    await as('nanjing-officer', 'POST', '/api/v1/cards/chain', { from: P5, to: P4, role: 'courier' });
    const p1 = again.json().toPersonId;
    const near = (await as('nanjing-analyst', 'GET', `/api/v1/cards/persons/${p1}/chain?depth=1`)).json();
    expect(near.nodes.map((n: { distance: number }) => n.distance)).toEqual([0, 1]);
    expect(near.edges).toHaveLength(3);
    const far = (await as('nanjing-analyst', 'GET', `/api/v1/cards/persons/${p1}/chain?depth=2`)).json();
    expect(far.nodes).toHaveLength(3);
    expect(far.nodes.find((n: { distance: number }) => n.distance === 1).roles).toEqual([
      'buyer',
      'escort',
      'organiser',
    ]);
    expect(far.edges.map((e: { role: string }) => e.role).sort()).toEqual([
      'buyer',
      'courier',
      'escort',
      'organiser',
    ]);
  });

  it('refuses a person as his own link', async () => {
    expect(
      (await as('nanjing-officer', 'POST', '/api/v1/cards/chain', { from: P4, to: P4, role: 'buyer' }))
        .statusCode,
    ).toBe(400);
  });

  it('ranks the unit’s key targets with their reasons', async () => {
    const response = await as('nanjing-analyst', 'GET', '/api/v1/cards/targets?by=residence');
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json();
    expect(items.map((t: { name: string }) => t.name)).toEqual(['王**', '钱**']);
    const [p1, p4] = items;
    expect(p1).toMatchObject({
      rank: 1,
      cardsSold: 2,
      casesTouched: 2,
      moneyPassed: 100_000,
      targetUnit: { code: '320104' },
    });
    expect(p1.score).toBe(
      scorePerson({
        cardsSold: 2,
        openingOccasions: 2,
        casesTouched: 2,
        moneyPassed: 100_000,
        chainRoles: {},
      }).score,
    );
    expect(p1.reasons.map((r: { code: string }) => r.code).sort()).toEqual([
      'cards_sold',
      'cases_touched',
      'money_passed',
      'repeat_seller',
    ]);
    expect(p4.reasons.map((r: { code: string }) => r.code).sort()).toEqual([
      'chain_buyer',
      'chain_escort',
      'chain_organiser',
    ]);
    expect(p4.targetUnit.code).toBe('320102');
  });

  it('stops counting a card’s case once its footprint is removed', async () => {
    await removeFootprint(sut.ctx, systemActor(), caseB, caseBC3Footprint);
    const card = (await as('province-analyst', 'GET', `/api/v1/cards?q=${C3}`)).json().items[0];
    expect(card).toMatchObject({ caseCount: 0, amount: 0 });
  });

  it('reveals a holder to an officer with a reason, and audits it', async () => {
    const targets = (await as('nanjing-analyst', 'GET', '/api/v1/cards/targets')).json();
    const response = await as(
      'nanjing-officer',
      'POST',
      `/api/v1/cards/persons/${targets.items[0].personId}/reveal`,
      {
        reason: '核查持卡人',
      },
    );
    expect(response.json()).toMatchObject(P1);
    const audit = await sut.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('record_type', '=', 'card_person')
      .execute();
    expect(audit).toEqual([{ action: 'personal_data.reveal', reason: '核查持卡人' }]);
  });
});

describe('dispatch and progress', () => {
  const deadlineAt = '2027-01-01T00:00:00.000Z';

  it('dispatches the key targets as clues to the units below, once', async () => {
    expect(
      (await as('nanjing-officer', 'POST', '/api/v1/cards/targets/dispatch', { deadlineAt })).statusCode,
    ).toBe(403);
    const response = await as('nanjing-analyst', 'POST', '/api/v1/cards/targets/dispatch', {
      deadlineAt,
      priority: 'high',
    });
    expect(response.statusCode, response.body).toBe(201);
    const { dispatched, skipped } = response.json();
    expect(dispatched.map((d: { unitCode: string }) => d.unitCode).sort()).toEqual(['320102', '320104']);
    expect(skipped).toEqual([]);
    const clues = await sut.ctx.db
      .selectFrom('clues')
      .select(['id', 'unit_code', 'source_kind', 'priority'])
      .where(
        'id',
        'in',
        dispatched.map((d: { clueId: string }) => d.clueId),
      )
      .execute();
    expect(clues).toHaveLength(2);
    expect(clues.every((c) => c.source_kind === 'card_target' && c.priority === 'high')).toBe(true);
    const again = (
      await as('nanjing-analyst', 'POST', '/api/v1/cards/targets/dispatch', { deadlineAt })
    ).json();
    expect(again.dispatched).toEqual([]);
    expect(again.skipped.map((s: { reason: string }) => s.reason)).toEqual([
      'already_dispatched',
      'already_dispatched',
    ]);
    const targets = (await as('nanjing-analyst', 'GET', '/api/v1/cards/targets')).json();
    expect(targets.items.every((t: { dispatched: unknown }) => t.dispatched !== null)).toBe(true);
  });

  it('counts dispatched and caught per unit, rolled up to the city, from the clues’ feedback', async () => {
    const dispatched = await sut.ctx.db
      .selectFrom('card_target_dispatches')
      .select(['clue_id', 'target_unit_code'])
      .execute();
    const xuanwuClue = dispatched.find((d) => d.target_unit_code === '320102')!.clue_id;
    // 玄武区 signs its clue and feeds back 已抓获 with three persons caught.
    expect((await as('xuanwu-officer', 'POST', `/api/v1/clues/${xuanwuClue}/sign`)).statusCode).toBe(200);
    const feedback = await as('xuanwu-officer', 'POST', `/api/v1/clues/${xuanwuClue}/feedback`, {
      result: 'caught',
      caughtCount: 3,
    });
    expect(feedback.statusCode, feedback.body).toBe(200);
    const response = await as('province-analyst', 'GET', '/api/v1/cards/progress');
    expect(response.statusCode, response.body).toBe(200);
    const rows = Object.fromEntries(
      response.json().items.map((r: { unit: { code: string } }) => [r.unit.code, r]),
    );
    expect(rows['320000']).toMatchObject({ dispatched: 2, answered: 1, caughtTargets: 1, caughtPersons: 3 });
    expect(rows['320100']).toMatchObject({ dispatched: 2, caughtTargets: 1 });
    expect(rows['320102']).toMatchObject({ dispatched: 1, caughtTargets: 1, caughtPersons: 3 });
    expect(rows['320104']).toMatchObject({ dispatched: 1, answered: 0, caughtTargets: 0 });
    const xuanwu = (await as('xuanwu-analyst', 'GET', '/api/v1/cards/progress')).json();
    expect(xuanwu.items.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['320102']);
  });
});

describe('syncCaseCards', () => {
  it('lets concurrent readers share runs and still see what was written before they asked', async () => {
    const { syncCaseCards } = await import('./sync.js');
    const created = await createCase(sut.ctx, systemActor(), {
      fraudType: 'fake_police',
      victim: { name: '受害人' },
      amountLost: 1_000,
      unitCode: '320102',
      footprints: [account(bankCard(20), 1_000)],
    });
    const reads = await Promise.all([syncCaseCards(sut.ctx), syncCaseCards(sut.ctx), syncCaseCards(sut.ctx)]);
    expect(reads.every((n) => n >= 0)).toBe(true);
    const card = (await as('province-analyst', 'GET', `/api/v1/cards?q=${bankCard(20)}`)).json().items[0];
    expect(card).toMatchObject({ caseCount: 1, amount: 1_000 });
    expect(created.footprints).toHaveLength(1);
  });
});

describe('visibility of unplaced cards', () => {
  it('shows a reported card with no place, holder or case to the province only', async () => {
    expect((await partner([{ kind: 'bank_card', number: bankCard(30) }])).json().accepted).toBe(1);
    const province = (await as('province-officer', 'GET', `/api/v1/cards?q=${bankCard(30)}`)).json();
    expect(province.total).toBe(1);
    const nanjing = (await as('nanjing-officer', 'GET', `/api/v1/cards?q=${bankCard(30)}`)).json();
    expect(nanjing.total).toBe(0);
  });
});
