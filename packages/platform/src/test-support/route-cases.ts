/**
 * The cases of the authorisation matrix (`http/authorization.test.ts`): for every API route, a request the
 * route's rule allows on a record of the caller's own unit, and where records are scoped, the same request
 * on a record outside a county or city caller's subtree. `ids` is filled by the test's set-up.
 */
import {
  caseImport,
  chainEdge,
  newAppeal,
  newCase,
  newOperation,
  newPunishment,
  newUser,
  nextSerial,
} from './route-payloads.js';

export { newCase, newOperation } from './route-payloads.js';

export interface MatrixRequest {
  url: string;
  payload?: object | string;
  contentType?: string;
}

export interface RouteCase {
  /** A request the rule allows, on a record in the caller's own unit (玄武区, inside every demo subtree). */
  own: MatrixRequest;
  /** The same request on a record outside a county or city caller's subtree: 404 for anyone allowed. */
  other?: MatrixRequest;
  /** Statuses an allowed caller may get besides 200/201 (e.g. 404 for a record that does not exist, 403 for a list of a unit above a county analyst). */
  expect?: number[];
}

/** Records the set-up creates, by name (own and other units' appeals, cases, warnings, …). */
export const ids: Record<string, string> = {};

/** One case per route, keyed `METHOD url` exactly as registered. */
export function routeCases(): Record<string, RouteCase> {
  return {
    'POST /api/v1/auth/login': {
      own: { url: '/api/v1/auth/login', payload: { username: `nobody-${nextSerial()}`, password: 'x' } },
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
        payload: { name: `matrix-list-${nextSerial()}`, title: 'x', kind: 'number', defaultAction: 'block' },
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
    'GET /api/v1/intel/caller-candidates': { own: { url: '/api/v1/intel/caller-candidates' } },
    'POST /api/v1/intel/caller-candidates/:id/decide': {
      own: {
        url: '/api/v1/intel/caller-candidates/999999/decide',
        payload: { decision: 'dismiss', reason: 'matrix' },
      },
      expect: [404],
    },
    'GET /api/v1/intel/caller-behaviour/stats': { own: { url: '/api/v1/intel/caller-behaviour/stats' } },
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
    'POST /api/v1/cases/:id/footprints/:fid/freezes': {
      own: {
        url: `/api/v1/cases/${ids.ownCase}/footprints/${ids.ownCaseAccount}/freezes`,
        payload: { amount: 100, frozenAt: '2026-01-01T00:00:00Z', reference: '矩阵冻结' },
      },
      other: {
        url: `/api/v1/cases/${ids.otherCase}/footprints/${ids.otherCaseAccount}/freezes`,
        payload: { amount: 100, frozenAt: '2026-01-01T00:00:00Z', reference: '矩阵冻结' },
      },
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
    'GET /api/v1/operations/:id/stream': {
      own: { url: `/api/v1/operations/${ids.ownOperation}/stream?maxSeconds=0` },
      other: { url: `/api/v1/operations/${ids.otherOperation}/stream?maxSeconds=0` },
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
