/**
 * Queries on clues, their entities, hops, parties and notices. Every read of a clue goes through
 * `visibleClues`: a clue is visible when one of its parties (a unit that sent or held it) lies in the
 * actor's subtree. Inbox and outbox narrow that by the holder and by the senders.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type {
  ClueEntityTable,
  ClueHopRow,
  ClueNoticeKind,
  ClueRow,
  NewClueHop,
  NewClueRow,
} from '../../store/clues-schema.js';
import type { Database, UnitRow } from '../../store/schema.js';

export type Db = Kysely<Database> | Transaction<Database>;

const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

export async function nextClueSerial(db: Db): Promise<number> {
  const result = await sql<{ serial: string }>`SELECT nextval('clue_serial') AS serial`.execute(db);
  return Number(result.rows[0]!.serial);
}

export function insertClue(db: Db, row: NewClueRow): Promise<ClueRow> {
  return db.insertInto('clues').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertEntities(db: Db, rows: Insertable<ClueEntityTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('clue_entities').values(rows).execute();
}

export async function insertHops(db: Db, rows: NewClueHop[]): Promise<void> {
  if (rows.length) await db.insertInto('clue_hops').values(rows).execute();
}

export async function insertParty(db: Db, clueId: string, unitCode: string, role: 'sender' | 'receiver') {
  await db
    .insertInto('clue_parties')
    .values({ clue_id: clueId, unit_code: unitCode, role })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertNotices(
  db: Db,
  rows: { unit_code: string; clue_id: string; kind: ClueNoticeKind; message: string; created_at: Date }[],
): Promise<void> {
  if (rows.length) await db.insertInto('clue_notices').values(rows).execute();
}

export function findUnitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findUnitsByCode(db: Db, codes: string[]): Promise<UnitRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('units').selectAll().where('code', 'in', codes).execute();
}

export function findAllUnits(db: Db): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('path').execute();
}

export function findChildUnits(db: Db, code: string): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().where('parent_code', '=', code).orderBy('code').execute();
}

/** The operation's name if it exists and lies on the actor's line (its unit above, at or below the actor's). */
export async function findOperationOnLine(db: Db, id: string, unitPath: string) {
  return db
    .selectFrom('operations')
    .innerJoin('units', 'units.code', 'operations.unit_code')
    .select(['operations.id', 'operations.name'])
    .where('operations.id', '=', id)
    .where((eb) =>
      eb.or([eb('units.path', 'like', `${unitPath}%`), sql<boolean>`${unitPath} LIKE units.path || '%'`]),
    )
    .executeTakeFirst();
}

export type ClueListRow = ClueRow & {
  origin_name: string;
  unit_name: string;
  unit_path: string;
  escalated_name: string | null;
  suggested_name: string | null;
  operation_name: string | null;
};

const cluesWithNames = (db: Db) =>
  db
    .selectFrom('clues')
    .innerJoin('units as holder', 'holder.code', 'clues.unit_code')
    .innerJoin('units as origin', 'origin.code', 'clues.origin_unit_code')
    .leftJoin('units as escalated', 'escalated.code', 'clues.escalated_to')
    .leftJoin('units as suggested', 'suggested.code', 'clues.suggested_unit_code')
    .leftJoin('operations', 'operations.id', 'clues.operation_id');

const withNames = [
  'origin.name as origin_name',
  'holder.name as unit_name',
  'holder.path as unit_path',
  'escalated.name as escalated_name',
  'suggested.name as suggested_name',
  'operations.name as operation_name',
] as const;

/** Clues one of whose parties lies under `unitPath` ('' for everything). */
const visibleClues = (db: Db, unitPath: string) =>
  cluesWithNames(db).where(({ exists, selectFrom }) =>
    exists(
      selectFrom('clue_parties')
        .innerJoin('units as party', 'party.code', 'clue_parties.unit_code')
        .select('clue_parties.clue_id')
        .whereRef('clue_parties.clue_id', '=', 'clues.id')
        .where('party.path', 'like', `${unitPath}%`),
    ),
  );

export async function findClue(db: Db, unitPath: string, id: string): Promise<ClueListRow | undefined> {
  return (await visibleClues(db, unitPath)
    .selectAll('clues')
    .select(withNames)
    .where('clues.id', '=', id)
    .executeTakeFirst()) as ClueListRow | undefined;
}

