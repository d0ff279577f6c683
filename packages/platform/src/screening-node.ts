/**
 * A screening node: serves only the partners' screening API, from memory. It loads a snapshot of
 * every list at start and follows the change log; run as many as the traffic needs behind any load
 * balancer. When the store is unreachable it keeps answering from what it has and reports how stale
 * that is in /readyz and /metrics.
 */
import Fastify from 'fastify';
import { Gauge } from 'prom-client';
import pino from 'pino';
import type { Config } from './config.js';
import { systemClock, type Context } from './context.js';
import { registerAccessCheck } from './http/access.js';
import { loggerOptions } from './http/app.js';
import { createMetrics } from './http/observability.js';
import { errorHandler } from './http/problem.js';
import type { App } from './http/types.js';
import { validatorCompiler } from './http/validation.js';
import { ApiKeyCache } from './modules/auth/index.js';
import {
  createSmsTextScorer,
  HitRecorder,
  IntelFollower,
  ScreeningService,
  screeningRoutes,
} from './modules/screening/index.js';
import { openBus } from './bus/index.js';
import { openConfiguredStore } from './server.js';
import type { Store } from './store/database.js';

export interface ScreeningNodeOptions {
  /** Above this staleness (seconds) /readyz answers 503 so a load balancer prefers fresher nodes. */
  maxStalenessSeconds?: number;
  followIntervalMs?: number;
  /** An open store to follow (tests); by default the node opens the configured one and closes it at the end. */
  store?: Store;
  /**
   * Folder of screener snapshot files: the node starts from the newest one and follows the change log
   * from there, and writes a new one after every full load from the store (see snapshot-file.ts).
   */
  snapshotDir?: string;
}

export async function startScreeningNode(config: Config, options: ScreeningNodeOptions = {}) {
  const startedAt = Date.now();
  const log = pino(loggerOptions(config.logLevel) as pino.LoggerOptions);
  const store = options.store ?? (await openConfiguredStore(config));
  const ctx: Context = { db: store.db, clock: systemClock, config };
  const textScorer = createSmsTextScorer({ mark: config.smsMarkThreshold, block: config.smsBlockThreshold });
  const follower = new IntelFollower(store.db, { textScorer, snapshotDir: options.snapshotDir });
  await follower.load();
  follower.start(options.followIntervalMs ?? (config.natsUrl ? 2_000 : 250));
  const bus = config.natsUrl ? await openBus(config.natsUrl, 'fanzha-screen-node') : null;
  if (bus) await follower.followBus(bus);
  const apiKeys = new ApiKeyCache(store.db);
  await apiKeys.refresh(Date.now());
  const keyTimer = setInterval(() => void apiKeys.refresh(Date.now()).catch(() => undefined), 5_000);
  keyTimer.unref();
  const hits = new HitRecorder(store.db);
  hits.start();
  const service = new ScreeningService(follower, hits);
  const maxStaleness = options.maxStalenessSeconds ?? 60;

  const metrics = createMetrics();
  new Gauge({
    name: 'fanzha_screening_staleness_seconds',
    help: 'Seconds since the node last caught up with the intel store',
    registers: [metrics.registry],
    collect() {
      this.set(follower.staleness());
    },
  });
  new Gauge({
    name: 'fanzha_screening_entries_loaded',
    help: 'Entries in the snapshot the node loaded',
    registers: [metrics.registry],
    collect() {
      this.set(follower.status().entries);
    },
  });
  new Gauge({
    name: 'fanzha_screening_decisions',
    help: 'Decisions answered since start',
    registers: [metrics.registry],
    collect() {
      this.set(service.decisions);
    },
  });
  new Gauge({
    name: 'fanzha_screening_hits_dropped',
    help: 'Hits dropped because the store could not keep up',
    registers: [metrics.registry],
    collect() {
      this.set(hits.dropped);
    },
  });

  const app = Fastify({ logger: false, bodyLimit: config.bodyLimit }).withTypeProvider() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  registerAccessCheck(app, ctx, (key) => apiKeys.resolve(key, Date.now()));
  await app.register(screeningRoutes(service, { consoleTester: false }));
  app.get('/healthz', { config: { access: { public: true } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: { public: true } } }, async (_request, reply) => {
    const status = follower.status();
    const staleness = follower.staleness();
    const ready = status.ready && staleness <= maxStaleness;
    return reply.status(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'stale',
      entries: status.entries,
      appliedSeq: status.appliedSeq,
      stalenessSeconds: Math.round(staleness * 10) / 10,
      lastError: status.lastError,
      source: status.source,
    });
  });
  app.get('/metrics', { config: { access: { public: true } } }, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  const url = await app.listen({ port: config.port, host: config.host });
  log.info(
    {
      url,
      entries: follower.status().entries,
      source: follower.status().snapshotPath ?? follower.status().source,
      readyInMs: Date.now() - startedAt,
    },
    'screening node ready',
  );
  return {
    app,
    url,
    follower,
    service,
    hits,
    readyInMs: Date.now() - startedAt,
    async close() {
      clearInterval(keyTimer);
      await app.close();
      await follower.stop();
      await bus?.close();
      await hits.stop();
      if (!options.store) await store.close();
    },
  };
}
