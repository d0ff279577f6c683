/**
 * The audit log: `recordAudit` is called by every service that writes, reveals personal data or signs
 * someone in; `listAudit` serves auditors and admins, limited to what happened in their subtree.
 */
import type { Kysely } from 'kysely';
import type { Context } from '../../context.js';
import type { AuditRow, Database } from '../../store/schema.js';
import type { Actor } from '../auth/actor.js';
import { actorName, actorUnitCode } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { findAuditRows, insertAuditRows } from './store.js';

export interface AuditEvent {
  action: string;
  recordType?: string;
  recordId?: string;
  reason?: string;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** Writes one audit row for an actor's action. Pass the transaction when the action itself is in one. */
export async function recordAudit(
  db: Kysely<Database>,
  actor: Actor | null,
  event: AuditEvent,
  at: Date,
  anonymousName?: string,
): Promise<void> {
  await insertAuditRows(db, [
    {
      at,
      actorType: actor ? actor.type : 'anonymous',
      actorId: actor && actor.type !== 'system' ? actor.id : null,
      actorUsername: actor ? actorName(actor) : (anonymousName ?? null),
      actorUnitCode: actor ? actorUnitCode(actor) : null,
      action: event.action,
      recordType: event.recordType ?? null,
      recordId: event.recordId ?? null,
      reason: event.reason ?? null,
      ip: event.ip ?? null,
      detail: event.detail ?? null,
    },
  ]);
}

export interface AuditEntry {
  id: string;
  at: string;
  actorType: string;
  actorUsername: string | null;
  actorUnitCode: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  reason: string | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: String(row.id),
  at: new Date(row.at).toISOString(),
  actorType: row.actor_type,
  actorUsername: row.actor_username,
  actorUnitCode: row.actor_unit_code,
  action: row.action,
  recordType: row.record_type,
  recordId: row.record_id,
  reason: row.reason,
  ip: row.ip,
  detail: (row.detail as Record<string, unknown> | null) ?? null,
});

export interface AuditFilter {
  page: number;
  pageSize: number;
  action?: string;
  actor?: string;
  unitCode?: string;
  from?: Date;
  to?: Date;
  sort: 'at' | '-at';
}

export async function listAudit(ctx: Context, actor: Actor, filter: AuditFilter) {
  authorize(actor, 'audit.read');
  const { rows, total } = await findAuditRows(ctx.db, {
    unitPath: actor.unitPath,
    includeUnitless: actor.unitPath.split('/').filter(Boolean).length <= 1,
    action: filter.action,
    actor: filter.actor,
    unitCode: filter.unitCode,
    from: filter.from,
    to: filter.to,
    ascending: filter.sort === 'at',
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return { items: rows.map(toEntry), total, page: filter.page, pageSize: filter.pageSize };
}
