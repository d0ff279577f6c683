/** Queries on `appeals`. Reads are limited to the actor's subtree by the appellant's unit, or to one appellant. */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { AppealRow, Database, NewAppeal } from '../../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type AppealListRow = AppealRow & { list_name: string };

/** Whose appeals a query may see: a subtree (by the appellant's unit) or one appellant (a partner key). */
export type AppealScope = { unitPath: string } | { appellantId: string };

const appealsIn = (db: Db, scope: AppealScope) => {
  const query = db
    .selectFrom('appeals')
    .innerJoin('intel_lists', 'intel_lists.id', 'appeals.list_id')
    .innerJoin('units', 'units.code', 'appeals.appellant_unit_code');
  return 'appellantId' in scope
    ? query.where('appeals.appellant_id', '=', scope.appellantId)
    : query.where('units.path', 'like', `${scope.unitPath}%`);
};

/** Inserts a pending appeal; undefined when the value already has a pending one (the partial unique index). */
export function insertAppeal(db: Db, appeal: NewAppeal): Promise<AppealRow | undefined> {
  return db
    .insertInto('appeals')
    .values(appeal)
    .onConflict((oc) =>
      oc.columns(['list_id', 'value', 'match']).where(sql.ref('status'), '=', sql.lit('pending')).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
}

export function findAppeal(db: Db, scope: AppealScope, id: string): Promise<AppealListRow | undefined> {
  return appealsIn(db, scope)
    .selectAll('appeals')
    .select('intel_lists.name as list_name')
    .where('appeals.id', '=', id)
    .executeTakeFirst();
}

export interface AppealSearch {
  status?: AppealRow['status'];
  limit: number;
  offset: number;
}

export async function findAppeals(db: Db, scope: AppealScope, search: AppealSearch) {
  let query = appealsIn(db, scope);
  if (search.status) query = query.where('appeals.status', '=', search.status);
  const [rows, count] = await Promise.all([
    query
      .selectAll('appeals')
      .select('intel_lists.name as list_name')
      .orderBy('appeals.created_at', 'desc')
      .orderBy('appeals.id', 'desc')
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * Records the decision if the appeal is still pending (the row lock makes a concurrent second decision
 * wait and then find nothing); undefined when it was already decided.
 */
export function markDecided(
  db: Db,
  id: string,
  decision: {
    status: 'approved' | 'rejected';
    decided_by: string;
    decision_reason: string;
    decided_at: Date;
  },
): Promise<AppealRow | undefined> {
  return db
    .updateTable('appeals')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}
