import { buildUrl, request } from './client';
import { upload, type UploadProgress } from './upload';
import type {
  ApiKey,
  ApiKeyCreateBody,
  ApiKeyCreated,
  Appeal,
  AppealCreateBody,
  AppealDecideBody,
  AppealQuery,
  AuditEntry,
  CandidateDecideBody,
  CandidateQuery,
  DomainCandidate,
  DomainWatchSubmitBody,
  DomainWatchSubmitResult,
  EntryChange,
  EntryInput,
  EntryQuery,
  EntryRemoveBody,
  ImportFormat,
  ImportJob,
  IntelEntry,
  IntelList,
  IntelListCreateBody,
  ScreenItem,
  Verdict,
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

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const list = (name: string) => `${base}/intel/lists/${encodeURIComponent(name)}`;

export const intelApi = {
  lists: (signal?: AbortSignal) =>
    request<{ items: IntelList[] }>('GET', `${base}/intel/lists`, withSignal(signal)),
  createList: (body: IntelListCreateBody) => request<IntelList>('POST', `${base}/intel/lists`, { body }),
  entries: (query: EntryQuery, signal?: AbortSignal) =>
    request<Page<IntelEntry>>('GET', `${base}/intel/entries`, { query, ...withSignal(signal) }),
  addEntries: (listName: string, entries: EntryInput[]) =>
    request<{ added: number }>('POST', `${list(listName)}/entries`, { body: { entries } }),
  removeEntry: (listName: string, body: EntryRemoveBody) =>
    request<{ removed: number }>('POST', `${list(listName)}/entries/remove`, { body }),
  history: (value: string, signal?: AbortSignal) =>
    request<{ items: EntryChange[] }>('GET', `${base}/intel/history`, {
      query: { value },
      ...withSignal(signal),
    }),
  /** A link the browser downloads (the platform answers with an attachment). */
  exportUrl: (listName: string, format: ImportFormat) => buildUrl(`${list(listName)}/export`, { format }),
};

/** What each import format is sent as. */
export const importContentTypes: Record<ImportFormat, string> = {
  csv: 'text/csv',
  ndjson: 'application/x-ndjson',
  stix: 'application/json',
};

export const importsApi = {
  start: (
    listName: string,
    format: ImportFormat,
    file: Blob,
    onProgress?: (progress: UploadProgress) => void,
    signal?: AbortSignal,
  ) =>
    upload<ImportJob>(`${base}/intel/imports`, file, {
      query: { list: listName, format },
      contentType: importContentTypes[format],
      ...(onProgress ? { onProgress } : {}),
      ...withSignal(signal),
    }),
  get: (id: string, signal?: AbortSignal) =>
    request<ImportJob>('GET', `${base}/intel/imports/${encodeURIComponent(id)}`, withSignal(signal)),
  recent: (signal?: AbortSignal) =>
    request<{ items: ImportJob[] }>('GET', `${base}/intel/imports`, withSignal(signal)),
};

export const screenApi = {
  test: (item: ScreenItem, signal?: AbortSignal) =>
    request<Verdict>('POST', `${base}/screen/test`, { body: item, ...withSignal(signal) }),
};

export const appealsApi = {
  find: (query: AppealQuery, signal?: AbortSignal) =>
    request<Page<Appeal>>('GET', `${base}/appeals`, { query, ...withSignal(signal) }),
  create: (body: AppealCreateBody) => request<Appeal>('POST', `${base}/appeals`, { body }),
  decide: (id: string, body: AppealDecideBody) =>
    request<Appeal>('POST', `${base}/appeals/${encodeURIComponent(id)}/decide`, { body }),
};

export const domainWatchApi = {
  candidates: (query: CandidateQuery, signal?: AbortSignal) =>
    request<Page<DomainCandidate>>('GET', `${base}/intel/domain-candidates`, {
      query,
      ...withSignal(signal),
    }),
  submit: (body: DomainWatchSubmitBody) =>
    request<DomainWatchSubmitResult>('POST', `${base}/intel/domain-watch`, { body }),
  decide: (id: string, body: CandidateDecideBody) =>
    request<DomainCandidate>('POST', `${base}/intel/domain-candidates/${encodeURIComponent(id)}/decide`, {
      body,
    }),
};

export const apiKeysApi = {
  list: (signal?: AbortSignal) => request<{ items: ApiKey[] }>('GET', `${base}/api-keys`, withSignal(signal)),
  create: (body: ApiKeyCreateBody) => request<ApiKeyCreated>('POST', `${base}/api-keys`, { body }),
  revoke: (id: string) => request<void>('POST', `${base}/api-keys/${encodeURIComponent(id)}/revoke`),
};
