import type { Role } from '../api/types';

// Which roles may open which console pages. This only hides what the server would refuse anyway
// (403); the server's access rules are the real ones.

export type PageKey =
  'home' | 'intercept' | 'warnings' | 'cases' | 'clues' | 'analysis' | 'stats' | 'units' | 'users' | 'audit';

const pageRoles: Partial<Record<PageKey, readonly Role[]>> = {
  users: ['admin'],
  audit: ['auditor', 'admin'],
};

export function canOpen(page: PageKey, roles: readonly Role[]): boolean {
  const allowed = pageRoles[page];
  return !allowed || allowed.some((role) => roles.includes(role));
}
