/** `/healthz` (the process is up), `/readyz` (the store answers and is migrated) and `/metrics`. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../store/database.js';
import { pendingMigrations } from '../store/migrate.js';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'fanzha_' });
  const httpDuration = new Histogram({
    name: 'fanzha_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const logins = new Counter({
    name: 'fanzha_logins_total',
    help: 'Login attempts by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, logins };
}

export type Metrics = ReturnType<typeof createMetrics>;

export function registerObservability(app: FastifyInstance, store: Store, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/healthz', { config: { access: { public: true } }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/readyz',
    { config: { access: { public: true } }, schema: { hide: true } },
    async (_request, reply) => {
      const checks: Record<string, string> = {};
      try {
        await sql`SELECT 1`.execute(store.db);
        checks.store = 'ok';
        const pending = await pendingMigrations(store);
        checks.migrations = pending.length === 0 ? 'ok' : `${pending.length} pending`;
      } catch (error) {
        checks.store = `unreachable: ${(error as Error).message}`;
      }
      const ready = Object.values(checks).every((value) => value === 'ok');
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
    },
  );

  app.get(
    '/metrics',
    { config: { access: { public: true } }, schema: { hide: true } },
    async (_request, reply) => {
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
}
