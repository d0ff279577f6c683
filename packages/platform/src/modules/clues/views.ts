/** Store rows → API answers of the clues API. */
import type { ClueEntityRow } from '../../store/clues-schema.js';
import type { ClueDetail, ClueHop, ClueSummary } from './schemas.js';
import type { ClueListRow, HopWithNames } from './store.js';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value ? iso(value) : null);
const ref = (code: string | null, name: string | null) => (code ? { code, name: name ?? code } : null);

export const toClueSummary = (row: ClueListRow, now: Date): ClueSummary => ({
  id: row.id,
  title: row.title,
  priority: row.priority,
  status: row.status,
  result: row.result,
  origin: { code: row.origin_unit_code, name: row.origin_name },
  unit: { code: row.unit_code, name: row.unit_name },
  deadlineAt: iso(row.deadline_at),
  overdue: row.status !== 'done' && new Date(row.deadline_at).getTime() < now.getTime(),
  dispatchedAt: iso(row.dispatched_at),
  signedAt: isoOrNull(row.signed_at),
  signedBy: row.signed_by,
  completedAt: isoOrNull(row.completed_at),
  escalatedTo: ref(row.escalated_to, row.escalated_name),
  escalatedAt: isoOrNull(row.escalated_at),
  suggestedUnit: ref(row.suggested_unit_code, row.suggested_name),
  operation: row.operation_id ? { id: row.operation_id, name: row.operation_name ?? row.operation_id } : null,
  source: row.source_kind && row.source_id ? { kind: row.source_kind, id: row.source_id } : null,
  caughtCount: row.caught_count,
  cardsSeized: row.cards_seized,
  moneyFrozen: row.money_frozen === null ? null : Number(row.money_frozen),
});

export const toClueHop = (row: HopWithNames): ClueHop => ({
  id: String(row.id),
  kind: row.kind,
  from: ref(row.from_unit_code, row.from_name),
  to: ref(row.to_unit_code, row.to_name),
  actor: row.actor,
  actorUnitCode: row.actor_unit_code,
  reason: row.reason,
  detail: (row.detail as Record<string, unknown> | null) ?? null,
  at: iso(row.at),
});

export function toClueDetail(
  row: ClueListRow,
  parts: { entities: ClueEntityRow[]; hops: HopWithNames[]; actions: ClueDetail['actions'] },
  now: Date,
): ClueDetail {
  return {
    ...toClueSummary(row, now),
    content: row.content,
    resultNote: row.result_note,
    entities: parts.entities.map((e) => ({ kind: e.kind, value: e.value, label: e.label })),
    hops: parts.hops.map(toClueHop),
    actions: parts.actions,
  };
}
