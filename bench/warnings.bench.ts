/**
 * warnings.e2e: event in → warning visible, end to end, at 5,000 events/s (issue 4: p99 ≤ 2 s).
 *
 * A partner process (warnings-load.ts) POSTs batches of events to /api/v1/events every 20 ms for 15 s —
 * ordinary calls and visits, with a red scenario (listed fake-police call, then a listed domain visit)
 * among every 100 events — and watches /api/v1/warnings/stream as a provincial officer. The figure is
 * the p99 from sending the POST that carries a scenario's completing event to the `warning` event on
 * the stream: validation, the event queue, storing, enrichment, correlation, the warning's transaction
 * and its publication on the bus. The baseline is the same load on a platform whose event handler does
 * nothing: the p99 of the POST alone (the event accepted, then stored by the pipeline).
 * One server process with the store in-process (PGlite), or a PostgreSQL schema with DATABASE_URL.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { seedDemo } from '../packages/platform/src/demo/seed.js';
import { DEMO_PASSWORD } from '../packages/platform/src/demo/accounts.js';
import { buildApp } from '../packages/platform/src/http/app.js';
import { createApiKey, systemActor } from '../packages/platform/src/modules/auth/index.js';
import { addEntries, createList } from '../packages/platform/src/modules/intel/index.js';
import { createTestStore } from '../packages/platform/src/test-support/index.js';
import { cost, registerBenchmark, type BenchContext } from './registry.js';

/** The rate; `FANZHA_BENCH_EVENTS_PER_SECOND` tries another (to see where a machine keeps up). */
const RATE = Number(process.env.FANZHA_BENCH_EVENTS_PER_SECOND ?? 5_000);
const SECONDS = 15;
const LISTED = 1_000;

interface LoadResult {
  events: number;
  eventsPerSecond: number;
  rejected: number;
  failed: number;
  postP50: number | null;
  postP99: number | null;
  scenarios: number;
  warnings: number;
  missing: number | null;
  warningP50: number | null;
  warningP99: number | null;
}

async function startPlatform(withHandler: boolean) {
  const base = await createTestStore();
  await seedDemo(base.ctx, { intel: false });
  const app = await buildApp({ ctx: base.ctx, store: base.store, warnings: { escalationIntervalMs: 0 } });
  if (!withHandler) app.eventPipeline.setHandler(async () => undefined);
  const actor = systemActor('bench');
  await createList(base.ctx, actor, {
    name: 'fake-police-numbers',
    title: '冒充公检法号码',
    kind: 'number',
    defaultAction: 'block',
    fraudType: 'fake_police',
  });
  await createList(base.ctx, actor, {
    name: 'fraud-domains',
    title: '涉诈域名',
    kind: 'domain',
    defaultAction: 'block',
  });
  const numbers = Array.from({ length: LISTED }, (_, i) => `+86171${String(10_000_000 + i)}`);
  const domains = Array.from({ length: LISTED }, (_, i) => `safe-account-${i}.top`);
  await addEntries(
    base.ctx,
    actor,
    'fake-police-numbers',
    numbers.map((value) => ({ value })),
  );
  await addEntries(
    base.ctx,
    actor,
    'fraud-domains',
    domains.map((value) => ({ value })),
  );
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  await app.screening.service.follower.sync();
  await app.warnings.refresh();
  const { key } = await createApiKey(base.ctx, actor, {
    name: 'bench partner',
    unitCode: '320000',
    scopes: ['events'],
  });
  await app.screening.apiKeys.refresh(Date.now());
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'province-officer', password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'fanzha_session')!;
  return {
    app,
    url,
    key,
    cookie: `fanzha_session=${cookie.value}`,
    numbers: numbers.slice(0, 50),
    domains: domains.slice(0, 50),
    async close() {
      await app.close();
      await base.close();
    },
  };
}

async function load(
  platform: Awaited<ReturnType<typeof startPlatform>>,
  watch: boolean,
): Promise<LoadResult> {
  const helper = fileURLToPath(new URL('./warnings-load.ts', import.meta.url));
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', helper], {
    env: {
      ...process.env,
      BENCH_URL: platform.url,
      BENCH_KEY: platform.key,
      BENCH_COOKIE: platform.cookie,
      BENCH_RATE: String(RATE),
      BENCH_SECONDS: String(SECONDS),
      BENCH_WATCH: watch ? '1' : '0',
      BENCH_NUMBERS: platform.numbers.join(','),
      BENCH_DOMAINS: platform.domains.join(','),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`warnings-load exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult;
}

async function run(context: BenchContext): Promise<void> {
  context.log(`warnings.e2e: baseline, ${RATE} events/s for ${SECONDS} s with a handler that does nothing…`);
  const bare = await startPlatform(false);
  const baseline = await load(bare, false);
  await bare.app.eventPipeline.whenIdle();
  await bare.close();
  context.log(`warnings.e2e: baseline ${JSON.stringify(baseline)}`);

  context.log(`warnings.e2e: ${RATE} events/s for ${SECONDS} s, watching the live queue…`);
  const platform = await startPlatform(true);
  const result = await load(platform, true);
  await platform.app.eventPipeline.whenIdle();
  await platform.close();
  context.log(`warnings.e2e: ${JSON.stringify(result)}`);
  if (result.warningP99 === null) throw new Error('warnings.e2e: no warning reached the stream');
  context.report(
    cost(
      'warnings.e2e',
      result.warningP99,
      `ms p99 event in → warning on the stream (${RATE} events/s asked, ${Math.round(result.eventsPerSecond)} achieved, ` +
        `${result.warnings}/${result.scenarios} warnings seen, p50 ${Math.round(result.warningP50 ?? 0)} ms, ` +
        `POST p99 ${Math.round(result.postP99 ?? 0)} ms; target ≤ 2000 ms)`,
      'POST p99, same load, handler doing nothing',
      baseline.postP99 ?? Number.NaN,
    ),
  );
}

registerBenchmark({
  names: ['warnings.e2e'],
  description: 'event in → warning visible in the live queue, p99 at 5,000 events/s',
  run,
});
