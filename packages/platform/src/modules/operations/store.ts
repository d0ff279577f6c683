/**
 * Queries on operations and their units. An operation is visible on the actor's line: organised by a
 * unit above, at or below the actor's (a provincial 断卡 is everyone's; a county's own is the county's
 * and the units above it).
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { OperationRow } from '../../store/clues-schema.js';
import type { Database } from '../../store/schema.js';

export type Db = Kysely<Database> | Transaction<Database>;

export type OperationListRow = OperationRow & { unit_name: string; unit_count: string | number };

const onLine = (db: Db, unitPath: string) =>
  db
    .selectFrom('operations')
    .innerJoin('units', 'units.code', 'operations.unit_code')
    .where((eb) =>
      eb.or([eb('units.path', 'like', `${unitPath}%`), sql<boolean>`${unitPath} LIKE units.path || '%'`]),
    );

const unitCount =
  sql<string>`(SELECT count(*) FROM operation_units o WHERE o.operation_id = operations.id)`.as('unit_count');

export async function nextOperationSerial(db: Db): Promise<number> {
  const result = await sql<{ serial: string }>`SELECT nextval('operation_serial') AS serial`.execute(db);
  return Number(result.rows[0]!.serial);
}

export function findOperation(db: Db, unitPath: string, id: string) {
  return onLine(db, unitPath)
    .selectAll('operations')
    .select(['units.name as unit_name', unitCount])
    .where('operations.id', '=', id)
    .executeTakeFirst() as Promise<OperationListRow | undefined>;
}

export async function findOperations(
  db: Db,
  unitPath: string,
  search: { phase?: 'planned' | 'active' | 'ended'; q?: string; now: Date; limit: number; offset: number },
) {
  let query = onLine(db, unitPath);
  if (search.phase === 'planned') query = query.where('operations.window_from', '>', search.now);
  if (search.phase === 'active')
    query = query
      .where('operations.window_from', '<=', search.now)
      .where('operations.window_to', '>', search.now);
  if (search.phase === 'ended') query = query.where('operations.window_to', '<=', search.now);
  if (search.q) query = query.where('operations.name', 'like', `%${search.q.replace(/[%_\\]/g, '\\$&')}%`);
  const [rows, count] = await Promise.all([
    query
      .selectAll('operations')
      .select(['units.name as unit_name', unitCount])
      .orderBy('operations.window_from', 'desc')
      .orderBy('operations.id', 'desc')
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as OperationListRow[], total: Number(count.n) };
}

export function findParticipants(db: Db, operationId: string) {
  return db
    .selectFrom('operation_units')
    .innerJoin('units', 'units.code', 'operation_units.unit_code')
    .selectAll('operation_units')
    .select(['units.name as unit_name', 'units.path as unit_path'])
    .where('operation_units.operation_id', '=', operationId)
    .orderBy('units.path')
    .execute();
}

export async function replaceParticipants(
  db: Db,
  operationId: string,
  rows: { unit_code: string; target_suspects: number; target_cases: number }[],
) {
  await db.deleteFrom('operation_units').where('operation_id', '=', operationId).execute();
  await db
    .insertInto('operation_units')
    .values(rows.map((row) => ({ operation_id: operationId, ...row })))
    .execute();
}
