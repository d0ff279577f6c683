/** Store rows → API answers. Personal data leaves here masked; the full values only through `revealCase`. */
import type { CaseSuspectRow, CaseTransitionRow } from '../../store/cases-schema.js';
import { maskIdNumber, maskName, maskPhone } from '../personal-data/index.js';
import type { CaseDetail, CaseFraudType, CaseSummary, FootprintView } from './schemas.js';
import type { CaseListRow, FootprintWithEntry } from './store.js';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value ? iso(value) : null);
const masked = (value: string | null, mask: (v: string) => string) => (value ? mask(value) : null);

export const toCaseSummary = (row: CaseListRow): CaseSummary => ({
  id: row.id,
  unitCode: row.unit_code,
  unitName: row.unit_name,
  externalRef: row.external_ref,
  fraudType: row.fraud_type as CaseFraudType,
  status: row.status,
  victim: {
    name: maskName(row.victim_name),
    phone: masked(row.victim_phone, maskPhone),
    idNumber: masked(row.victim_id_number, maskIdNumber),
  },
  amountLost: Number(row.amount_lost),
  occurredAt: isoOrNull(row.occurred_at),
  reportedAt: iso(row.reported_at),
  warningId: row.warning_id,
  footprintCount: Number(row.footprint_count),
  createdBy: row.created_by,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export const toFootprintView = (row: FootprintWithEntry): FootprintView => ({
  id: String(row.id),
  kind: row.kind,
  accountKind: row.account_kind,
  value: row.value,
  amount: row.amount === null ? null : Number(row.amount),
  occurredAt: isoOrNull(row.occurred_at),
  confidence: row.confidence,
  note: row.note,
  status: row.status,
  action: row.action,
  list: row.list_name,
  entry:
    row.entry_id === null
      ? null
      : {
          id: String(row.entry_id),
          list: row.list_name!,
          action: row.entry_action!,
          confidence: row.entry_confidence!,
          source: { kind: row.entry_source_kind!, id: row.entry_source_id! },
          addedAt: iso(row.entry_added_at!),
        },
  createdBy: row.created_by,
  createdAt: iso(row.created_at),
  removedBy: row.removed_by,
  removedAt: isoOrNull(row.removed_at),
  removalReason: row.removal_reason,
  frozenAmount: Number(row.frozen_amount ?? 0),
});

export function toCaseDetail(
  row: CaseListRow,
  parts: { footprints: FootprintWithEntry[]; suspects: CaseSuspectRow[]; transitions: CaseTransitionRow[] },
): CaseDetail {
  return {
    ...toCaseSummary(row),
    timeline: (row.timeline as Array<{ at: string; event: string }>) ?? [],
    narrative: row.narrative,
    suspects: parts.suspects.map((suspect) => ({
      id: String(suspect.id),
      name: masked(suspect.name, maskName),
      phone: masked(suspect.phone, maskPhone),
      idNumber: masked(suspect.id_number, maskIdNumber),
      note: suspect.note,
    })),
    footprints: parts.footprints.map(toFootprintView),
    transitions: parts.transitions.map((t) => ({
      from: t.from_status,
      to: t.to_status,
      cause: t.cause,
      reason: t.reason,
      actor: t.actor,
      at: iso(t.at),
    })),
  };
}
