/**
 * Numbered raw-SQL migrations (`packages/platform/migrations/NNNN_what_it_does.sql`), applied in order,
 * each in its own transaction together with its row in `schema_migrations`. The same files run on
 * PGlite and PostgreSQL. An advisory lock keeps two servers starting together from racing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Store } from './database.js';

const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));
const MIGRATION_LOCK = 727_001;

export interface Migration {
  version: number;
  name: string;
  file: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 4)), name: file.slice(5, -4), file: `${dir}${file}` }));
}

async function ensureLedger(store: Store): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
    store.db,
  );
}

export async function appliedVersions(store: Store): Promise<Set<number>> {
  await ensureLedger(store);
  const rows = await store.db.selectFrom('schema_migrations').select('version').execute();
  return new Set(rows.map((row) => row.version));
}

/** Applies every pending migration; returns the ones it applied. */
export async function migrate(store: Store, dir = migrationsDir): Promise<Migration[]> {
  const done = await appliedVersions(store);
  const applied: Migration[] = [];
  for (const migration of listMigrations(dir).filter((m) => !done.has(m.version))) {
    const script = readFileSync(migration.file, 'utf8');
    const name = migration.name.replace(/'/g, "''");
    // The lock and the "already applied" test live inside the migration's own transaction, so a
    // concurrent starter waits and then skips what the first one applied.
    const guarded = `
      SELECT pg_advisory_xact_lock(${MIGRATION_LOCK});
      DO $guard$ BEGIN
        IF EXISTS (SELECT 1 FROM schema_migrations WHERE version = ${migration.version}) THEN
          RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'fanzha_migration_already_applied';
        END IF;
      END $guard$;
      ${script}
      ;INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, '${name}');`;
    try {
      await store.runScript(guarded);
      applied.push(migration);
    } catch (error) {
      if (error instanceof Error && error.message.includes('fanzha_migration_already_applied')) continue;
      throw new Error(
        `migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }
  return applied;
}

/** Migrations on disk that the store has not applied yet (readiness reports these). */
export async function pendingMigrations(store: Store, dir = migrationsDir): Promise<Migration[]> {
  const applied = await appliedVersions(store);
  return listMigrations(dir).filter((migration) => !applied.has(migration.version));
}
