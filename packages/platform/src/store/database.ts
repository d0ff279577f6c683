/**
 * Opens the store: embedded PGlite (a folder, or memory for tests) or a PostgreSQL server. Both are
 * reached through the same Kysely instance, so every query and migration runs unchanged on either.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockedPGliteDialect, SessionLock } from './pglite-dialect.js';
import type { Database } from './schema.js';

export interface StoreOptions {
  /** postgres://… to use a server; null for embedded PGlite. */
  databaseUrl: string | null;
  /** PGlite data folder, or 'memory' for a throw-away database. Ignored with a server. */
  dataDir: string | 'memory';
  /** A PostgreSQL schema to live in (created if missing); isolates concurrent test runs on one server. */
  schema?: string;
  /** A PGlite data-directory dump to start a memory store from (tests: one migrated template per run). */
  template?: Blob;
}

export interface Store {
  db: Kysely<Database>;
  backend: 'pglite' | 'postgres';
  /** Runs a multi-statement SQL script in one transaction (migrations). */
  runScript(script: string): Promise<void>;
  /** PGlite only: the whole data directory as an uncompressed tarball. */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

// timestamptz and bigint come back as Date and string on both back ends; numeric counts as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.schema)
    : openPglite(options.dataDir, options.template);
}

async function openPglite(dataDir: string, template: Blob | undefined): Promise<Store> {
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const client =
    dataDir === 'memory' ? new PGlite(template ? { loadDataDir: template } : {}) : new PGlite(dataDir);
  await client.waitReady;
  const lock = new SessionLock();
  const db = new Kysely<Database>({ dialect: lockedPGliteDialect(client, lock) });
  return {
    db,
    backend: 'pglite',
    async runScript(script) {
      await lock.run(() =>
        client.transaction(async (tx) => {
          await tx.exec(script);
        }),
      );
    },
    async dump() {
      return lock.run(() => client.dumpDataDir('none'));
    },
    async close() {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, schema: string | undefined): Promise<Store> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`invalid schema name "${schema}"`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    backend: 'postgres',
    async runScript(script) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(script);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
