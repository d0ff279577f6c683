/**
 * Queries on punishments and their appeals. Officers' reads are limited to the deciding unit's
 * subtree; partners' deltas to their key's unit subtree.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { PunishmentMeasure, PunishmentRow } from '../../store/cards-schema.js';
import type { Database } from '../../store/schema.js';
import type { PunishmentStatus } from './status.js';

export type Db = Kysely<Database> | Transaction<Database>;

const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

const punishmentsIn = (db: Db, unitPath: string) =>
  db
    .selectFrom('punishments as p')
    .innerJoin('units as u', 'u.code', 'p.unit_code')
    .where('u.path', 'like', `${escapeLike(unitPath)}%`);

export type PunishmentListRow = PunishmentRow & { unit_name: string; open_appeals: string | number };

export interface PunishmentFilter {
  status?: PunishmentStatus | 'all';
  measure?: PunishmentMeasure;
  unitPath?: string;
  idNumber?: string;
  now: Date;
  limit: number;
  offset: number;
}

/** The SQL condition of a status at `now`, the same as status.ts's `statusAt`. */
function statusCondition(status: PunishmentStatus, now: Date) {
  const endedEarly = sql`(p.ended_at IS NOT NULL AND p.ended_at <= ${now} AND p.ended_at < p.ends_at)`;
  switch (status) {
    case 'ended':
      return sql<boolean>`${endedEarly} AND p.end_cause = 'ended'`;
    case 'revoked':
      return sql<boolean>`${endedEarly} AND p.end_cause = 'appeal'`;
    case 'expired':
      return sql<boolean>`NOT ${endedEarly} AND p.ends_at <= ${now}`;
    case 'pending':
      return sql<boolean>`NOT ${endedEarly} AND p.ends_at > ${now} AND p.starts_at > ${now}`;
    case 'active':
      return sql<boolean>`NOT ${endedEarly} AND p.ends_at > ${now} AND p.starts_at <= ${now}`;
  }
}

export async function findPunishments(db: Db, actorPath: string, filter: PunishmentFilter) {
  let query = punishmentsIn(db, actorPath);
  if (filter.status && filter.status !== 'all')
    query = query.where(statusCondition(filter.status, filter.now));
  if (filter.measure) query = query.where('p.measure', '=', filter.measure);
  if (filter.unitPath) query = query.where('u.path', 'like', `${escapeLike(filter.unitPath)}%`);
  if (filter.idNumber) query = query.where('p.id_number', '=', filter.idNumber);
  const [rows, count] = await Promise.all([
    query
      .selectAll('p')
      .select('u.name as unit_name')
      .select(openAppeals)
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as PunishmentListRow[], total: Number(count.n) };
}

const openAppeals =
  sql<string>`(SELECT count(*) FROM punishment_appeals a WHERE a.punishment_id = p.id AND a.status = 'filed')`.as(
    'open_appeals',
  );

export async function findPunishment(db: Db, actorPath: string, id: string) {
  return (await punishmentsIn(db, actorPath)
    .selectAll('p')
    .select('u.name as unit_name')
    .select(openAppeals)
    .where('p.id', '=', id)
    .executeTakeFirst()) as PunishmentListRow | undefined;
}

/** Serialises changes of one person's punishments (a new one is refused while another runs). */
export async function lockPerson(db: Db, idNumber: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`punishment:${idNumber}`}))`.execute(db);
}

/** The person's punishments of these measures that are running or pending at `now`. */
export function findRunning(db: Db, idNumber: string, measures: PunishmentMeasure[], now: Date) {
  return db
    .selectFrom('punishments as p')
    .select(['p.id', 'p.measure'])
    .where('p.id_number', '=', idNumber)
    .where('p.measure', 'in', measures)
    .where('p.ends_at', '>', now)
    .where((eb) => eb.or([eb('p.ended_at', 'is', null), eb('p.ended_at', '>', now)]))
    .execute();
}

export function findAppeals(db: Db, punishmentId: string) {
  return db
    .selectFrom('punishment_appeals')
    .selectAll()
    .where('punishment_id', '=', punishmentId)
    .orderBy('filed_at')
    .execute();
}

/**
 * The rows that joined (visible_from in (from, to], still visible at `to`) or left (visible_until in
 * (from, to], visible before `from`) the partners' list between the two times, under the unit path.
 * With no `from`: every row visible at `to`.
 */
export async function findDelta(
  db: Db,
  unitPath: string,
  window: { from: Date | null; to: Date },
  measure?: PunishmentMeasure,
) {
  const visibleFrom = sql<Date>`greatest(p.starts_at, p.created_at)`;
  const visibleUntil = sql<Date>`least(p.ends_at, coalesce(p.ended_at, p.ends_at))`;
  const base = () => {
    let query = punishmentsIn(db, unitPath).selectAll('p');
    if (measure) query = query.where('p.measure', '=', measure);
    return query;
  };
  const { from, to } = window;
  const adds = await base()
    .where(visibleFrom, '<=', to)
    .where(visibleUntil, '>', to)
    .$if(from !== null, (q) => q.where(visibleFrom, '>', from!))
    .orderBy(visibleFrom)
    .orderBy('p.id')
    .execute();
  const removals =
    from === null
      ? []
      : await base()
          .where(visibleUntil, '>', from)
          .where(visibleUntil, '<=', to)
          .where(visibleFrom, '<=', from)
          .orderBy(visibleUntil)
          .orderBy('p.id')
          .execute();
  return { adds, removals };
}
