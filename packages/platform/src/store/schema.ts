/**
 * Row types of the store's tables, as Kysely sees them. Kept in step with `migrations/*.sql` by hand;
 * the migration test checks that every table named here exists after migrating.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CallerTables } from './callers-schema.js';
import type { CardTables } from './cards-schema.js';
import type { CaseTables } from './cases-schema.js';
import type { ClueTables } from './clues-schema.js';
import type { EventTables } from './events-schema.js';
import type { WarningTables } from './warnings-schema.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type UnitLevel = 'province' | 'city' | 'county' | 'station';
export type Role = 'admin' | 'analyst' | 'officer' | 'auditor';

export interface UnitTable {
  code: string;
  name: string;
  level: UnitLevel;
  parent_code: string | null;
  path: string;
  created_at: Timestamp;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  unit_code: string;
  roles: Role[];
  password_hash: string;
  phone: string | null;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: NullableTimestamp;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: ColumnType<string, never, never>;
  at: Timestamp;
  actor_type: 'user' | 'api_key' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_username: string | null;
  actor_unit_code: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  reason: string | null;
  ip: string | null;
  detail: ColumnType<unknown, string | null, never> | null;
}

export interface ApiKeyTable {
  id: Generated<string>;
  name: string;
  unit_code: string;
  prefix: string;
  key_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

export interface IntelListTable {
  id: Generated<string>;
  name: string;
  title: string;
  kind: 'number' | 'domain' | 'url' | 'account' | 'app' | 'imei';
  default_action: 'block' | 'mark' | 'allow';
  description: string | null;
  unit_code: string;
  created_by: string | null;
  created_at: Timestamp;
  /** The engine FRAUD_TYPE the list's entries point to; null when mixed or unknown. */
  fraud_type: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IntelEntryTable {
  id: ColumnType<string, never, never>;
  list_id: string;
  value: string;
  match: 'exact' | 'prefix' | 'domain' | 'host' | 'url_prefix' | 'account' | 'app' | 'imei';
  account_kind: string | null;
  action: 'block' | 'mark' | 'allow';
  confidence: number;
  source_kind: 'case' | 'report' | 'partner' | 'rule';
  source_id: string;
  reason: string | null;
  added_at: Timestamp;
  expires_at: NullableTimestamp;
  added_by: string | null;
}

export interface IntelChangeTable {
  seq: ColumnType<string, never, never>;
  at: Timestamp;
  list_id: string;
  op: 'add' | 'remove' | 'bulk';
  kind: string;
  value: string;
  match: string;
  entry: ColumnType<unknown, string, never>;
  actor: string | null;
  reason: string | null;
}

export interface ScreeningHitTable {
  id: ColumnType<string, never, never>;
  at: Timestamp;
  kind: string;
  value: string;
  action: 'block' | 'mark';
  risk: number;
  lists: string[];
  api_key_id: string | null;
  /** Identical hits of one recorder window (migration 0047): how many, and the last one's time. */
  count: ColumnType<number, number | undefined, never>;
  last_at: ColumnType<Date, Date | string, Date | string>;
}

export interface AppealTable {
  id: Generated<string>;
  list_id: string;
  kind: 'number' | 'domain' | 'url' | 'account' | 'app' | 'imei';
  value: string;
  match: 'exact' | 'prefix' | 'domain' | 'host' | 'url_prefix' | 'account' | 'app' | 'imei';
  account_kind: string | null;
  appellant_type: 'user' | 'api_key' | 'system';
  appellant_id: string | null;
  appellant: string;
  appellant_unit_code: string;
  reason: string;
  evidence: string | null;
  status: ColumnType<'pending' | 'approved' | 'rejected', 'pending' | undefined, 'approved' | 'rejected'>;
  decided_by: string | null;
  decision_reason: string | null;
  created_at: Timestamp;
  decided_at: NullableTimestamp;
}

export interface IntelImportTable {
  id: Generated<string>;
  list_id: string;
  format: 'csv' | 'ndjson' | 'stix';
  status: 'running' | 'succeeded' | 'failed';
  bytes_read: ColumnType<string, number | undefined, number>;
  total_bytes: ColumnType<string | null, number | null | undefined, number | null>;
  rows_read: ColumnType<string, number | undefined, number>;
  added: ColumnType<string, number | undefined, number>;
  error_count: ColumnType<string, number | undefined, number>;
  errors: ColumnType<unknown, string | undefined, string>;
  message: string | null;
  started_by: string | null;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface DomainCandidateTable {
  id: ColumnType<string, never, never>;
  name: string;
  score: number;
  contributions: ColumnType<unknown, string, string>;
  feed: string;
  status: ColumnType<
    'pending' | 'blocked' | 'allowed' | 'dismissed',
    'pending' | undefined,
    'blocked' | 'allowed' | 'dismissed'
  >;
  seen_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_reason: string | null;
  list_name: string | null;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface Database
  extends EventTables, WarningTables, CaseTables, ClueTables, CardTables, CallerTables {
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  api_keys: ApiKeyTable;
  intel_lists: IntelListTable;
  intel_entries: IntelEntryTable;
  intel_changes: IntelChangeTable;
  screening_hits: ScreeningHitTable;
  appeals: AppealTable;
  intel_imports: IntelImportTable;
  domain_candidates: DomainCandidateTable;
  schema_migrations: SchemaMigrationTable;
}

export type UnitRow = Selectable<UnitTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type ApiKeyRow = Selectable<ApiKeyTable>;
export type IntelListRow = Selectable<IntelListTable>;
export type IntelEntryRow = Selectable<IntelEntryTable>;
export type NewIntelEntry = Insertable<IntelEntryTable>;
export type IntelChangeRow = Selectable<IntelChangeTable>;
export type AppealRow = Selectable<AppealTable>;
export type NewAppeal = Insertable<AppealTable>;
