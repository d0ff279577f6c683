/**
 * Queries on cases, their transitions, suspects and footprints. Every read of a case goes through
 * `casesIn`, limited to the actor's subtree by the owning unit's path; footprints, suspects and
 * transitions are read only for a case found that way.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type {
  CaseFootprintRow,
  CaseRow,
  CaseStatus,
  CaseSuspectTable,
  CaseTransitionTable,
  NewCase,
  NewCaseFootprint,
} from '../../store/cases-schema.js';
import type { Database } from '../../store/schema.js';
import type { Insertable } from 'kysely';

export type Db = Kysely<Database> | Transaction<Database>;

export type CaseListRow = CaseRow & { unit_name: string; footprint_count: string | number };

const casesIn = (db: Db, unitPath: string) =>
  db
    .selectFrom('cases')
    .innerJoin('units', 'units.code', 'cases.unit_code')
    .where('units.path', 'like', `${unitPath}%`);

const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

/** The next serial of the case numbers: one sequence for the province, so numbers never collide. */
export async function nextCaseSerial(db: Db): Promise<number> {
  const result = await sql<{ serial: string }>`SELECT nextval('case_serial') AS serial`.execute(db);
  return Number(result.rows[0]!.serial);
}

export function insertCase(db: Db, row: NewCase): Promise<CaseRow> {
  return db.insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Moves a case from one status to another; undefined when its status changed meanwhile. */
export function updateCaseStatus(db: Db, id: string, from: CaseStatus, to: CaseStatus, now: Date) {
  return db
    .updateTable('cases')
    .set({ status: to, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', from)
    .returningAll()
    .executeTakeFirst();
}

export function touchCase(db: Db, id: string, now: Date) {
  return db.updateTable('cases').set({ updated_at: now }).where('id', '=', id).execute();
}

export async function insertTransition(db: Db, row: Insertable<CaseTransitionTable>): Promise<void> {
  await db.insertInto('case_transitions').values(row).execute();
}

export async function insertSuspects(db: Db, rows: Insertable<CaseSuspectTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('case_suspects').values(rows).execute();
}

export async function insertFootprints(db: Db, rows: NewCaseFootprint[]): Promise<CaseFootprintRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto('case_footprints').values(rows).returningAll().execute();
}

export function findCase(db: Db, unitPath: string, id: string): Promise<CaseListRow | undefined> {
  return casesIn(db, unitPath)
    .selectAll('cases')
    .select('units.name as unit_name')
    .select(footprintCount)
    .where('cases.id', '=', id)
    .executeTakeFirst();
}

/** Locks the case row for a change (footprints, transitions), so two changes of one case run one after the other. */
export function lockCase(db: Db, id: string) {
  return db.selectFrom('cases').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Active footprints of the case row in the query. */
const footprintCount =
  sql<string>`(SELECT count(*) FROM case_footprints f WHERE f.case_id = cases.id AND f.status = 'active')`.as(
    'footprint_count',
  );

export interface CaseSearch {
  status?: CaseStatus;
  fraudType?: string;
  warningId?: string;
  unitPath?: string;
  idPrefix?: string;
  /** Normalised footprint values the case must hold (any of them). */
  footprintValues?: string[];
  reportedFrom?: Date;
  reportedBefore?: Date;
  limit: number;
  offset: number;
}

export async function findCases(db: Db, unitPath: string, search: CaseSearch) {
  let query = casesIn(db, unitPath);
  if (search.unitPath) query = query.where('units.path', 'like', `${search.unitPath}%`);
  if (search.status) query = query.where('cases.status', '=', search.status);
  if (search.fraudType) query = query.where('cases.fraud_type', '=', search.fraudType);
  if (search.warningId) query = query.where('cases.warning_id', '=', search.warningId);
  if (search.reportedFrom) query = query.where('cases.reported_at', '>=', search.reportedFrom);
  if (search.reportedBefore) query = query.where('cases.reported_at', '<', search.reportedBefore);
  const prefix = search.idPrefix;
  const values = search.footprintValues ?? [];
  if (prefix !== undefined || values.length > 0)
    query = query.where((eb) =>
      eb.or([
        ...(prefix !== undefined
          ? [
              eb('cases.id', 'like', `${escapeLike(prefix.toUpperCase())}%`),
              eb('cases.external_ref', 'like', `${escapeLike(prefix)}%`),
            ]
          : []),
        ...(values.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('case_footprints')
                  .select('case_footprints.id')
                  .whereRef('case_footprints.case_id', '=', 'cases.id')
                  .where('case_footprints.value', 'in', values),
              ),
            ]
          : []),
      ]),
    );
  const [rows, count] = await Promise.all([
    query
      .selectAll('cases')
      .select('units.name as unit_name')
      .select(footprintCount)
      .orderBy('cases.reported_at', 'desc')
      .orderBy('cases.id', 'desc')
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as CaseListRow[], total: Number(count.n) };
}

/** The cases of a unit that already carry one of these officer references (an import must not repeat them). */
export async function findExternalRefs(db: Db, unitCode: string, refs: string[]): Promise<string[]> {
  if (refs.length === 0) return [];
  const rows = await db
    .selectFrom('cases')
    .select('external_ref')
    .where('unit_code', '=', unitCode)
    .where('external_ref', 'in', refs)
    .execute();
  return rows.map((row) => row.external_ref!);
}

export type FootprintWithEntry = CaseFootprintRow & {
  list_name: string | null;
  entry_id: string | null;
  entry_action: 'block' | 'mark' | 'allow' | null;
  entry_confidence: number | null;
  entry_source_kind: string | null;
  entry_source_id: string | null;
  entry_added_at: Date | null;
  frozen_amount: string | null;
};

/** A case's footprints, oldest first, each with the intel entry that holds its value now (if any). */
export function findFootprints(db: Db, caseId: string): Promise<FootprintWithEntry[]> {
  return db
    .selectFrom('case_footprints')
    .leftJoin('intel_lists', 'intel_lists.id', 'case_footprints.list_id')
    .leftJoin('intel_entries', (join) =>
      join
        .onRef('intel_entries.list_id', '=', 'case_footprints.list_id')
        .onRef('intel_entries.value', '=', 'case_footprints.value')
        .onRef('intel_entries.match', '=', 'case_footprints.match')
        .on('case_footprints.status', '=', 'active'),
    )
    .selectAll('case_footprints')
    .select([
      'intel_lists.name as list_name',
      'intel_entries.id as entry_id',
      'intel_entries.action as entry_action',
      'intel_entries.confidence as entry_confidence',
      'intel_entries.source_kind as entry_source_kind',
      'intel_entries.source_id as entry_source_id',
      'intel_entries.added_at as entry_added_at',
      sql<string>`(SELECT sum(z.amount) FROM case_account_freezes z WHERE z.footprint_id = case_footprints.id)`.as(
        'frozen_amount',
      ),
    ])
    .where('case_footprints.case_id', '=', caseId)
    .orderBy('case_footprints.id')
    .execute() as Promise<FootprintWithEntry[]>;
}

export function findActiveFootprints(db: Db, caseId: string, ids?: string[]): Promise<CaseFootprintRow[]> {
  let query = db
    .selectFrom('case_footprints')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '=', 'active');
  if (ids) query = query.where('id', 'in', ids);
  return query.orderBy('id').execute();
}

export function markFootprintsRemoved(
  db: Db,
  ids: string[],
  removal: { removed_by: string; removed_at: Date; removal_reason: string },
) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .updateTable('case_footprints')
    .set({ status: 'removed', ...removal })
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .returningAll()
    .execute();
}

