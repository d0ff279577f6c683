/**
 * Queries on warnings, their timeline and attempts. Reads for people are limited to the actor's
 * subtree by the warning's unit (`units.path` starting with the actor's); writes that a retry can
 * repeat are idempotent (timeline entries by key, the one open warning per phone by its index).
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../store/schema.js';
import type {
  NewWarning,
  WarningUpdate,
  WarningAttemptRow,
  WarningLevelValue,
  WarningRow,
  WarningTimelineRow,
} from '../../store/warnings-schema.js';

export type Db = Kysely<Database> | Transaction<Database>;

/** A warning with what its summary shows beside the row: the unit's name and path, attempts made. */
export type WarningListRow = WarningRow & { unit_name: string; unit_path: string; attempt_count: number };

const LEVEL_ORDER = sql<number>`CASE warnings.level WHEN 'red' THEN 0 WHEN 'orange' THEN 1 ELSE 2 END`;

const warningsWithUnit = (db: Db) =>
  db
    .selectFrom('warnings')
    .innerJoin('units', 'units.code', 'warnings.unit_code')
    .selectAll('warnings')
    .select(['units.name as unit_name', 'units.path as unit_path'])
    .select((eb) =>
      eb
        .selectFrom('warning_attempts')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('warning_attempts.warning_id', '=', 'warnings.id')
        .as('attempt_count'),
    );

export interface WarningSearch {
  /** The actor's subtree. */
  unitPath: string;
  /** A unit's subtree inside it (or warnings escalated to that unit). */
  unit?: { code: string; path: string };
  status?: 'open' | 'closed';
  level?: WarningLevelValue;
  fraudType?: string;
  limit: number;
  offset: number;
}

export async function findWarnings(db: Db, search: WarningSearch) {
  let query = warningsWithUnit(db).where('units.path', 'like', `${search.unitPath}%`);
  if (search.unit) {
    const unit = search.unit;
    query = query.where((eb) =>
      eb.or([eb('units.path', 'like', `${unit.path}%`), eb('warnings.escalated_to', '=', unit.code)]),
    );
  }
  if (search.status) query = query.where('warnings.status', '=', search.status);
  if (search.level) query = query.where('warnings.level', '=', search.level);
  if (search.fraudType) query = query.where('warnings.fraud_type', '=', search.fraudType);
  const [rows, count] = await Promise.all([
    query
      .orderBy(LEVEL_ORDER)
      .orderBy('warnings.deadline_at')
      .orderBy('warnings.id')
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as WarningListRow[], total: Number(count.n) };
}

/** One warning, if it lies in the subtree at `unitPath` (or anywhere, for the system). */
export async function findWarning(
  db: Db,
  id: string,
  unitPath: string | null,
  options: { lock?: boolean } = {},
): Promise<WarningListRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let query = warningsWithUnit(db).where('warnings.id', '=', id);
  if (unitPath !== null) query = query.where('units.path', 'like', `${unitPath}%`);
  if (options.lock) {
    // Lock the warning row (not the unit's) so concurrent attempts on one warning run one after another.
    await db.selectFrom('warnings').select('id').where('id', '=', id).forUpdate().execute();
  }
  return (await query.executeTakeFirst()) as WarningListRow | undefined;
}

export function findOpenWarningOf(db: Db, phone: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('warnings').selectAll().where('phone', '=', phone).where('status', '=', 'open');
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Opens a warning; undefined when the person already has an open one (a concurrent handler won). */
export function insertOpenWarning(db: Db, warning: NewWarning): Promise<WarningRow | undefined> {
  return db
    .insertInto('warnings')
    .values(warning)
    .onConflict((oc) => oc.column('phone').where(sql.ref('status'), '=', sql.lit('open')).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updateWarning(db: Db, id: string, changes: WarningUpdate) {
  return db
    .updateTable('warnings')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface TimelineInsert {
  warning_id: string;
  key: string;
  kind: WarningTimelineRow['kind'];
  event_id: string | null;
  rule_id: string | null;
  at: Date;
  detail: unknown;
}

/** Adds timeline entries, skipping those the warning already has (same key); returns how many were new. */
export async function insertTimeline(db: Db, entries: TimelineInsert[]): Promise<number> {
  if (entries.length === 0) return 0;
  const inserted = await db
    .insertInto('warning_timeline')
    .values(entries.map((entry) => ({ ...entry, detail: JSON.stringify(entry.detail) })))
    .onConflict((oc) => oc.columns(['warning_id', 'key']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/** Whether a firing (by its timeline key) was already recorded on any warning: a redelivered event. */
export async function firingRecorded(db: Db, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('warning_timeline')
    .select('id')
    .where('key', '=', key)
    .where('kind', '=', 'firing')
    .executeTakeFirst();
  return row !== undefined;
}

export function findTimeline(db: Db, warningId: string): Promise<WarningTimelineRow[]> {
  return db
    .selectFrom('warning_timeline')
    .selectAll()
    .where('warning_id', '=', warningId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function findAttempts(db: Db, warningId: string): Promise<WarningAttemptRow[]> {
  return db
    .selectFrom('warning_attempts')
    .selectAll()
    .where('warning_id', '=', warningId)
    .orderBy('at')
    .orderBy('recorded_at')
    .execute();
}

/**
 * Marks open warnings past their deadline without a first contact as escalated to their unit's parent
 * (the province escalates to itself); each is returned once, whichever instance runs the job.
 */
export async function escalateOverdue(db: Db, now: Date, limit: number): Promise<WarningRow[]> {
  const due = db
    .selectFrom('warnings')
    .select('id')
    .where('status', '=', 'open')
    .where('first_contact_at', 'is', null)
    .where('escalated_at', 'is', null)
    .where('deadline_at', '<', now)
    .orderBy('deadline_at')
    .limit(limit);
  return db
    .updateTable('warnings')
    .set((eb) => ({
      escalated_at: now,
      updated_at: now,
      escalated_to: eb.fn.coalesce(
        eb.selectFrom('units').select('units.parent_code').whereRef('units.code', '=', 'warnings.unit_code'),
        eb.ref('warnings.unit_code'),
      ),
    }))
    .where('id', 'in', due)
    .where('escalated_at', 'is', null)
    .returningAll()
    .execute();
}
