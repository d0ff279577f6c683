/**
 * Test factories: a platform on a real store, isolated per test file. Without DATABASE_URL the store is
 * an in-memory PGlite; with it, a fresh PostgreSQL schema per platform (dropped at close), so
 * concurrent runs and leftovers never collide.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { loadConfig, type Config } from '../config.js';
import { systemClock, type Clock, type Context } from '../context.js';
import { seedDemo } from '../demo/seed.js';
import { DEMO_PASSWORD } from '../demo/accounts.js';
import { buildApp } from '../http/app.js';
import type { App } from '../http/types.js';
import { openStore, type Store } from '../store/database.js';
import { migrate } from '../store/migrate.js';
import { STORE_TEMPLATE_ENV } from './store-template.js';

export { DEMO_PASSWORD };

export interface TestStore {
  store: Store;
  ctx: Context;
  close(): Promise<void>;
}

export async function createTestStore(
  options: { clock?: Clock; config?: Partial<Config> } = {},
): Promise<TestStore> {
  const databaseUrl = process.env.DATABASE_URL || null;
  const schema = databaseUrl ? `test_${process.pid}_${randomBytes(4).toString('hex')}` : undefined;
  const store = await openStore({ databaseUrl, dataDir: 'memory', schema, template: storeTemplate() });
  // Applies what the template lacks (none, unless migrations were added since the run began).
  await migrate(store);
  const config = loadConfig({}, { consoleDir: '/nonexistent', databaseUrl, ...options.config });
  const ctx: Context = { db: store.db, clock: options.clock ?? systemClock, config };
  return {
    store,
    ctx,
    async close() {
      await store.close();
      if (databaseUrl && schema) {
        const admin = new pg.Client({ connectionString: databaseUrl });
        await admin.connect();
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      }
    },
  };
}

/** The migrated PGlite data directory of this test run, when the global set-up made one. */
function storeTemplate(): Blob | undefined {
  const file = process.env[STORE_TEMPLATE_ENV];
  if (process.env.DATABASE_URL || !file || !existsSync(file)) return undefined;
  return new Blob([readFileSync(file)]);
}

export interface TestPlatform extends TestStore {
  app: App;
  /** Signs in a demo account and returns its session cookie header. */
  login(username: string, password?: string): Promise<string>;
}

/** A platform with the demo org tree and the demo accounts (`province-admin`, `xuanwu-officer`, …). */
export async function createTestPlatform(
  options: { clock?: Clock; config?: Partial<Config> } = {},
): Promise<TestPlatform> {
  const base = await createTestStore(options);
  // Demo accounts only: each test builds the lists it needs.
  await seedDemo(base.ctx, { intel: false });
  const app = await buildApp({ ctx: base.ctx, store: base.store });
  await app.ready();
  const cookies = new Map<string, string>();
  return {
    ...base,
    app,
    async login(username, password = DEMO_PASSWORD) {
      const cached = cookies.get(username);
      if (cached && password === DEMO_PASSWORD) return cached;
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'fanzha_session');
      if (!cookie) throw new Error('no session cookie');
      const header = `fanzha_session=${cookie.value}`;
      cookies.set(username, header);
      return header;
    },
    async close() {
      await app.close();
      await base.close();
    },
  };
}
