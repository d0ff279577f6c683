// Shapes of the platform's /api/v1 responses and request bodies, as the console uses them.
// The platform's schemas (packages/platform/src/modules/*/schemas.ts) are the source of truth.

export const roles = ['admin', 'analyst', 'officer', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const unitLevels = ['province', 'city', 'county', 'station'] as const;
export type UnitLevel = (typeof unitLevels)[number];

export interface Unit {
  /** GB/T 2260 administrative code, e.g. '320102'. */
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unit: Unit;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  unitCode: string;
  unitName: string;
  roles: Role[];
  /** Masked by the server (138****5678); the full number only comes from a reveal. */
  phoneMasked: string | null;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  /** 'user', 'api_key' or 'system'. */
  actorType: string;
  actorUsername: string | null;
  actorUnitCode: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  reason: string | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

export type UserSort = 'username' | '-username' | 'createdAt' | '-createdAt';
export type AuditSort = 'at' | '-at';

export interface UserQuery {
  page: number;
  pageSize: number;
  q?: string;
  unitCode?: string;
  role?: Role;
  sort?: UserSort;
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  action?: string;
  actor?: string;
  unitCode?: string;
  from?: string;
  to?: string;
  sort?: AuditSort;
}

export interface UserCreateBody {
  username: string;
  displayName: string;
  unitCode: string;
  roles: Role[];
  password: string;
  phone?: string;
}

export interface UserUpdateBody {
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
  password?: string;
}
