/** Queries on the append-only `audit_log` table. */
import type { Kysely } from 'kysely';
import type { AuditRow, Database } from '../../store/schema.js';

export interface AuditInsert {
  actorType: 'user' | 'api_key' | 'system' | 'anonymous';
  actorId: string | null;
  actorUsername: string | null;
  actorUnitCode: string | null;
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  reason?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
  at: Date;
}

export async function insertAuditRows(db: Kysely<Database>, rows: AuditInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      rows.map((row) => ({
        at: row.at,
        actor_type: row.actorType,
        actor_id: row.actorId,
        actor_username: row.actorUsername,
        actor_unit_code: row.actorUnitCode,
        action: row.action,
        record_type: row.recordType ?? null,
        record_id: row.recordId ?? null,
        reason: row.reason ?? null,
        ip: row.ip ?? null,
        detail: row.detail ? JSON.stringify(row.detail) : null,
      })),
    )
    .execute();
}

export interface AuditQuery {
  /** Materialised path of the reader's unit; '' for the whole log. */
  unitPath: string;
  /** Whether rows without a unit (failed logins of unknown users, system jobs) are visible: only at the root. */
  includeUnitless: boolean;
  action?: string;
  actor?: string;
  unitCode?: string;
  from?: Date;
  to?: Date;
  ascending: boolean;
  limit: number;
  offset: number;
}

export async function findAuditRows(
  db: Kysely<Database>,
  q: AuditQuery,
): Promise<{ rows: AuditRow[]; total: number }> {
  let query = db.selectFrom('audit_log').where((eb) => {
    const inSubtree = eb(
      'actor_unit_code',
      'in',
      eb.selectFrom('units').select('code').where('path', 'like', `${q.unitPath}%`),
    );
    return q.includeUnitless ? eb.or([inSubtree, eb('actor_unit_code', 'is', null)]) : inSubtree;
  });
  if (q.action) query = query.where('action', 'like', `${q.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (q.actor) query = query.where('actor_username', '=', q.actor);
  if (q.unitCode) query = query.where('actor_unit_code', '=', q.unitCode);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('at', q.ascending ? 'asc' : 'desc')
      .orderBy('id', q.ascending ? 'asc' : 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
