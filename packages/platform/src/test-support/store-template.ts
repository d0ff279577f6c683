/**
 * Vitest global set-up: migrates one in-memory PGlite per test run and leaves its data directory as a
 * file, so each test file's store starts from it in a fraction of a second instead of running initdb
 * and every migration again (the slowest part of most integration test files).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/database.js';
import { migrate } from '../store/migrate.js';

export const STORE_TEMPLATE_ENV = 'FANZHA_TEST_STORE_TEMPLATE';

export default async function setup(): Promise<() => void> {
  if (process.env.DATABASE_URL) return () => undefined;
  const store = await openStore({ databaseUrl: null, dataDir: 'memory' });
  await migrate(store);
  const dump = await store.dump!();
  await store.close();
  const dir = mkdtempSync(join(tmpdir(), 'fanzha-store-template-'));
  const file = join(dir, 'pgdata.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env[STORE_TEMPLATE_ENV] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
