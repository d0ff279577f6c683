/**
 * What the API shows of a warning: the summary of the queue and the stream (phone masked), and the
 * detail (full phone and ID number: reading it is audited by the service) with timeline and attempts.
 */
import type { WarningAttemptRow, WarningTimelineRow } from '../../store/warnings-schema.js';
import { maskIdNumber, maskPhone } from '../personal-data/index.js';
import type { WarningListRow } from './store.js';

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();
const money = (value: string | null): number | null => (value === null ? null : Number(value));

export interface WarningSummary {
  id: string;
  level: WarningListRow['level'];
  status: WarningListRow['status'];
  fraudType: string | null;
  phoneMasked: string;
  unitCode: string;
  unitName: string;
  routedBy: WarningListRow['routed_by'];
  ruleIds: string[];
  deadlineAt: string;
  escalated: boolean;
  escalatedTo: string | null;
  createdAt: string;
  updatedAt: string;
  firstContactAt: string | null;
  outcome: WarningListRow['outcome'];
  amount: number | null;
  attemptCount: number;
}

export function toSummary(row: WarningListRow): WarningSummary {
  return {
    id: row.id,
    level: row.level,
    status: row.status,
    fraudType: row.fraud_type,
    phoneMasked: maskPhone(row.phone),
    unitCode: row.unit_code,
    unitName: row.unit_name,
    routedBy: row.routed_by,
    ruleIds: row.rule_ids,
    deadlineAt: iso(row.deadline_at)!,
    escalated: row.escalated_at !== null,
    escalatedTo: row.escalated_to,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    firstContactAt: iso(row.first_contact_at),
    outcome: row.outcome,
    amount: money(row.amount),
    attemptCount: Number(row.attempt_count ?? 0),
  };
}

/** One entry of the evidence and history; which fields are set depends on `type`. */
export interface TimelineItem {
  type: WarningTimelineRow['kind'];
  at: string;
  eventId: string | null;
  ruleId: string | null;
  [field: string]: unknown;
}

export function toTimelineItem(row: WarningTimelineRow): TimelineItem {
  const detail = (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<
    string,
    unknown
  >;
  return { ...detail, type: row.kind, at: iso(row.at)!, eventId: row.event_id, ruleId: row.rule_id };
}

export interface WarningAttempt {
  id: string;
  at: string;
  channel: WarningAttemptRow['channel'];
  outcome: WarningAttemptRow['outcome'];
  amount: number | null;
  note: string | null;
  message: string | null;
  actor: string | null;
  unitCode: string | null;
}

export const toAttempt = (row: WarningAttemptRow): WarningAttempt => ({
  id: row.id,
  at: iso(row.at)!,
  channel: row.channel,
  outcome: row.outcome,
  amount: money(row.amount),
  note: row.note,
  message: row.message,
  actor: row.by_user,
  unitCode: row.unit_code,
});

export interface WarningDetail extends WarningSummary {
  phone: string;
  idNumber: string | null;
  idNumberMasked: string | null;
  closedAt: string | null;
  escalatedAt: string | null;
  transfers: Array<{
    at: string;
    fromUnitCode: string;
    toUnitCode: string;
    reason: string;
    actor: string | null;
  }>;
  timeline: TimelineItem[];
  attempts: WarningAttempt[];
}

export function toDetail(
  row: WarningListRow,
  timeline: WarningTimelineRow[],
  attempts: WarningAttemptRow[],
): WarningDetail {
  const items = timeline.map(toTimelineItem);
  return {
    ...toSummary(row),
    phone: row.phone,
    idNumber: row.id_number,
    idNumberMasked: row.id_number ? maskIdNumber(row.id_number) : null,
    closedAt: iso(row.closed_at),
    escalatedAt: iso(row.escalated_at),
    transfers: items
      .filter((item) => item.type === 'transfer')
      .map((item) => ({
        at: item.at,
        fromUnitCode: String(item.fromUnitCode),
        toUnitCode: String(item.toUnitCode),
        reason: String(item.reason),
        actor: typeof item.actor === 'string' ? item.actor : null,
      })),
    timeline: items,
    attempts: attempts.map(toAttempt),
  };
}
