/** Row types of the event intake's tables (migrations 0013, 0014); part of `Database`. */
import type { ColumnType, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type EventKindColumn = 'call' | 'sms' | 'web' | 'app' | 'transfer' | 'report' | 'screening_hit';

export interface EventTable {
  id: string;
  kind: EventKindColumn;
  at: Timestamp;
  phone: string;
  id_number: string | null;
  evidence: ColumnType<Record<string, unknown>, string, never>;
  received_at: Timestamp;
  source: string;
}

export interface EventDeadLetterTable {
  id: ColumnType<string, never, never>;
  event_id: string | null;
  stage: 'validation' | 'handler';
  reason: string;
  payload: ColumnType<unknown, string, never>;
  source: string;
  unit_code: string | null;
  received_at: Timestamp;
}

export interface EventTables {
  events: EventTable;
  event_dead_letters: EventDeadLetterTable;
}

export type EventRow = Selectable<EventTable>;
export type NewEvent = Insertable<EventTable>;
export type EventDeadLetterRow = Selectable<EventDeadLetterTable>;
export type NewEventDeadLetter = Insertable<EventDeadLetterTable>;
