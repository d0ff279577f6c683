/**
 * Row types of the two-card trade's and the joint punishment's tables (migrations 0040–0046), as
 * Kysely sees them; part of `Database` in schema.ts. Kept in step with the migrations by hand.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** numeric: PostgreSQL answers a string. */
type Numeric = ColumnType<string, number | string, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;

export type CardKind = 'bank_card' | 'corporate_account' | 'payment_account' | 'sim';
export type ChainRole = 'organiser' | 'escort' | 'buyer' | 'seller' | 'courier';
export type PunishmentMeasure = 'financial' | 'telecom';

export interface CardPersonTable {
  id: Generated<string>;
  id_number: string;
  name: string;
  residence_code: string;
  residence_unit_code: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InvolvedCardTable {
  id: Generated<string>;
  kind: CardKind;
  number: string;
  issuer: string | null;
  opening_place: string | null;
  opening_unit_code: string | null;
  /** date: PostgreSQL answers a Date at midnight UTC (PGlite) or local (pg); read it as text. */
  opened_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
  holder_id: string | null;
  seen_in_cases: ColumnType<boolean, boolean | undefined, boolean>;
  reported_by: string | null;
  first_seen_at: Timestamp;
  updated_at: Timestamp;
}

export interface CardCaseTouchTable {
  footprint_id: string;
  card_id: string;
  case_id: string;
  case_unit_code: string;
  amount: NullableNumeric;
  occurred_at: NullableTimestamp;
  active: boolean;
}

export interface CardSyncStateTable {
  source: string;
  watermark: Timestamp;
}

export interface CardChainEdgeTable {
  id: Generated<string>;
  from_person: string;
  to_person: string;
  role: ChainRole;
  case_id: string | null;
  note: string | null;
  unit_code: string;
  created_by: string;
  created_at: Timestamp;
}

export interface CardTargetDispatchTable {
  person_id: string;
  clue_id: string;
  from_unit_code: string;
  target_unit_code: string;
  score: Numeric;
  reasons: ColumnType<unknown, string, string>;
  dispatched_by: string;
  dispatched_at: Timestamp;
}

export interface PunishmentTable {
  id: Generated<string>;
  measure: PunishmentMeasure;
  id_number: string;
  name: string;
  reason: string;
  case_id: string | null;
  unit_code: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  ended_at: NullableTimestamp;
  end_cause: 'ended' | 'appeal' | null;
  end_reason: string | null;
  ended_by: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface PunishmentAppealTable {
  id: Generated<string>;
  punishment_id: string;
  reason: string;
  status: ColumnType<'filed' | 'upheld' | 'revoked', 'filed' | undefined, 'upheld' | 'revoked'>;
  filed_by: string;
  filed_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_reason: string | null;
}

export interface CardTables {
  card_persons: CardPersonTable;
  involved_cards: InvolvedCardTable;
  card_case_touches: CardCaseTouchTable;
  card_sync_state: CardSyncStateTable;
  card_chain_edges: CardChainEdgeTable;
  card_target_dispatches: CardTargetDispatchTable;
  punishments: PunishmentTable;
  punishment_appeals: PunishmentAppealTable;
}

export type CardPersonRow = Selectable<CardPersonTable>;
export type InvolvedCardRow = Selectable<InvolvedCardTable>;
export type NewInvolvedCard = Insertable<InvolvedCardTable>;
export type CardChainEdgeRow = Selectable<CardChainEdgeTable>;
export type PunishmentRow = Selectable<PunishmentTable>;
export type PunishmentAppealRow = Selectable<PunishmentAppealTable>;
