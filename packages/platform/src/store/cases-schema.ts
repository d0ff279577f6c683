/**
 * Row types of the cases' tables (migrations 0020–0023, 0055), as Kysely sees them; part of `Database` in
 * schema.ts. Kept in step with the migrations by hand.
 */
import type { ColumnType, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface CaseTable {
  id: string;
  unit_code: string;
  external_ref: string | null;
  fraud_type: string;
  status: ColumnType<CaseStatus, CaseStatus | undefined, CaseStatus>;
  victim_name: string;
  victim_phone: string | null;
  victim_id_number: string | null;
  /** numeric: PostgreSQL answers a string. */
  amount_lost: ColumnType<string, number | string, number | string>;
  occurred_at: NullableTimestamp;
  reported_at: Timestamp;
  timeline: ColumnType<unknown, string, string>;
  narrative: string;
  warning_id: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type CaseStatus = 'accepted' | 'filed' | 'investigating' | 'solved' | 'withdrawn';

export interface CaseTransitionTable {
  id: ColumnType<string, never, never>;
  case_id: string;
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  cause: 'mistake' | 'duplicate' | 'no_crime' | 'other' | null;
  reason: string | null;
  actor: string;
  actor_unit_code: string | null;
  at: Timestamp;
}

export interface CaseSuspectTable {
  id: ColumnType<string, never, never>;
  case_id: string;
  name: string | null;
  id_number: string | null;
  phone: string | null;
  note: string | null;
  created_at: Timestamp;
}

export interface CaseFootprintTable {
  id: ColumnType<string, never, never>;
  case_id: string;
  kind: 'number' | 'sms' | 'domain' | 'url' | 'account' | 'qq' | 'wechat' | 'app' | 'imei';
  account_kind: string | null;
  raw_value: string;
  value: string;
  list_id: string | null;
  match: 'exact' | 'prefix' | 'domain' | 'host' | 'url_prefix' | 'account' | 'app' | 'imei' | null;
  action: 'block' | 'mark' | null;
  confidence: number;
  amount: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  occurred_at: NullableTimestamp;
  note: string | null;
  status: ColumnType<'active' | 'removed', 'active' | undefined, 'removed'>;
  created_by: string;
  created_at: Timestamp;
  removed_by: string | null;
  removed_at: NullableTimestamp;
  removal_reason: string | null;
}

/** Money frozen on an account footprint (migration 0055). */
export interface CaseAccountFreezeTable {
  id: ColumnType<string, never, never>;
  footprint_id: string;
  case_id: string;
  /** numeric: PostgreSQL answers a string. */
  amount: ColumnType<string, number | string, number | string>;
  frozen_at: Timestamp;
  reference: string | null;
  note: string | null;
  unit_code: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface CaseTables {
  cases: CaseTable;
  case_transitions: CaseTransitionTable;
  case_suspects: CaseSuspectTable;
  case_footprints: CaseFootprintTable;
  case_account_freezes: CaseAccountFreezeTable;
}

export type CaseRow = Selectable<CaseTable>;
export type NewCase = Insertable<CaseTable>;
export type CaseTransitionRow = Selectable<CaseTransitionTable>;
export type CaseSuspectRow = Selectable<CaseSuspectTable>;
export type CaseFootprintRow = Selectable<CaseFootprintTable>;
export type NewCaseFootprint = Insertable<CaseFootprintTable>;
