/** Queries on `users`, always limited to the actor's subtree. */
import type { Kysely } from 'kysely';
import type { Database, NewUser, Role, UserUpdate } from '../../store/schema.js';

const usersInSubtree = (db: Kysely<Database>, unitPath: string) =>
  db
    .selectFrom('users')
    .innerJoin('units', 'units.code', 'users.unit_code')
    .where('units.path', 'like', `${unitPath}%`);

const columns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.unit_code',
  'units.name as unit_name',
  'users.roles',
  'users.phone',
  'users.disabled',
  'users.created_at',
  'users.last_login_at',
] as const;

export interface UserQuery {
  unitPath: string;
  q?: string;
  unitCode?: string;
  role?: Role;
  sort: 'username' | '-username' | 'createdAt' | '-createdAt';
  limit: number;
  offset: number;
}

export async function findUsers(db: Kysely<Database>, query: UserQuery) {
  let base = usersInSubtree(db, query.unitPath);
  if (query.q) {
    const pattern = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
    base = base.where((eb) =>
      eb.or([eb('users.username', 'ilike', pattern), eb('users.display_name', 'ilike', pattern)]),
    );
  }
  if (query.unitCode) base = base.where('users.unit_code', '=', query.unitCode);
  if (query.role) base = base.where((eb) => eb(eb.val(query.role), '=', eb.fn.any('users.roles')));
  const column = query.sort.endsWith('username') ? 'users.username' : 'users.created_at';
  const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy(column, direction)
      .orderBy('users.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type UserListRow = Awaited<ReturnType<typeof findUsers>>['rows'][number];

export function findUserInSubtree(db: Kysely<Database>, unitPath: string, id: string) {
  return usersInSubtree(db, unitPath).select(columns).where('users.id', '=', id).executeTakeFirst();
}

export async function usernameExists(db: Kysely<Database>, username: string): Promise<boolean> {
  return (
    (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !==
    undefined
  );
}

export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<string> {
  const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(db: Kysely<Database>, id: string, changes: UserUpdate): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}
