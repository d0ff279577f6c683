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

// Intercept (拦截): intelligence lists and entries, screening verdicts, imports, appeals, API keys.

export const listKinds = ['number', 'domain', 'url', 'account', 'app', 'imei'] as const;
export type ListKind = (typeof listKinds)[number];

export const entryActions = ['block', 'mark', 'allow'] as const;
export type EntryAction = (typeof entryActions)[number];

export const entryMatches = [
  'exact',
  'prefix',
  'domain',
  'host',
  'url_prefix',
  'account',
  'app',
  'imei',
] as const;
export type EntryMatch = (typeof entryMatches)[number];

/** Match rules each list kind accepts; the first is the platform's default. */
export const matchesByKind: Record<ListKind, readonly EntryMatch[]> = {
  number: ['exact', 'prefix'],
  domain: ['domain', 'host'],
  url: ['url_prefix'],
  account: ['account'],
  app: ['app'],
  imei: ['imei'],
};

export const sourceKinds = ['case', 'report', 'partner', 'rule'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const accountKinds = [
  'bank_card',
  'corporate_account',
  'alipay',
  'wechat_pay',
  'qq',
  'wechat',
] as const;
export type AccountKind = (typeof accountKinds)[number];

export interface IntelList {
  id: string;
  /** Machine name, e.g. `case-numbers`. */
  name: string;
  /** Name people read, e.g. 涉案号码. */
  title: string;
  kind: ListKind;
  defaultAction: EntryAction;
  description: string | null;
  unitCode: string;
  entryCount: number;
  createdAt: string;
}

export interface IntelListCreateBody {
  name: string;
  title: string;
  kind: ListKind;
  defaultAction: EntryAction;
  description?: string;
  unitCode?: string;
}

export interface EntrySource {
  kind: string;
  id: string;
}

export interface IntelEntry {
  id: string;
  /** List name. */
  list: string;
  kind: ListKind;
  /** Normalised value (E.164 number, punycode host, normalised URL or account). */
  value: string;
  match: EntryMatch;
  accountKind: string | null;
  action: EntryAction;
  confidence: number;
  source: EntrySource;
  reason: string | null;
  addedAt: string;
  addedBy: string | null;
  expiresAt: string | null;
}

export interface EntryInput {
  value: string;
  match?: EntryMatch;
  accountKind?: string;
  action?: EntryAction;
  confidence?: number;
  source?: { kind: SourceKind; id: string };
  expiresAt?: string | null;
  reason?: string;
}

export interface EntryQuery {
  page: number;
  pageSize: number;
  list?: string;
  q?: string;
  action?: EntryAction;
  sourceKind?: SourceKind;
}

export interface EntryRemoveBody {
  value: string;
  match?: EntryMatch;
  accountKind?: string;
  reason: string;
}

export interface EntryChange {
  seq: string;
  at: string;
  list: string;
  op: 'add' | 'remove' | string;
  actor: string | null;
  reason: string | null;
}

export const screenKinds = ['number', 'sms', 'domain', 'url', 'account', 'app', 'imei'] as const;
export type ScreenKind = (typeof screenKinds)[number];

export interface ScreenItem {
  kind: ScreenKind;
  value: string;
  text?: string;
  accountKind?: string;
}

export const verdictActions = ['block', 'mark', 'allow', 'pass', 'invalid'] as const;
export type VerdictAction = (typeof verdictActions)[number];

export interface VerdictReason {
  list: string;
  rule: string;
  source: EntrySource;
  addedAt: string;
  action: string;
  confidence: number;
  expiresAt: string | null;
}

export interface Verdict {
  action: VerdictAction;
  risk: number;
  reasons: VerdictReason[];
  normalized: string | null;
  invalidReason: string | null;
}

export const importFormats = ['csv', 'ndjson', 'stix'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface ImportRowError {
  line: number;
  reason: string;
}

export interface ImportJob {
  id: string;
  list: string;
  format: ImportFormat;
  status: 'running' | 'succeeded' | 'failed';
  /** While running: `reading` the file (bytesRead of totalBytes), then `writing` (written of rowsRead). */
  phase: 'reading' | 'writing';
  bytesRead: number;
  totalBytes: number | null;
  rowsRead: number;
  /** Good rows merged into the list so far. */
  written: number;
  added: number;
  errorCount: number;
  /** The first 1000 bad rows. */
  errors: ImportRowError[];
  startedAt: string;
  finishedAt: string | null;
  message: string | null;
}

export const appealStatuses = ['pending', 'approved', 'rejected'] as const;
export type AppealStatus = (typeof appealStatuses)[number];

export interface Appeal {
  id: string;
  list: string;
  kind: ListKind;
  value: string;
  appellant: string;
  appellantUnitCode: string;
  reason: string;
  evidence: string | null;
  status: AppealStatus;
  decidedBy: string | null;
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface AppealQuery {
  page: number;
  pageSize: number;
  status?: AppealStatus;
}

export interface AppealCreateBody {
  list: string;
  value: string;
  reason: string;
  evidence?: string;
}

export interface AppealDecideBody {
  decision: 'approve' | 'reject';
  reason: string;
}

// 新域名监测: names from new-registration and certificate-transparency feeds that the lookalike
// detector scored above its threshold, waiting for an analyst's decision.

export const candidateStatuses = ['pending', 'blocked', 'allowed', 'dismissed'] as const;
export type CandidateStatus = (typeof candidateStatuses)[number];

export interface DomainContribution {
  /** A named feature (entropy, hyphens…), a brand signal (brand_added_words…), `tld` or `name`. */
  feature: string;
  /** Contribution to the score's logit; positive pushes towards suspicious. */
  value: number;
  /** The imitated brand's id, for brand signals. */
  brand?: string;
}

export interface DomainCandidate {
  id: string;
  name: string;
  /** 0..1. */
  score: number;
  contributions: DomainContribution[];
  feed: string;
  status: CandidateStatus;
  seenAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** The list the decision wrote to (blocked: the chosen domain list; allowed: domain-watch-allow). */
  listName: string | null;
}

export interface CandidateQuery {
  page: number;
  pageSize: number;
  status?: CandidateStatus;
}

export type CandidateDecision = 'block' | 'allow' | 'dismiss';

export interface CandidateDecideBody {
  decision: CandidateDecision;
  reason: string;
  list?: string;
}

export interface DomainWatchSubmitBody {
  feed: string;
  names: string[];
}

export interface DomainWatchSubmitResult {
  /** Names sent. */
  received: number;
  /** Names that scored at or above the threshold. */
  candidates: number;
  /** Candidates new to the queue (names seen before are not raised again). */
  raised: number;
}

export const apiKeyScopes = ['screen', 'events', 'appeal', 'cdr', 'punishment', 'cards'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export interface ApiKey {
  id: string;
  name: string;
  /** The key's first characters, to recognise it; the key itself is never shown again. */
  prefix: string;
  unitCode: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiKeyCreateBody {
  name: string;
  scopes: ApiKeyScope[];
  unitCode?: string;
}

export interface ApiKeyCreated {
  id: string;
  prefix: string;
  key: string;
}
