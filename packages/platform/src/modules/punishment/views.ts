/** Punishments as officers read them: the person masked, the status as of the clock. */
import type { PunishmentAppealRow } from '../../store/cards-schema.js';
import { maskIdNumber, maskName } from '../personal-data/index.js';
import { statusAt } from './status.js';
import type { PunishmentListRow } from './store.js';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value ? iso(value) : null);

export function toPunishmentView(row: PunishmentListRow, now: Date) {
  return {
    id: row.id,
    measure: row.measure,
    status: statusAt(row, now),
    name: maskName(row.name),
    idNumber: maskIdNumber(row.id_number),
    reason: row.reason,
    caseId: row.case_id,
    unit: { code: row.unit_code, name: row.unit_name },
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    endedAt: isoOrNull(row.ended_at),
    endReason: row.end_reason,
    endedBy: row.ended_by,
    openAppeals: Number(row.open_appeals),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
  };
}

export function toAppealView(row: PunishmentAppealRow) {
  return {
    id: row.id,
    reason: row.reason,
    status: row.status,
    filedBy: row.filed_by,
    filedAt: iso(row.filed_at),
    decidedBy: row.decided_by,
    decidedAt: isoOrNull(row.decided_at),
    decisionReason: row.decision_reason,
  };
}
