/** Queries on the `units` table. Reads are limited to the actor's subtree. */
import type { Kysely } from 'kysely';
import type { Database, UnitRow } from '../../store/schema.js';
import type { Actor } from '../auth/actor.js';
import type { UnitSeed } from './regions.js';

export async function insertUnits(db: Kysely<Database>, units: UnitSeed[]): Promise<number> {
  if (units.length === 0) return 0;
  const inserted = await db
    .insertInto('units')
    .values(
      units.map((u) => ({
        code: u.code,
        name: u.name,
        level: u.level,
        parent_code: u.parentCode,
        path: u.path,
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .execute();
  return inserted.length;
}

export function findSubtree(db: Kysely<Database>, actor: Actor): Promise<UnitRow[]> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('path', 'like', `${actor.unitPath}%`)
    .orderBy('path')
    .execute();
}

/** The unit if it lies in the actor's subtree; undefined otherwise (callers answer 404, never 403). */
export function findUnitInSubtree(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
): Promise<UnitRow | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('code', '=', code)
    .where('path', 'like', `${actor.unitPath}%`)
    .executeTakeFirst();
}

export async function countUnits(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
