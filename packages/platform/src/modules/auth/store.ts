/** Queries behind sign-in: users by name, sessions, API keys. */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

const userWithUnit = (db: Kysely<Database>) =>
  db
    .selectFrom('users')
    .innerJoin('units', 'units.code', 'users.unit_code')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.roles',
      'users.password_hash',
      'users.disabled',
      'users.unit_code',
      'units.path as unit_path',
      'units.name as unit_name',
      'units.level as unit_level',
      'units.parent_code as unit_parent_code',
    ]);

export type UserWithUnit = NonNullable<Awaited<ReturnType<typeof findUserByUsername>>>;

export function findUserByUsername(db: Kysely<Database>, username: string) {
  return userWithUnit(db).where('users.username', '=', username).executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: string) {
  return userWithUnit(db).where('users.id', '=', id).executeTakeFirst();
}

export async function insertSession(
  db: Kysely<Database>,
  session: {
    tokenHash: string;
    userId: string;
    createdAt: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

/** The signed-in user behind a live session; disabled users and expired sessions give nothing. */
export function findSessionUser(db: Kysely<Database>, tokenHash: string, now: Date) {
  return userWithUnit(db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled', '=', false)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function markLoggedIn(db: Kysely<Database>, userId: string, at: Date): Promise<void> {
  await db.updateTable('users').set({ last_login_at: at }).where('id', '=', userId).execute();
}

export function findApiKeyByPrefix(db: Kysely<Database>, prefix: string) {
  return db
    .selectFrom('api_keys')
    .innerJoin('units', 'units.code', 'api_keys.unit_code')
    .select([
      'api_keys.id',
      'api_keys.name',
      'api_keys.key_hash',
      'api_keys.scopes',
      'api_keys.unit_code',
      'api_keys.expires_at',
      'api_keys.revoked_at',
      'units.path as unit_path',
    ])
    .where('api_keys.prefix', '=', prefix)
    .executeTakeFirst();
}

export async function insertApiKey(
  db: Kysely<Database>,
  key: {
    name: string;
    unitCode: string;
    prefix: string;
    keyHash: string;
    scopes: string[];
    createdBy: string | null;
    createdAt: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('api_keys')
    .values({
      name: key.name,
      unit_code: key.unitCode,
      prefix: key.prefix,
      key_hash: key.keyHash,
      scopes: key.scopes,
      created_by: key.createdBy,
      created_at: key.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
