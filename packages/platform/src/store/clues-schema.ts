/**
 * Row types of the clues' and special operations' tables (migrations 0030–0036), as Kysely sees them;
 * part of `Database` in schema.ts. Kept in step with the migrations by hand.
 */
import type { ColumnType, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** numeric: PostgreSQL answers a string. */
type NullableNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;

export type CluePriority = 'urgent' | 'high' | 'normal' | 'low';
export type ClueStatus = 'pending' | 'working' | 'transferring' | 'done';
export type ClueResult = 'verified' | 'caught' | 'not_found';
export type ClueEntityKind =
  'number' | 'account' | 'person' | 'case' | 'qq' | 'wechat' | 'imei' | 'domain' | 'other';
export type ClueHopKind =
  'dispatched' | 'signed' | 'note' | 'feedback' | 'returned' | 'transferred' | 'reminded' | 'escalated';
export type ClueNoticeKind = 'dispatched' | 'due_soon' | 'overdue' | 'escalated' | 'returned';

export interface ClueTable {
  id: string;
  origin_unit_code: string;
  unit_code: string;
  status: ColumnType<ClueStatus, ClueStatus | undefined, ClueStatus>;
  priority: CluePriority;
  title: string;
  content: string;
  deadline_at: Timestamp;
  operation_id: string | null;
  source_kind: string | null;
  source_id: string | null;
  suggested_unit_code: ColumnType<string | null, string | null | undefined, string | null>;
  result: ColumnType<ClueResult | null, ClueResult | null | undefined, ClueResult | null>;
  caught_count: ColumnType<number | null, number | null | undefined, number | null>;
  cards_seized: ColumnType<number | null, number | null | undefined, number | null>;
  money_frozen: NullableNumeric;
  result_note: ColumnType<string | null, string | null | undefined, string | null>;
  dispatched_at: Timestamp;
  signed_at: NullableTimestamp;
  signed_by: ColumnType<string | null, string | null | undefined, string | null>;
  completed_at: NullableTimestamp;
  completed_by: ColumnType<string | null, string | null | undefined, string | null>;
  reminded_at: NullableTimestamp;
  escalated_at: NullableTimestamp;
  escalated_to: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ClueEntityTable {
  id: ColumnType<string, never, never>;
  clue_id: string;
  kind: ClueEntityKind;
  value: string;
  label: string | null;
}

export interface ClueHopTable {
  id: ColumnType<string, never, never>;
  clue_id: string;
  kind: ClueHopKind;
  from_unit_code: string | null;
  to_unit_code: string | null;
  actor: string;
  actor_unit_code: string | null;
  reason: string | null;
  detail: ColumnType<unknown, string | null, never> | null;
  at: Timestamp;
}

export interface CluePartyTable {
  clue_id: string;
  unit_code: string;
  role: 'sender' | 'receiver';
}

export interface ClueNoticeTable {
  id: ColumnType<string, never, never>;
  unit_code: string;
  clue_id: string;
  kind: ClueNoticeKind;
  message: string;
  created_at: Timestamp;
  read_at: NullableTimestamp;
  read_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OperationTable {
  id: string;
  name: string;
  unit_code: string;
  window_from: Timestamp;
  window_to: Timestamp;
  fraud_types: ColumnType<string[], string[] | undefined, string[]>;
  card_trade: ColumnType<boolean, boolean | undefined, boolean>;
  description: ColumnType<string, string | undefined, string>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OperationUnitTable {
  operation_id: string;
  unit_code: string;
  target_suspects: ColumnType<number, number | undefined, number>;
  target_cases: ColumnType<number, number | undefined, number>;
}

export interface ClueTables {
  clues: ClueTable;
  clue_entities: ClueEntityTable;
  clue_hops: ClueHopTable;
  clue_parties: CluePartyTable;
  clue_notices: ClueNoticeTable;
  operations: OperationTable;
  operation_units: OperationUnitTable;
}

export type ClueRow = Selectable<ClueTable>;
export type NewClueRow = Insertable<ClueTable>;
export type ClueEntityRow = Selectable<ClueEntityTable>;
export type ClueHopRow = Selectable<ClueHopTable>;
export type NewClueHop = Insertable<ClueHopTable>;
export type ClueNoticeRow = Selectable<ClueNoticeTable>;
export type OperationRow = Selectable<OperationTable>;
export type OperationUnitRow = Selectable<OperationUnitTable>;
