import type { Role } from '../api/types';

// Which roles may open which console pages and use which actions. This only hides what the server
// would refuse anyway (403); the server's access rules (packages/platform/src/modules/auth/policy.ts)
// are the real ones, and every action still handles a 403.

export type PageKey =
  | 'home'
  | 'intercept'
  | 'intel.lists'
  | 'intel.entries'
  | 'intel.screen'
  | 'intel.imports'
  | 'intel.appeals'
  | 'intel.domainWatch'
  | 'intel.callerReview'
  | 'warnings'
  | 'warnings.queue'
  | 'warnings.figures'
  | 'warnings.rules'
  | 'warnings.deadLetters'
  | 'cases'
  | 'clues'
  | 'clues.inbox'
  | 'clues.outbox'
  | 'clues.figures'
  | 'operations'
  | 'cards'
  | 'cards.list'
  | 'cards.groups'
  | 'cards.targets'
  | 'cards.progress'
  | 'punishment'
  | 'analysis'
  | 'stats'
  | 'units'
  | 'users'
  | 'audit'
  | 'apiKeys';

export const permissionRoles = {
  'intel.read': ['admin', 'analyst', 'officer'],
  'intel.write': ['analyst'],
  'screen.test': ['admin', 'analyst', 'officer'],
  'appeals.file': ['officer', 'analyst'],
  'appeals.decide': ['analyst'],
  'apikeys.manage': ['admin'],
  'warnings.read': ['admin', 'analyst', 'officer', 'auditor'],
  'warnings.work': ['officer', 'analyst'],
  'rules.manage': ['analyst'],
  'events.read': ['admin', 'analyst'],
  'cases.read': ['admin', 'analyst', 'officer', 'auditor'],
  'cases.write': ['officer', 'analyst'],
  'cases.reveal': ['officer', 'analyst'],
  'clues.read': ['admin', 'analyst', 'officer', 'auditor'],
  'clues.dispatch': ['officer', 'analyst'],
  'clues.work': ['officer', 'analyst'],
  'operations.read': ['admin', 'analyst', 'officer', 'auditor'],
  'operations.manage': ['analyst'],
  'cards.read': ['admin', 'analyst', 'officer', 'auditor'],
  'cards.write': ['officer', 'analyst'],
  'cards.reveal': ['officer', 'analyst'],
  'cards.dispatch': ['analyst'],
  'punishment.read': ['admin', 'analyst', 'officer', 'auditor'],
  'punishment.manage': ['analyst'],
  'punishment.appeal': ['officer', 'analyst'],
  'punishment.reveal': ['officer', 'analyst'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;

export function can(permission: Permission, roles: readonly Role[]): boolean {
  const allowed: readonly Role[] = permissionRoles[permission];
  return allowed.some((role) => roles.includes(role));
}

const pageRoles: Partial<Record<PageKey, readonly Role[]>> = {
  intercept: permissionRoles['intel.read'],
  'intel.lists': permissionRoles['intel.read'],
  'intel.entries': permissionRoles['intel.read'],
  'intel.screen': permissionRoles['screen.test'],
  'intel.imports': permissionRoles['intel.read'],
  'intel.appeals': ['admin', 'analyst', 'officer'],
  'intel.domainWatch': permissionRoles['intel.read'],
  'intel.callerReview': permissionRoles['intel.read'],
  warnings: permissionRoles['warnings.read'],
  'warnings.queue': permissionRoles['warnings.read'],
  'warnings.figures': permissionRoles['warnings.read'],
  'warnings.rules': permissionRoles['warnings.read'],
  'warnings.deadLetters': permissionRoles['events.read'],
  cases: permissionRoles['cases.read'],
  clues: permissionRoles['clues.read'],
  'clues.inbox': permissionRoles['clues.read'],
  'clues.outbox': permissionRoles['clues.read'],
  'clues.figures': permissionRoles['clues.read'],
  operations: permissionRoles['operations.read'],
  cards: permissionRoles['cards.read'],
  'cards.list': permissionRoles['cards.read'],
  'cards.groups': permissionRoles['cards.read'],
  'cards.targets': permissionRoles['cards.read'],
  'cards.progress': permissionRoles['cards.read'],
  punishment: permissionRoles['punishment.read'],
  users: ['admin'],
  audit: ['auditor', 'admin'],
  apiKeys: permissionRoles['apikeys.manage'],
};

export function canOpen(page: PageKey, roles: readonly Role[]): boolean {
  const allowed = pageRoles[page];
  return !allowed || allowed.some((role) => roles.includes(role));
}
