/**
 * Who may do what: one table from permission to the roles that hold it. Routes name a permission in
 * their `access` rule; services call `authorize` before they touch the store. Which records an allowed
 * actor sees is a separate question, answered by unit scoping in the store.
 */
import { AppError } from '../../errors.js';
import type { Role } from '../../store/schema.js';
import type { Actor } from './actor.js';

export const roles: readonly Role[] = ['admin', 'analyst', 'officer', 'auditor'];

export const permissionRoles = {
  'units.read': ['admin', 'analyst', 'officer', 'auditor'],
  'users.read': ['admin'],
  'users.manage': ['admin'],
  'users.reveal': ['admin'],
  'audit.read': ['auditor', 'admin'],
  'apikeys.manage': ['admin'],
  'intel.read': ['admin', 'analyst', 'officer'],
  'intel.write': ['analyst'],
  'screen.test': ['admin', 'analyst', 'officer'],
  'appeals.file': ['officer', 'analyst'],
  'appeals.read': ['admin', 'analyst', 'officer'],
  'appeals.decide': ['analyst'],
  'events.read': ['admin', 'analyst'],
  'warnings.read': ['admin', 'analyst', 'officer', 'auditor'],
  'warnings.work': ['officer', 'analyst'],
  'rules.manage': ['analyst'],
  'cases.read': ['admin', 'analyst', 'officer', 'auditor'],
  'cases.write': ['officer', 'analyst'],
  'cases.reveal': ['officer', 'analyst'],
  'cards.read': ['admin', 'analyst', 'officer', 'auditor'],
  'cards.write': ['officer', 'analyst'],
  'cards.reveal': ['officer', 'analyst'],
  'cards.dispatch': ['analyst'],
  'punishment.read': ['admin', 'analyst', 'officer', 'auditor'],
  'punishment.manage': ['analyst'],
  'punishment.appeal': ['officer', 'analyst'],
  'punishment.reveal': ['officer', 'analyst'],
  'clues.read': ['admin', 'analyst', 'officer', 'auditor'],
  'clues.dispatch': ['officer', 'analyst'],
  'clues.work': ['officer', 'analyst'],
  'operations.read': ['admin', 'analyst', 'officer', 'auditor'],
  'operations.manage': ['analyst'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;

/**
 * How a route is reached: `public` (no identity), `session` (any signed-in user), a `permission` held
 * through the user's roles, or an API-key `scope` for partner organisations.
 */
export type AccessRule =
  { public: true } | { session: true } | { permission: Permission } | { scope: string };

export function hasPermission(actor: Actor, permission: Permission): boolean {
  if (actor.type === 'system') return true;
  if (actor.type !== 'user') return false;
  const allowed: readonly Role[] = permissionRoles[permission];
  return actor.roles.some((role) => allowed.includes(role));
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor, permission))
    throw new AppError('forbidden', `this needs the permission ${permission}`);
}

export function hasScope(actor: Actor, scope: string): boolean {
  return actor.type === 'system' || (actor.type === 'api_key' && actor.scopes.includes(scope));
}
