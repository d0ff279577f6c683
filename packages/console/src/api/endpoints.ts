import { request } from './client';
import type {
  AuditEntry,
  AuditQuery,
  Me,
  Page,
  Unit,
  User,
  UserCreateBody,
  UserQuery,
  UserUpdateBody,
} from './types';

// One typed function per platform route the console calls.

const base = '/api/v1';

export const authApi = {
  login: (username: string, password: string) =>
    request<{ user: Me }>('POST', `${base}/auth/login`, {
      body: { username, password },
      redirectOn401: false,
    }),
  logout: () => request<void>('POST', `${base}/auth/logout`, { redirectOn401: false }),
  me: (signal?: AbortSignal) =>
    request<Me>('GET', `${base}/auth/me`, { redirectOn401: false, ...(signal ? { signal } : {}) }),
};

export const unitsApi = {
  list: (signal?: AbortSignal) =>
    request<{ items: Unit[] }>('GET', `${base}/units`, signal ? { signal } : {}),
};

export const usersApi = {
  find: (query: UserQuery, signal?: AbortSignal) =>
    request<Page<User>>('GET', `${base}/users`, { query, ...(signal ? { signal } : {}) }),
  create: (body: UserCreateBody) => request<User>('POST', `${base}/users`, { body }),
  update: (id: string, body: UserUpdateBody) =>
    request<User>('PATCH', `${base}/users/${encodeURIComponent(id)}`, { body }),
  revealPhone: (id: string, reason: string) =>
    request<{ phone: string | null }>('POST', `${base}/users/${encodeURIComponent(id)}/reveal`, {
      body: { reason },
    }),
};

export const auditApi = {
  find: (query: AuditQuery, signal?: AbortSignal) =>
    request<Page<AuditEntry>>('GET', `${base}/audit`, { query, ...(signal ? { signal } : {}) }),
};
