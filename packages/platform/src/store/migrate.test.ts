import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../test-support/index.js';
import { listMigrations, migrate, pendingMigrations } from './migrate.js';

let sut: TestStore;
beforeAll(async () => {
  sut = await createTestStore();
});
afterAll(() => sut.close());

describe('migrate', () => {
  it('has applied every numbered migration, once', async () => {
    expect(await pendingMigrations(sut.store)).toEqual([]);
    const rows = await sut.store.db
      .selectFrom('schema_migrations')
      .select(['version', 'name'])
      .orderBy('version')
      .execute();
    expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    expect(await migrate(sut.store)).toEqual([]);
  });

  it('creates every table the query layer knows', async () => {
    for (const table of ['units', 'users', 'sessions', 'audit_log', 'api_keys']) {
      const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(
        sut.store.db,
      );
      expect(result.rows[0]?.n, table).toBeGreaterThanOrEqual(0);
    }
  });

  it('rolls a failing migration back entirely and names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanzha-migrations-'));
    writeFileSync(join(dir, '9001_ok.sql'), 'CREATE TABLE mig_probe_ok (id int);');
    writeFileSync(
      join(dir, '9002_broken.sql'),
      'CREATE TABLE mig_probe_half (id int);\nSELECT no_such_function();',
    );
    await expect(migrate(sut.store, `${dir}/`)).rejects.toThrow(/migration 9002_broken failed/);
    const tables = await sql<{
      name: string;
    }>`SELECT tablename AS name FROM pg_tables WHERE tablename LIKE 'mig_probe%'`.execute(sut.store.db);
    expect(tables.rows.map((r) => r.name)).toEqual(['mig_probe_ok']);
  });
});