/** Another active footprint (of any case) holding the same listed value: the entry's next source. */
export function findOtherHolder(
  db: Db,
  entry: { listId: string; value: string; match: string },
  caseId: string,
) {
  return db
    .selectFrom('case_footprints')
    .innerJoin('cases', 'cases.id', 'case_footprints.case_id')
    .selectAll('case_footprints')
    .select('cases.fraud_type')
    .where('case_footprints.list_id', '=', entry.listId)
    .where('case_footprints.value', '=', entry.value)
    .where('case_footprints.match', '=', entry.match as 'exact')
    .where('case_footprints.status', '=', 'active')
    .orderBy(sql`case_footprints.case_id = ${caseId}`, 'desc')
    .orderBy('case_footprints.created_at', 'desc')
    .orderBy('case_footprints.id', 'desc')
    .executeTakeFirst();
}

export function findSuspects(db: Db, caseId: string) {
  return db.selectFrom('case_suspects').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export function findTransitions(db: Db, caseId: string) {
  return db.selectFrom('case_transitions').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** Whether a write failed on the unique officer reference of a unit (two requests raced past the check). */
export function isExternalRefTaken(error: unknown): boolean {
  const { code, constraint, message } = (error ?? {}) as {
    code?: string;
    constraint?: string;
    message?: string;
  };
  return (
    code === '23505' &&
    (constraint === 'cases_external_ref' || Boolean(message?.includes('cases_external_ref')))
  );
}
