/**
 * Starting the platform: open the store, migrate, seed the org tree (and demo data in demo mode),
 * build the HTTP app and listen. Also used by the CLI's `start` command.
 */
import pino from 'pino';
import type { Config } from './config.js';
import { systemClock, type Clock, type Context } from './context.js';
import { seedDemo } from './demo/seed.js';
import { openBus } from './bus/index.js';
import { buildApp, loggerOptions } from './http/app.js';
import type { App } from './http/types.js';
import { failInterruptedImports } from './modules/intel/index.js';
import { seedProvince } from './modules/org/index.js';
import { openStore, type Store } from './store/database.js';
import { migrate } from './store/migrate.js';

export interface RunningPlatform {
  app: App;
  store: Store;
  ctx: Context;
  url: string;
  close(): Promise<void>;
}

export async function openConfiguredStore(config: Config): Promise<Store> {
  return openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

export async function startPlatform(config: Config, clock: Clock = systemClock): Promise<RunningPlatform> {
  const log = pino(loggerOptions(config.logLevel) as pino.LoggerOptions);
  const store = await openConfiguredStore(config);
  const bus = await openBus(config.natsUrl, 'fanzha-platform');
  const ctx: Context = { db: store.db, clock, config, bus };
  const applied = await migrate(store);
  if (applied.length)
    log.info({ migrations: applied.map((m) => `${m.version}_${m.name}`) }, 'migrations applied');
  if (config.demo) {
    const seeded = await seedDemo(ctx);
    process.stderr.write(
      '\n  ⚠  DEMO MODE — demo accounts are active, all with the password "fanzha-demo" (see the README).\n' +
        '     Never run demo mode with real data.\n\n',
    );
    log.warn(
      { seeded },
      'DEMO MODE: demo accounts with the password "fanzha-demo" are active. Never run demo mode with real data.',
    );
  } else {
    const units = await seedProvince(ctx);
    if (units) log.info({ units }, 'org tree loaded');
  }
  await failInterruptedImports(ctx);
  const app = await buildApp({ ctx, store, logger: loggerOptions(config.logLevel) });
  const url = await app.listen({ port: config.port, host: config.host });
  log.info(
    { url, store: store.backend, bus: bus.kind, events: app.eventPipeline.stats().stream, demo: config.demo },
    'fanzha is serving the console and API',
  );
  return {
    app,
    store,
    ctx,
    url,
    async close() {
      await app.close();
      await bus.close();
      await store.close();
    },
  };
}
