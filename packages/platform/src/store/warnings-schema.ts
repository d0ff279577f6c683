/**
 * Row types of the warnings' tables (migrations 0016–0019), as Kysely sees them; part of `Database` in
 * schema.ts. Kept in step with the migrations by hand.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** numeric(16,2): read as text by both drivers, written as a number. */
type Money = ColumnType<string | null, number | null | undefined, number | null>;
type Json = ColumnType<unknown, string, string>;

export type WarningLevelValue = 'red' | 'orange' | 'yellow';
export type WarningOutcome = 'dissuaded' | 'paid' | 'false_alarm';
export type AttemptOutcome = WarningOutcome | 'unreachable';
export type AttemptChannel = 'call' | 'sms' | 'visit';
export type RoutedBy = 'residence' | 'home_region' | 'province' | 'transfer';

export interface WarningRuleTable {
  id: string;
  version: number;
  body: Json;
  created_by: string | null;
  created_at: Timestamp;
}

export interface WarningTable {
  id: Generated<string>;
  phone: string;
  id_number: string | null;
  unit_code: string;
  routed_by: RoutedBy;
  level: WarningLevelValue;
  fraud_type: string | null;
  rule_ids: string[];
  status: ColumnType<'open' | 'closed', 'open' | undefined, 'open' | 'closed'>;
  outcome: WarningOutcome | null;
  amount: Money;
  unreachable_count: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  deadline_at: Timestamp;
  first_contact_at: NullableTimestamp;
  escalated_at: NullableTimestamp;
  escalated_to: string | null;
  closed_at: NullableTimestamp;
}

export interface WarningTimelineTable {
  id: ColumnType<string, never, never>;
  warning_id: string;
  key: string;
  kind: 'signal' | 'firing' | 'escalation' | 'transfer';
  event_id: string | null;
  rule_id: string | null;
  at: Timestamp;
  detail: Json;
}

export interface WarningAttemptTable {
  id: Generated<string>;
  warning_id: string;
  channel: AttemptChannel;
  outcome: AttemptOutcome;
  amount: Money;
  note: string | null;
  message: string | null;
  by_user: string | null;
  by_user_id: string | null;
  unit_code: string | null;
  at: Timestamp;
  recorded_at: Timestamp;
}

export interface WarningTables {
  warning_rules: WarningRuleTable;
  warnings: WarningTable;
  warning_timeline: WarningTimelineTable;
  warning_attempts: WarningAttemptTable;
}

export type WarningRow = Selectable<WarningTable>;
export type NewWarning = Insertable<WarningTable>;
export type WarningUpdate = Updateable<WarningTable>;
export type WarningTimelineRow = Selectable<WarningTimelineTable>;
export type WarningAttemptRow = Selectable<WarningAttemptTable>;
export type WarningRuleRow = Selectable<WarningRuleTable>;
