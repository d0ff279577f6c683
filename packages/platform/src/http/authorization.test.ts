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

interface Request {
  url: string;
  payload?: object | string;
  contentType?: string;
}

interface RouteCase {
  /** A request the rule allows, on a record in the caller's own unit (玄武区, inside every demo subtree). */
  own: Request;
  /** The same request on a record outside a county or city caller's subtree: 404 for anyone allowed. */
  other?: Request;
  /** Statuses an allowed caller may get besides 200/201 (e.g. 404 for a record that does not exist, 403 for a list of a unit above a county analyst). */
  expect?: number[];
}

let sut: TestPlatform;
const ids: Record<string, string> = {};

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
  // Cases: one of 玄武区 and one of the province, each with a footprint to remove.
  const { createCase } = await import('../modules/cases/index.js');
  for (const [key, unitCode, number] of [
    ['ownCase', '320102', '13700000100'],
    ['otherCase', '320000', '13700000101'],
  ] as const) {
    const created = await createCase(sut.ctx, systemActor(), {
      ...newCase(unitCode),
      footprints: [{ kind: 'number', value: number }],
    });
    ids[key] = created.id;
    ids[`${key}Footprint`] = created.footprints[0]!.id;
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

let serial = 0;
let appealSerial = 10;
const newAppeal = () => ({
  list: 'matrix-appeals',
  value: `137000000${++appealSerial}`,
  reason: 'authorisation test',
});
const newCase = (unitCode: string) => ({
  unitCode,
  fraudType: 'fake_police' as const,
  victim: { name: '测试' },
  amountLost: 0,
  footprints: [],
});
const caseImport = () =>
  `案件参考号,案件类别,受害人姓名,损失金额（元）,线索类型,线索内容\nM-${++serial},冒充公检法,测试,0,域名,matrix-import.example.cn\n`;
const newUser = (unitCode: string) => ({
  username: `matrix-${++serial}`,
  displayName: '测试',
  unitCode,
  roles: ['officer'],
  password: 'long-enough-1',
});

let punishmentSerial = 100;
/** A punishment of a new person each time (a person under punishment cannot be put under it again). */
const newPunishment = (unitCode: string) => ({
  person: { name: '矩阵', idNumber: residentId('320102', ++punishmentSerial) },
  measures: ['financial'],
  reason: 'authorisation test',
  endsAt: '2099-01-01T00:00:00Z',
  unitCode,
});

/** A chain edge between two persons of 玄武区 (other than the matrix's own), the same every time. */
const chainEdge = () => ({
  from: { name: '组织者', idNumber: '320102199001019031' },
  to: { name: '开卡人', idNumber: '32010219900101904X' },
  role: 'organiser',
});

const newOperation = (unitCode?: string) => ({
  name: '矩阵行动',
  ...(unitCode && { unitCode }),
  windowFrom: '2026-01-01T00:00:00Z',
  windowTo: '2027-01-01T00:00:00Z',
  units: [{ unitCode: unitCode ?? '320102', targetSuspects: 1 }],
});

/** One case per route, keyed `METHOD url` exactly as registered. */
function routeCases(): Record<string, RouteCase> {
  return {
    'POST /api/v1/auth/login': {
      own: { url: '/api/v1/auth/login', payload: { username: `nobody-${++serial}`, password: 'x' } },
    },
    'POST /api/v1/auth/logout': { own: { url: '/api/v1/auth/logout' } },
    'GET /api/v1/auth/me': { own: { url: '/api/v1/auth/me' } },
    'GET /api/v1/openapi.json': { own: { url: '/api/v1/openapi.json' } },
    'GET /api/v1/units': { own: { url: '/api/v1/units' } },
    'GET /api/v1/audit': { own: { url: '/api/v1/audit' } },
    'GET /api/v1/users': { own: { url: '/api/v1/users' } },
    'POST /api/v1/users': {
      own: { url: '/api/v1/users', payload: newUser('320102') },
      other: { url: '/api/v1/users', payload: newUser('320200') },
    },
    'GET /api/v1/users/:id': {
      own: { url: `/api/v1/users/${ids['xuanwu-officer']}` },
      other: { url: `/api/v1/users/${ids['province-officer']}` },
    },
    'PATCH /api/v1/users/:id': {
      own: { url: `/api/v1/users/${ids['xuanwu-officer']}`, payload: { displayName: '玄武民警' } },
      other: { url: `/api/v1/users/${ids['province-officer']}`, payload: { displayName: 'x' } },
    },
    'GET /api/v1/api-keys': { own: { url: '/api/v1/api-keys' } },
    'POST /api/v1/api-keys': {
      own: { url: '/api/v1/api-keys', payload: { name: 'matrix partner', scopes: ['screen'] } },
    },
    'POST /api/v1/api-keys/:id/revoke': {
      own: { url: '/api/v1/api-keys/00000000-0000-0000-0000-000000000000/revoke' },
      expect: [404],
    },
    'GET /api/v1/intel/lists': { own: { url: '/api/v1/intel/lists' } },
    'POST /api/v1/intel/lists': {
      own: {
        url: '/api/v1/intel/lists',
        payload: { name: `matrix-list-${++serial}`, title: 'x', kind: 'number', defaultAction: 'block' },
      },
    },
    'PATCH /api/v1/intel/lists/:list': {
      // A list of the province: analysts below it may not change it.
      own: { url: '/api/v1/intel/lists/matrix-numbers', payload: { fraudType: 'fake_police' } },
      expect: [403],
    },
    'POST /api/v1/intel/lists/:list/entries': {
      own: {
        url: '/api/v1/intel/lists/matrix-numbers/entries',
        payload: { entries: [{ value: '13900000000' }] },
      },
      expect: [200, 403],
    },
    'POST /api/v1/intel/lists/:list/entries/remove': {
      own: {
        url: '/api/v1/intel/lists/matrix-numbers/entries/remove',
        payload: { value: '13900000099', reason: 'matrix' },
      },
      expect: [404, 403],
    },
    'POST /api/v1/intel/imports': {
      own: {
        url: '/api/v1/intel/imports?list=matrix-numbers&format=csv',
        payload: 'value\n13900000001\n',
        contentType: 'text/csv',
      },
      expect: [202, 403],
    },
    'GET /api/v1/intel/imports': { own: { url: '/api/v1/intel/imports' } },
    'GET /api/v1/intel/imports/:id': {
      own: { url: '/api/v1/intel/imports/00000000-0000-0000-0000-000000000000' },
      expect: [404],
    },
    'GET /api/v1/intel/lists/:list/export': {
      own: { url: '/api/v1/intel/lists/matrix-numbers/export?format=csv' },
    },
    'POST /api/v1/intel/domain-watch': {
      own: { url: '/api/v1/intel/domain-watch', payload: { feed: 'matrix', names: ['example.org'] } },
    },
    'POST /api/v1/partner/domain-watch': {
      own: { url: '/api/v1/partner/domain-watch', payload: { feed: 'matrix', names: ['example.org'] } },
    },
    'GET /api/v1/intel/domain-candidates': { own: { url: '/api/v1/intel/domain-candidates' } },
    'POST /api/v1/intel/domain-candidates/:id/decide': {
      own: {
        url: '/api/v1/intel/domain-candidates/999999/decide',
        payload: { decision: 'dismiss', reason: 'matrix' },
      },
      expect: [404],
    },
    'POST /api/v1/partner/cdrs': {
      own: {
        url: '/api/v1/partner/cdrs?format=ndjson',
        payload: '{"caller":"13800000000"}\n',
        contentType: 'application/x-ndjson',
      },
    },
    'GET /api/v1/intel/entries': { own: { url: '/api/v1/intel/entries' } },
    'GET /api/v1/intel/history': { own: { url: '/api/v1/intel/history?value=%2B8613900000000' } },
    'POST /api/v1/screen': {
      own: { url: '/api/v1/screen', payload: { kind: 'number', value: '13900000000' } },
    },
    'POST /api/v1/screen/batch': {
      own: { url: '/api/v1/screen/batch', payload: [{ kind: 'number', value: '13900000000' }] },
    },
    'POST /api/v1/screen/test': {
      own: { url: '/api/v1/screen/test', payload: { kind: 'number', value: '13900000000' } },
    },
    'POST /api/v1/appeals': { own: { url: '/api/v1/appeals', payload: newAppeal() } },
    'GET /api/v1/appeals': { own: { url: '/api/v1/appeals' } },
    'GET /api/v1/appeals/:id': {
      own: { url: `/api/v1/appeals/${ids.ownAppeal}` },
      other: { url: `/api/v1/appeals/${ids.otherAppeal}` },
    },
    'POST /api/v1/appeals/:id/decide': {
      own: {
        url: `/api/v1/appeals/${ids.ownAppeal}/decide`,
        payload: { decision: 'reject', reason: 'authorisation test' },
      },
      other: {
        url: `/api/v1/appeals/${ids.otherAppeal}/decide`,
        payload: { decision: 'reject', reason: 'authorisation test' },
      },
      expect: [409],
    },
    'POST /api/v1/partner/appeals': { own: { url: '/api/v1/partner/appeals', payload: newAppeal() } },
    'GET /api/v1/partner/appeals': { own: { url: '/api/v1/partner/appeals' } },
    'POST /api/v1/events': {
      own: {
        url: '/api/v1/events',
        payload: [
          {
            id: 'matrix-1',
            kind: 'call',
            at: '2026-11-26T08:00:00+08:00',
            phone: '13800000000',
            evidence: { number: '10086' },
          },
        ],
      },
    },
    'GET /api/v1/events/dead-letters': { own: { url: '/api/v1/events/dead-letters' } },
    'POST /api/v1/cases': {
      own: { url: '/api/v1/cases', payload: newCase('320102') },
      other: { url: '/api/v1/cases', payload: newCase('320200') },
    },
    'GET /api/v1/cases': { own: { url: '/api/v1/cases' } },
    'GET /api/v1/cases/import-template.xlsx': { own: { url: '/api/v1/cases/import-template.xlsx' } },
    'POST /api/v1/cases/imports': {
      own: { url: '/api/v1/cases/imports', payload: caseImport(), contentType: 'text/csv' },
    },
    'GET /api/v1/cases/:id': {
      own: { url: `/api/v1/cases/${ids.ownCase}` },
      other: { url: `/api/v1/cases/${ids.otherCase}` },
    },
    'POST /api/v1/cases/:id/reveal': {
      own: { url: `/api/v1/cases/${ids.ownCase}/reveal`, payload: { reason: 'authorisation test' } },
      other: { url: `/api/v1/cases/${ids.otherCase}/reveal`, payload: { reason: 'authorisation test' } },
    },
    'POST /api/v1/cases/:id/footprints': {
      own: {
        url: `/api/v1/cases/${ids.ownCase}/footprints`,
        payload: { footprints: [{ kind: 'domain', value: 'matrix-case.example.cn' }] },
      },
      other: {
        url: `/api/v1/cases/${ids.otherCase}/footprints`,
        payload: { footprints: [{ kind: 'domain', value: 'matrix-case.example.cn' }] },
      },
    },
    'DELETE /api/v1/cases/:id/footprints/:fid': {
      own: { url: `/api/v1/cases/${ids.ownCase}/footprints/${ids.ownCaseFootprint}` },
      other: { url: `/api/v1/cases/${ids.otherCase}/footprints/${ids.otherCaseFootprint}` },
      // Only the first allowed caller finds the footprint still there.
      expect: [404],
    },
    'POST /api/v1/cases/:id/transitions': {
      own: { url: `/api/v1/cases/${ids.ownCase}/transitions`, payload: { to: 'filed' } },
      other: { url: `/api/v1/cases/${ids.otherCase}/transitions`, payload: { to: 'filed' } },
      // Only the first allowed caller moves it; later ones find it filed already.
      expect: [409],
    },
    'GET /api/v1/warnings': { own: { url: '/api/v1/warnings' } },
    'GET /api/v1/warnings/stream': { own: { url: '/api/v1/warnings/stream?maxSeconds=0' } },
    'GET /api/v1/warnings/figures': { own: { url: '/api/v1/warnings/figures' } },
    'GET /api/v1/warnings/:id': {
      own: { url: `/api/v1/warnings/${ids.ownWarning}` },
      other: { url: `/api/v1/warnings/${ids.otherWarning}` },
    },
    'POST /api/v1/warnings/:id/attempts': {
      own: {
        url: `/api/v1/warnings/${ids.ownWarning}/attempts`,
        payload: { channel: 'call', outcome: 'unreachable', note: 'authorisation test' },
      },
      other: {
        url: `/api/v1/warnings/${ids.otherWarning}/attempts`,
        payload: { channel: 'call', outcome: 'unreachable' },
      },
    },
    'POST /api/v1/warnings/:id/transfer': {
      // Already with 玄武区: 409, and nothing moves between the roles' runs.
      own: {
        url: `/api/v1/warnings/${ids.ownWarning}/transfer`,
        payload: { unitCode: '320102', reason: 'authorisation test' },
      },
      other: {
        url: `/api/v1/warnings/${ids.otherWarning}/transfer`,
        payload: { unitCode: '320102', reason: 'authorisation test' },
      },
      expect: [409],
    },
    'GET /api/v1/warning-rules': { own: { url: '/api/v1/warning-rules' } },
    'PUT /api/v1/warning-rules/:id': {
      own: {
        url: '/api/v1/warning-rules/matrix-rule',
        payload: {
          name: '矩阵测试规则',
          level: 'yellow',
          fraudType: null,
          windowMinutes: 10,
          ordered: true,
          steps: [{ kinds: ['report'] }],
          enabled: false,
        },
      },
      // Rules are the province's: analysts below the provincial center are refused.
      expect: [403],
    },
    'POST /api/v1/warning-rules/backtest': {
      own: {
        url: '/api/v1/warning-rules/backtest',
        payload: {
          rules: [
            {
              id: 'matrix-rule',
              name: '矩阵测试规则',
              level: 'yellow',
              fraudType: null,
              windowMinutes: 10,
              ordered: true,
              steps: [{ kinds: ['report'] }],
              enabled: true,
            },
          ],
          from: '2026-11-25T00:00:00+08:00',
          to: '2026-11-26T00:00:00+08:00',
        },
      },
    },
    'POST /api/v1/partner/cards': { own: { url: '/api/v1/partner/cards', payload: [] } },
    'GET /api/v1/cards': { own: { url: '/api/v1/cards' } },
    'GET /api/v1/cards/groups': {
      own: { url: '/api/v1/cards/groups?by=opening' },
      other: { url: '/api/v1/cards/groups?by=opening&unit=320200' },
    },
    'GET /api/v1/cards/targets': {
      own: { url: '/api/v1/cards/targets' },
      other: { url: '/api/v1/cards/targets?unit=320200' },
    },
    'POST /api/v1/cards/targets/dispatch': {
      own: { url: '/api/v1/cards/targets/dispatch', payload: { deadlineAt: '2099-01-01T00:00:00Z' } },
      other: {
        url: '/api/v1/cards/targets/dispatch',
        payload: { unit: '320200', deadlineAt: '2099-01-01T00:00:00Z' },
      },
    },
    'GET /api/v1/cards/progress': {
      own: { url: '/api/v1/cards/progress' },
      other: { url: '/api/v1/cards/progress?unit=320200' },
    },
    'POST /api/v1/cards/chain': {
      own: { url: '/api/v1/cards/chain', payload: chainEdge() },
    },
    'GET /api/v1/cards/persons/:id/chain': {
      own: { url: `/api/v1/cards/persons/${ids.ownPerson}/chain` },
      other: { url: `/api/v1/cards/persons/${ids.otherPerson}/chain` },
    },
    'POST /api/v1/cards/persons/:id/reveal': {
      own: {
        url: `/api/v1/cards/persons/${ids.ownPerson}/reveal`,
        payload: { reason: 'authorisation test' },
      },
      other: {
        url: `/api/v1/cards/persons/${ids.otherPerson}/reveal`,
        payload: { reason: 'authorisation test' },
      },
    },
    'GET /api/v1/cards/:id': {
      own: { url: `/api/v1/cards/${ids.ownCard}` },
      other: { url: `/api/v1/cards/${ids.otherCard}` },
    },
    'POST /api/v1/clues': {
      // 玄武区 has no unit below it to send to: 400.
      own: {
        url: '/api/v1/clues',
        payload: {
          clues: [
            { targetUnitCode: '320102', title: '矩阵', content: '矩阵', deadlineAt: '2099-01-01T00:00:00Z' },
          ],
        },
      },
      expect: [400],
    },
    'GET /api/v1/clues': { own: { url: '/api/v1/clues?box=outbox' } },
    'GET /api/v1/clues/figures': {
      own: { url: '/api/v1/clues/figures?unitCode=320102' },
      other: { url: '/api/v1/clues/figures?unitCode=320200' },
    },
    'GET /api/v1/clues/notices': { own: { url: '/api/v1/clues/notices?unread=true' } },
    'POST /api/v1/clues/notices/:id/read': {
      own: { url: '/api/v1/clues/notices/999999999/read' },
      expect: [404],
    },
    'GET /api/v1/clues/units': { own: { url: '/api/v1/clues/units' } },
    'GET /api/v1/clues/:id': {
      own: { url: `/api/v1/clues/${ids.ownClue}` },
      other: { url: `/api/v1/clues/${ids.otherClue}` },
    },
    'POST /api/v1/clues/:id/sign': {
      own: { url: `/api/v1/clues/${ids.ownClue}/sign` },
      other: { url: `/api/v1/clues/${ids.otherClue}/sign` },
      // Signed once; units above the holder do not sign.
      expect: [403, 409],
    },
    'POST /api/v1/clues/:id/notes': {
      own: { url: `/api/v1/clues/${ids.ownClue}/notes`, payload: { text: '矩阵' } },
      other: { url: `/api/v1/clues/${ids.otherClue}/notes`, payload: { text: '矩阵' } },
    },
    'POST /api/v1/clues/:id/feedback': {
      own: { url: `/api/v1/clues/${ids.ownClueFeedback}/feedback`, payload: { result: 'verified' } },
      other: { url: `/api/v1/clues/${ids.otherClue}/feedback`, payload: { result: 'verified' } },
      // Given once by 玄武区; closed afterwards, and units above do not give it.
      expect: [403, 409],
    },
    'POST /api/v1/clues/:id/transfer': {
      own: {
        url: `/api/v1/clues/${ids.ownClueTransfer}/transfer`,
        payload: { toUnitCode: '320104', reason: '矩阵' },
      },
      other: {
        url: `/api/v1/clues/${ids.otherClue}/transfer`,
        payload: { toUnitCode: '320104', reason: '矩阵' },
      },
      // 玄武区 has no unit below it (400); once with 秦淮区, 玄武区 no longer moves it (403) and 秦淮区 is the holder (400).
      expect: [400, 403],
    },
    'POST /api/v1/operations': { own: { url: '/api/v1/operations', payload: newOperation() } },
    'GET /api/v1/operations': { own: { url: '/api/v1/operations' } },
    'GET /api/v1/operations/:id': {
      own: { url: `/api/v1/operations/${ids.ownOperation}` },
      other: { url: `/api/v1/operations/${ids.otherOperation}` },
    },
    'PUT /api/v1/operations/:id': {
      own: { url: `/api/v1/operations/${ids.ownOperation}`, payload: newOperation('320000') },
      other: { url: `/api/v1/operations/${ids.otherOperation}`, payload: newOperation('320200') },
      // The province's operation is changed only by the province.
      expect: [403],
    },
    'GET /api/v1/operations/:id/board': {
      own: { url: `/api/v1/operations/${ids.ownOperation}/board` },
      other: { url: `/api/v1/operations/${ids.otherOperation}/board` },
    },
    'GET /api/v1/partner/punishment': { own: { url: '/api/v1/partner/punishment' } },
    'GET /api/v1/punishments': {
      own: { url: '/api/v1/punishments' },
      other: { url: '/api/v1/punishments?unit=320200' },
    },
    'POST /api/v1/punishments': {
      own: { url: '/api/v1/punishments', payload: newPunishment('320102') },
      other: { url: '/api/v1/punishments', payload: newPunishment('320200') },
    },
    'GET /api/v1/punishments/:id': {
      own: { url: `/api/v1/punishments/${ids.ownPunishment}` },
      other: { url: `/api/v1/punishments/${ids.otherPunishment}` },
    },
    'POST /api/v1/punishments/:id/end': {
      own: { url: `/api/v1/punishments/${ids.ownPunishment}/end`, payload: { reason: 'authorisation test' } },
      other: {
        url: `/api/v1/punishments/${ids.otherPunishment}/end`,
        payload: { reason: 'authorisation test' },
      },
      // Only the first allowed caller ends it; later ones find it over.
      expect: [409],
    },
    'POST /api/v1/punishments/:id/reveal': {
      own: {
        url: `/api/v1/punishments/${ids.ownPunishment}/reveal`,
        payload: { reason: 'authorisation test' },
      },
      other: {
        url: `/api/v1/punishments/${ids.otherPunishment}/reveal`,
        payload: { reason: 'authorisation test' },
      },
    },
    'POST /api/v1/punishments/:id/appeals': {
      own: {
        url: `/api/v1/punishments/${ids.ownPunishmentToAppeal}/appeals`,
        payload: { reason: 'authorisation test' },
      },
      other: {
        url: `/api/v1/punishments/${ids.otherPunishment}/appeals`,
        payload: { reason: 'authorisation test' },
      },
      // Only the first allowed caller files; later ones find an appeal open.
      expect: [409],
    },
    'POST /api/v1/punishments/:id/appeals/:appealId/decide': {
      own: {
        url: `/api/v1/punishments/${ids.ownPunishmentAppealed}/appeals/${ids.ownPunishmentAppeal}/decide`,
        payload: { decision: 'uphold', reason: 'authorisation test' },
      },
      other: {
        url: `/api/v1/punishments/${ids.otherPunishment}/appeals/${ids.ownPunishmentAppeal}/decide`,
        payload: { decision: 'uphold', reason: 'authorisation test' },
      },
      // Only the first allowed caller decides it.
      expect: [409],
    },
    'POST /api/v1/users/:id/reveal': {
      own: {
        url: `/api/v1/users/${ids['xuanwu-officer']}/reveal`,
        payload: { reason: 'authorisation test' },
      },
      other: {
        url: `/api/v1/users/${ids['province-officer']}/reveal`,
        payload: { reason: 'authorisation test' },
      },
    },
  };
}

const apiRoutes = (): RouteRecord[] => sut.app.routeTable;

function allowed(rule: AccessRule, role: Role): boolean {
  if ('public' in rule || 'session' in rule) return true;
  if ('permission' in rule) return (permissionRoles[rule.permission] as readonly Role[]).includes(role);
  return false;
}

/** API-key routes do not take sessions: a signed-in person is not a partner system. */
const isPartnerRoute = (rule: AccessRule): boolean => 'scope' in rule;

function send(method: string, request: Request, cookie?: string) {
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