export function lockClue(db: Db, id: string) {
  return db.selectFrom('clues').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateClue(db: Db, id: string, changes: Partial<NewClueRow>) {
  return db.updateTable('clues').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export interface ClueSearch {
  box: 'inbox' | 'outbox';
  /** The subtree whose inbox or outbox is read (inside the actor's). */
  boxPath: string;
  status?: ClueRow['status'];
  result?: NonNullable<ClueRow['result']>;
  priority?: ClueRow['priority'];
  operationId?: string;
  overdueAt?: Date;
  escalated?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

export async function findClues(db: Db, unitPath: string, search: ClueSearch) {
  let query = visibleClues(db, unitPath);
  if (search.box === 'inbox') query = query.where('holder.path', 'like', `${search.boxPath}%`);
  else
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('clue_parties')
          .innerJoin('units as sender', 'sender.code', 'clue_parties.unit_code')
          .select('clue_parties.clue_id')
          .whereRef('clue_parties.clue_id', '=', 'clues.id')
          .where('clue_parties.role', '=', 'sender')
          .where('sender.path', 'like', `${search.boxPath}%`),
      ),
    );
  if (search.status) query = query.where('clues.status', '=', search.status);
  if (search.result) query = query.where('clues.result', '=', search.result);
  if (search.priority) query = query.where('clues.priority', '=', search.priority);
  if (search.operationId) query = query.where('clues.operation_id', '=', search.operationId);
  if (search.overdueAt)
    query = query.where('clues.status', '<>', 'done').where('clues.deadline_at', '<', search.overdueAt);
  if (search.escalated !== undefined)
    query = query.where('clues.escalated_at', search.escalated ? 'is not' : 'is', null);
  const q = search.q?.trim();
  if (q)
    query = query.where((eb) =>
      eb.or([
        eb('clues.id', 'like', `${escapeLike(q.toUpperCase())}%`),
        eb('clues.title', 'like', `%${escapeLike(q)}%`),
        eb.exists(
          eb
            .selectFrom('clue_entities')
            .select('clue_entities.id')
            .whereRef('clue_entities.clue_id', '=', 'clues.id')
            .where('clue_entities.value', '=', q),
        ),
      ]),
    );
  const [rows, count] = await Promise.all([
    query
      .selectAll('clues')
      .select(withNames)
      .orderBy(sql`clues.status = 'done'`)
      .orderBy(
        sql`CASE clues.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`,
      )
      .orderBy('clues.deadline_at')
      .orderBy('clues.id')
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ClueListRow[], total: Number(count.n) };
}

export function findEntities(db: Db, clueId: string) {
  return db.selectFrom('clue_entities').selectAll().where('clue_id', '=', clueId).orderBy('id').execute();
}

export type HopWithNames = ClueHopRow & { from_name: string | null; to_name: string | null };

export function findHops(db: Db, clueId: string): Promise<HopWithNames[]> {
  return db
    .selectFrom('clue_hops')
    .leftJoin('units as f', 'f.code', 'clue_hops.from_unit_code')
    .leftJoin('units as t', 't.code', 'clue_hops.to_unit_code')
    .selectAll('clue_hops')
    .select(['f.name as from_name', 't.name as to_name'])
    .where('clue_hops.clue_id', '=', clueId)
    .orderBy('clue_hops.id')
    .execute() as Promise<HopWithNames[]>;
}

/** The unit that last sent the clue to its holder (dispatch or transfer). */
export async function findLastSender(db: Db, clueId: string, holder: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('clue_hops')
    .select('from_unit_code')
    .where('clue_id', '=', clueId)
    .where('kind', 'in', ['dispatched', 'transferred'])
    .where('to_unit_code', '=', holder)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.from_unit_code ?? undefined;
}

// ---- overdue job ----

/** Open clues due within `soon` of now, not yet reminded: marks them reminded and returns them. */
export function takeDueSoon(db: Db, now: Date, soonUntil: Date, limit: number) {
  return db
    .updateTable('clues')
    .set({ reminded_at: now, updated_at: now })
    .where(
      'id',
      'in',
      db
        .selectFrom('clues')
        .select('id')
        .where('status', '<>', 'done')
        .where('reminded_at', 'is', null)
        .where('deadline_at', '>', now)
        .where('deadline_at', '<=', soonUntil)
        .orderBy('deadline_at')
        .limit(limit),
    )
    .where('reminded_at', 'is', null)
    .returningAll()
    .execute();
}

/** Open clues past their deadline and not escalated yet: escalates each to its holder's parent and returns them. */
export async function takeOverdue(db: Db, now: Date, limit: number) {
  const result = await sql<ClueRow>`
    UPDATE clues SET escalated_at = ${now}, updated_at = ${now}, reminded_at = coalesce(reminded_at, ${now}),
      escalated_to = coalesce((SELECT parent_code FROM units WHERE units.code = clues.unit_code), clues.unit_code)
    WHERE id IN (
      SELECT id FROM clues WHERE status <> 'done' AND escalated_at IS NULL AND deadline_at <= ${now}
      ORDER BY deadline_at LIMIT ${limit})
      AND escalated_at IS NULL
    RETURNING *`.execute(db);
  return result.rows;
}

// ---- figures ----

export interface FigureFilter {
  /** Clues dispatched in [from, to). */
  from?: Date;
  to?: Date;
  operationId?: string;
  now: Date;
}

export interface CountRow {
  key: string;
  received: string;
  signed: string;
  done: string;
  overdue: string;
  verified: string;
  caught: string;
  not_found: string;
  caught_count: string | null;
  cards_seized: string | null;
  money_frozen: string | null;
}

const counts = (now: Date) => [
  sql<string>`count(*)`.as('received'),
  sql<string>`count(*) FILTER (WHERE clues.signed_at IS NOT NULL OR clues.status = 'done')`.as('signed'),
  sql<string>`count(*) FILTER (WHERE clues.status = 'done')`.as('done'),
  sql<string>`count(*) FILTER (WHERE clues.status <> 'done' AND clues.deadline_at < ${now})`.as('overdue'),
  sql<string>`count(*) FILTER (WHERE clues.result = 'verified')`.as('verified'),
  sql<string>`count(*) FILTER (WHERE clues.result = 'caught')`.as('caught'),
  sql<string>`count(*) FILTER (WHERE clues.result = 'not_found')`.as('not_found'),
  sql<string>`sum(clues.caught_count)`.as('caught_count'),
  sql<string>`sum(clues.cards_seized)`.as('cards_seized'),
  sql<string>`sum(clues.money_frozen)`.as('money_frozen'),
];

function filtered(db: Db, filter: FigureFilter) {
  let query = db.selectFrom('clues').innerJoin('units as holder', 'holder.code', 'clues.unit_code');
  if (filter.from) query = query.where('clues.dispatched_at', '>=', filter.from);
  if (filter.to) query = query.where('clues.dispatched_at', '<', filter.to);
  if (filter.operationId) query = query.where('clues.operation_id', '=', filter.operationId);
  return query;
}

/**
 * Counts of the clues held under `path`, grouped by the child of that unit they are held in ('' for
 * the unit itself). Child codes come from the holder's materialised path.
 */
export function countByChild(db: Db, path: string, filter: FigureFilter): Promise<CountRow[]> {
  const key = sql<string>`split_part(substr(holder.path, ${sql.lit(path.length + 1)}), '/', 1)`;
  return filtered(db, filter)
    .where('holder.path', 'like', `${path}%`)
    .select([key.as('key'), ...counts(filter.now)])
    .groupBy(key)
    .execute() as Promise<CountRow[]>;
}

/** Counts of the clues held under each of the paths (keyed by the path). */
export async function countUnder(db: Db, paths: string[], filter: FigureFilter): Promise<CountRow[]> {
  return Promise.all(
    paths.map(
      async (path) =>
        (await filtered(db, filter)
          .where('holder.path', 'like', `${path}%`)
          .select([sql.lit(path).as('key'), ...counts(filter.now)])
          .executeTakeFirstOrThrow()) as CountRow,
    ),
  );
}

/** 已抓获 feedback given in [from, to) by units under each path: persons caught, cards, money. */
export async function countCaughtUnder(db: Db, paths: string[], from: Date, to: Date) {
  return Promise.all(
    paths.map(async (path) => {
      const row = await db
        .selectFrom('clues')
        .innerJoin('units as holder', 'holder.code', 'clues.unit_code')
        .where('holder.path', 'like', `${path}%`)
        .where('clues.result', '=', 'caught')
        .where('clues.completed_at', '>=', from)
        .where('clues.completed_at', '<', to)
        .select([
          sql<string>`count(*)`.as('clues'),
          sql<string>`coalesce(sum(clues.caught_count), 0)`.as('caught_count'),
          sql<string>`coalesce(sum(clues.cards_seized), 0)`.as('cards_seized'),
          sql<string>`coalesce(sum(clues.money_frozen), 0)`.as('money_frozen'),
        ])
        .executeTakeFirstOrThrow();
      return {
        path,
        clues: Number(row.clues),
        caughtCount: Number(row.caught_count),
        cardsSeized: Number(row.cards_seized),
        moneyFrozen: Number(row.money_frozen),
      };
    }),
  );
}

export interface SourcedClueFilter {
  sourceKind: string;
  /** Held (now) under this path. */
  underPath: string;
  result?: 'verified' | 'caught' | 'not_found';
  /** Completed in [completedFrom, completedTo). */
  completedFrom?: Date;
  completedTo?: Date;
}

/** Clues another module made (source kind and id), with where they are held now and their outcome. */
export function findSourcedClues(db: Db, filter: SourcedClueFilter) {
  let query = db
    .selectFrom('clues')
    .innerJoin('units as holder', 'holder.code', 'clues.unit_code')
    .select([
      'clues.id',
      'clues.source_id',
      'clues.unit_code',
      'holder.path as unit_path',
      'clues.status',
      'clues.result',
      'clues.caught_count',
      'clues.deadline_at',
      'clues.completed_at',
    ])
    .where('clues.source_kind', '=', filter.sourceKind)
    .where('holder.path', 'like', `${escapeLike(filter.underPath)}%`);
  if (filter.result) query = query.where('clues.result', '=', filter.result);
  if (filter.completedFrom) query = query.where('clues.completed_at', '>=', filter.completedFrom);
  if (filter.completedTo) query = query.where('clues.completed_at', '<', filter.completedTo);
  return query.orderBy('clues.id').execute();
}

/** The latest hops of an operation's clues (for the 收网 board), newest first. */
export function findOperationHops(db: Db, operationId: string, limit: number) {
  return db
    .selectFrom('clue_hops')
    .innerJoin('clues', 'clues.id', 'clue_hops.clue_id')
    .leftJoin('units as f', 'f.code', 'clue_hops.from_unit_code')
    .leftJoin('units as t', 't.code', 'clue_hops.to_unit_code')
    .selectAll('clue_hops')
    .select(['f.name as from_name', 't.name as to_name', 'clues.title as clue_title'])
    .where('clues.operation_id', '=', operationId)
    .where('clue_hops.kind', 'in', ['signed', 'feedback', 'returned', 'transferred', 'escalated'])
    .orderBy('clue_hops.at', 'desc')
    .orderBy('clue_hops.id', 'desc')
    .limit(limit)
    .execute() as Promise<(HopWithNames & { clue_title: string })[]>;
}

// ---- notices ----

export async function findNotices(
  db: Db,
  unitCode: string,
  filter: { unread?: boolean; limit: number; offset: number },
) {
  let query = db
    .selectFrom('clue_notices')
    .innerJoin('clues', 'clues.id', 'clue_notices.clue_id')
    .where('clue_notices.unit_code', '=', unitCode);
  const unreadQuery = query.where('clue_notices.read_at', 'is', null);
  if (filter.unread) query = unreadQuery;
  const [rows, total, unread] = await Promise.all([
    query
      .selectAll('clue_notices')
      .select('clues.title as clue_title')
      .orderBy('clue_notices.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    unreadQuery.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), unread: Number(unread.n) };
}

export function markNoticeRead(db: Db, unitCode: string, id: string, by: string, now: Date) {
  return db
    .updateTable('clue_notices')
    .set({ read_at: now, read_by: by })
    .where('id', '=', id)
    .where('unit_code', '=', unitCode)
    .where('read_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}
