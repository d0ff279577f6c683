/** Tables of the caller-behaviour module (migration 0060). */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type CallerCandidateStatus = 'pending' | 'blocked' | 'allowed' | 'dismissed';

export interface CallerCandidateTable {
  id: ColumnType<string, never, never>;
  number: string;
  score: number;
  contributions: ColumnType<unknown, string, string>;
  features: ColumnType<unknown, string, string>;
  window_start: Timestamp;
  windows: ColumnType<number, number | undefined, number>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  status: ColumnType<CallerCandidateStatus, CallerCandidateStatus | undefined, CallerCandidateStatus>;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_reason: string | null;
  list_name: string | null;
}

export interface CallerTables {
  caller_candidates: CallerCandidateTable;
}
