/**
 * The authorisation matrix, generated from the route table: every API route × every role × the
 * caller's own unit or another one. A route without an access rule cannot be registered at all, and a
 * registered route without a case below fails `every API route has a case`: a new route must state
 * who may use it and how its records are scoped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteRecord } from './access.js';
import type { AccessRule } from '../modules/auth/index.js';
import { permissionRoles, roles } from '../modules/auth/index.js';
import type { Role } from '../store/schema.js';
import { createTestPlatform, type TestPlatform } from '../test-support/index.js';
import { residentId } from '../modules/cards/test-factories.js';
import { ids, newCase, newOperation, routeCases, type MatrixRequest } from '../test-support/route-cases.js';

let sut: TestPlatform;

beforeAll(async () => {
  sut = await createTestPlatform();
  const { createList } = await import('../modules/intel/index.js');
  const { systemActor } = await import('../modules/auth/index.js');
  await createList(sut.ctx, systemActor(), {
    name: 'matrix-numbers',
    title: '矩阵测试',
    kind: 'number',
    defaultAction: 'block',
    unitCode: '320000',
  });
  for (const row of await sut.ctx.db.selectFrom('users').select(['id', 'username']).execute())
    ids[row.username] = row.id;
  // Appeals: a list of 玄武区 with numbers to appeal, one appeal filed in 玄武区 and one at the province.
  const { addEntries } = await import('../modules/intel/index.js');
  await createList(sut.ctx, systemActor(), {
    name: 'matrix-appeals',
    title: '矩阵申诉',
    kind: 'number',
    defaultAction: 'block',
    unitCode: '320102',
  });
  await addEntries(
    sut.ctx,
    systemActor(),
    'matrix-appeals',
    Array.from({ length: 100 }, (_, i) => ({ value: `137000000${String(i).padStart(2, '0')}` })),
  );
  for (const [key, username, value] of [
    ['ownAppeal', 'xuanwu-officer', '13700000000'],
    ['otherAppeal', 'province-officer', '13700000001'],
  ] as const) {
    const response = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: { cookie: await sut.login(username) },
      payload: { list: 'matrix-appeals', value, reason: 'matrix' },
    });
    ids[key] = response.json().id;
  }
  // Cases: one of 玄武区 and one of the province, each with a footprint to remove and an account to freeze.
  const { createCase } = await import('../modules/cases/index.js');
  for (const [key, unitCode, number, card] of [
    ['ownCase', '320102', '13700000100', '9999000000000000100'],
    ['otherCase', '320000', '13700000101', '9999000000000000101'],
  ] as const) {
    const created = await createCase(sut.ctx, systemActor(), {
      ...newCase(unitCode),
      footprints: [
        { kind: 'number', value: number },
        { kind: 'account', accountKind: 'bank_card', value: card, amount: 1000 },
      ],
    });
    ids[key] = created.id;
    ids[`${key}Footprint`] = created.footprints[0]!.id;
    ids[`${key}Account`] = created.footprints[1]!.id;
  }
  // Warnings: an open one of 玄武区 and one in the province's queue.
  for (const [key, unitCode, phone] of [
    ['ownWarning', '320102', '+8613800000201'],
    ['otherWarning', '320000', '+8613800000202'],
  ] as const) {
    const now = new Date();
    const row = await sut.ctx.db
      .insertInto('warnings')
      .values({
        phone,
        unit_code: unitCode,
        routed_by: 'residence',
        level: 'red',
        rule_ids: ['police-call-then-listed-web'],
        created_at: now,
        updated_at: now,
        deadline_at: new Date(now.getTime() + 300_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  }
  // Two-card trade: a person registered in 玄武区 and one in 锡山区 (outside 南京), each with a card
  // opened where he lives.
  for (const [key, unitCode, sequence] of [
    ['ownPerson', '320102', 901],
    ['otherPerson', '320205', 902],
  ] as const) {
    const now = new Date();
    const person = await sut.ctx.db
      .insertInto('card_persons')
      .values({
        id_number: residentId(unitCode, sequence),
        name: '矩阵',
        residence_code: unitCode,
        residence_unit_code: unitCode,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = person.id;
    const card = await sut.ctx.db
      .insertInto('involved_cards')
      .values({
        kind: 'bank_card',
        number: `99990000000000${sequence}`,
        opening_unit_code: unitCode,
        holder_id: person.id,
        first_seen_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key.replace('Person', 'Card')] = card.id;
  }
  // Joint punishment: punishments decided by 玄武区 (one to end, one to appeal, one with an open
  // appeal to decide) and one by the province.
  for (const [key, unitCode, sequence] of [
    ['ownPunishment', '320102', 911],
    ['ownPunishmentToAppeal', '320102', 912],
    ['ownPunishmentAppealed', '320102', 913],
    ['otherPunishment', '320000', 914],
  ] as const) {
    const now = new Date();
    const row = await sut.ctx.db
      .insertInto('punishments')
      .values({
        measure: 'financial',
        id_number: residentId(unitCode === '320000' ? '320205' : unitCode, sequence),
        name: '矩阵',
        reason: 'authorisation test',
        unit_code: unitCode,
        starts_at: now,
        ends_at: new Date(now.getTime() + 86_400_000),
        created_by: 'matrix',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  }
  const appeal = await sut.ctx.db
    .insertInto('punishment_appeals')
    .values({
      punishment_id: ids.ownPunishmentAppealed!,
      reason: 'authorisation test',
      filed_by: 'matrix',
      filed_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.ownPunishmentAppeal = appeal.id;
});
afterAll(() => sut.close());

// Clues and operations: clues the province sent to 玄武区 (one per flow step, so each route finds its
// clue in the state it needs at least once) and one to 无锡市; an operation of the province and one
// of 无锡市.
beforeAll(async () => {
  const { dispatchClues, signClue } = await import('../modules/clues/index.js');
  const { createOperation } = await import('../modules/operations/index.js');
  const { systemActor } = await import('../modules/auth/index.js');
  const deadlineAt = '2099-01-01T00:00:00Z';
  const clue = (targetUnitCode: string) => ({
    targetUnitCode,
    title: '矩阵线索',
    content: '矩阵测试',
    deadlineAt,
  });
  const [own, feedback, transfer, other] = await dispatchClues(sut.ctx, systemActor(), [
    clue('320102'),
    clue('320102'),
    clue('320102'),
    clue('320200'),
  ]);
  await signClue(sut.ctx, systemActor(), feedback!.id);
  Object.assign(ids, {
    ownClue: own!.id,
    ownClueFeedback: feedback!.id,
    ownClueTransfer: transfer!.id,
    otherClue: other!.id,
  });
  for (const [key, unitCode] of [
    ['ownOperation', '320000'],
    ['otherOperation', '320200'],
  ] as const) {
    const created = await createOperation(sut.ctx, systemActor(), newOperation(unitCode));
    ids[key] = created.id;
  }
});

const apiRoutes = (): RouteRecord[] => sut.app.routeTable;

function allowed(rule: AccessRule, role: Role): boolean {
  if ('public' in rule || 'session' in rule) return true;
  if ('permission' in rule) return (permissionRoles[rule.permission] as readonly Role[]).includes(role);
  return false;
}

/** API-key routes do not take sessions: a signed-in person is not a partner system. */
const isPartnerRoute = (rule: AccessRule): boolean => 'scope' in rule;

function send(method: string, request: MatrixRequest, cookie?: string) {
  return sut.app.inject({
    method: method as 'GET',
    url: request.url,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(request.contentType ? { 'content-type': request.contentType } : {}),
    },
    ...(request.payload ? { payload: request.payload } : {}),
  });
}

describe('authorisation matrix', () => {
  it('every API route has a case', () => {
    const cases = routeCases();
    const missing = apiRoutes()
      .map((route) => `${route.method} ${route.url}`)
      .filter((key) => !cases[key]);
    expect(missing, 'add these routes to routeCases() in authorization.test.ts').toEqual([]);
    expect(apiRoutes().length).toBeGreaterThanOrEqual(10);
  });

  for (const role of roles) {
    for (const level of ['xuanwu', 'nanjing', 'province'] as const) {
      it(`${level}-${role}: allowed routes answer, forbidden ones 403, records of other units 404`, async () => {
        const cookie = await sut.login(`${level}-${role}`);
        const cases = routeCases();
        for (const route of apiRoutes()) {
          if (route.url === '/api/v1/auth/logout') continue; // would end the shared session; see auth.test.ts
          const routeCase = cases[`${route.method} ${route.url}`]!;
          const response = await send(route.method, routeCase.own, cookie);
          const label = `${level}-${role} ${route.method} ${routeCase.own.url} → ${response.statusCode} ${response.body.slice(0, 160)}`;
          if (isPartnerRoute(route.access)) {
            expect(response.statusCode, label).toBe(401);
            continue;
          }
          if (!allowed(route.access, role)) {
            expect(response.statusCode, label).toBe(403);
            continue;
          }
          const acceptable = [
            200,
            201,
            204,
            ...(routeCase.expect ?? []),
            ...(route.url === '/api/v1/auth/login' ? [401] : []),
          ];
          expect(acceptable, label).toContain(response.statusCode);
          if (routeCase.other && level !== 'province') {
            const other = await send(route.method, routeCase.other, cookie);
            expect(other.statusCode, `${label} (other unit: ${other.body.slice(0, 160)})`).toBe(404);
          }
        }
      });
    }
  }

  it('every non-public API route answers 401 without a session', async () => {
    const cases = routeCases();
    for (const route of apiRoutes()) {
      if ('public' in route.access) continue;
      const response = await send(route.method, cases[`${route.method} ${route.url}`]!.own);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    }
  });
});
