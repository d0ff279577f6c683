/**
 * http.*: the screening API over HTTP, loaded from a second process (autocannon) on loopback.
 * - http.single: requests/s of POST /api/v1/screen beside a bare Fastify route answering a constant,
 *   both at full load, two alternating rounds each (the better counts); then the p99 latency of the
 *   screening route at half the bare route's rate.
 * - http.batch: decisions/s through POST /api/v1/screen/batch with 1,000-item batches, 1% of them
 *   listed (10 block verdicts with reasons and 10 hits a batch; most traffic is a pass), beside a bare
 *   route that parses the same body and answers 1,000 constant verdicts. http.batch.listed: the same
 *   with 1 item in 7 listed (143 hits a batch).
 *   Hits are recorded as in production — queued on the answer path, written in batches by a timer —
 *   but into the bench's in-process PGlite, i.e. on the node's own thread (~30 µs a hit); with
 *   PostgreSQL the insert runs in the database's process. The units say how many hits were written
 *   and dropped (the queue is bounded).
 *   One node process. With DATABASE_URL set the bench's store is a PostgreSQL schema instead, and
 *   http.batch.workers2 also loads two node processes on one port (`--workers 2`, Node cluster) with
 *   the 1% batches; without it, that measurement is skipped.
 * - node.ready: a screening node's time from start to ready with 10 million numbers and 2 million
 *   domains, started from a snapshot file (the entries are generated with the ScreenerBuilder fast
 *   path and written as a snapshot, not read from the store), beside what the store path's
 *   `Screener.build` alone would take for as many entries (200,000 built, scaled linearly);
 *   node.readyFromStore: the same node loading a few thousand entries from the store, beside a bare
 *   Fastify server's start.
 * The intel store is an in-memory PGlite holding a few thousand entries, so the http figures measure
 * the HTTP path and the screener, not the database.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Screener, ScreenerBuilder } from '@fanzha/engine';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { rate, cost, registerBenchmark, type BenchContext } from './registry.js';
import { createTestPlatform } from '../packages/platform/src/test-support/index.js';
import { createApiKey, systemActor } from '../packages/platform/src/modules/auth/index.js';
import { addEntries, createList, latestChangeSeq } from '../packages/platform/src/modules/intel/index.js';
import { writeSnapshotFile } from '../packages/platform/src/modules/screening/snapshot-file.js';
import { startScreeningNode } from '../packages/platform/src/screening-node.js';

const AUTOCANNON = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));
const DURATION_S = 8;
const LATENCY_S = 10;

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
}

/** Full load: 32 connections, 4 requests pipelined on each. */
const FULL_LOAD = ['-c', '32', '-p', '4'];

interface Loaded extends CannonResult {
  /** CPU milliseconds this process (the node or the bare route; autocannon is another) spent. */
  serverCpuMs: number;
  /** The event loop's delay p99 (ms) meanwhile: how late this process got the CPU back. */
  loopDelayP99: number;
}

/**
 * autocannon in a second process against `url`; `options` are autocannon's (default: full load for
 * DURATION_S). Measures this process's CPU time and event-loop delay while it runs.
 */
function cannon(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: string[] = [...FULL_LOAD, '-d', String(DURATION_S)],
): Promise<Loaded> {
  const args = [AUTOCANNON, '-j', ...options, '-m', 'POST', '-b', body];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  args.push(url);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const cpuBefore = process.cpuUsage();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      const cpu = process.cpuUsage(cpuBefore);
      delay.disable();
      if (error) return reject(error);
      resolve({
        ...(JSON.parse(stdout) as CannonResult),
        serverCpuMs: (cpu.user + cpu.system) / 1000,
        loopDelayP99: delay.percentile(99) / 1e6,
      });
    });
  });
}

const verdict = { action: 'pass', risk: 0, reasons: [], normalized: '+8613800000000', invalidReason: null };

async function bareServer(batch: boolean) {
  const app = Fastify({ bodyLimit: 64 * 1024 * 1024 });
  const constant = Array.from({ length: 1000 }, () => verdict);
  app.post('/bare', async (request) =>
    batch ? constant.slice(0, (request.body as unknown[]).length) : verdict,
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}/bare` };
}

const NODE_NUMBERS = 10_000_000;
const NODE_DOMAINS = 2_000_000;

/** A snapshot file of 10 M numbers and 2 M domains, built with the ScreenerBuilder fast path. */
async function bigSnapshot(
  dir: string,
  seq: string,
): Promise<{ buildMs: number; writeMs: number; bytes: number }> {
  const started = performance.now();
  const builder = new ScreenerBuilder();
  const provenance = {
    list: 'bench-bulk',
    action: 'block' as const,
    confidence: 90,
    source: { kind: 'partner' as const, id: 'bench-feed' },
    addedAt: Date.UTC(2026, 0, 1),
    expiresAt: null,
  };
  const values = new Float64Array(NODE_NUMBERS);
  let seed = 12345;
  for (let i = 0; i < NODE_NUMBERS; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    values[i] = 8613000000000 + ((seed * 163) % 699999999) * 10 + (i % 10);
  }
  builder.numbers.addE164Values(values, builder.records.intern(provenance, 'number:exact'));
  const domainRecord = builder.records.intern({ ...provenance, list: 'bench-domains' }, 'domain');
  const tlds = ['com', 'cn', 'top', 'xyz', 'com.cn', 'net'];
  for (let i = 0; i < NODE_DOMAINS; i++)
    builder.domains.addNormalized(`s${(i * 2654435761).toString(36)}.${tlds[i % tlds.length]}`, domainRecord);
  const screener = builder.build();
  const built = performance.now();
  const path = await writeSnapshotFile(dir, screener, seq);
  return { buildMs: built - started, writeMs: performance.now() - built, bytes: (await stat(path)).size };
}

/**
 * The store path's engine half, for scale: `Screener.build` of 200,000 entries (what the follower
 * does after reading rows from the store), scaled linearly to 12 million. Reading the rows is extra.
 */
function screenerBuildScaledMs(): number {
  const count = 200_000;
  const entries = Array.from({ length: count }, (_, i) => ({
    kind: 'number' as const,
    value: `+86139${String(i * 37).padStart(8, '0')}`,
    list: 'bench-bulk',
    action: 'block' as const,
    confidence: 90,
    source: { kind: 'partner' as const, id: 'bench-feed' },
    addedAt: Date.UTC(2026, 0, 1),
    expiresAt: null,
  }));
  const started = performance.now();
  Screener.build(entries);
  return ((performance.now() - started) * (NODE_NUMBERS + NODE_DOMAINS)) / count;
}

async function run(context: BenchContext): Promise<void> {
  const platform = await createTestPlatform();
  const actor = systemActor('bench');
  await createList(platform.ctx, actor, {
    name: 'bench-numbers',
    title: 'bench',
    kind: 'number',
    defaultAction: 'block',
    unitCode: '320000',
  });
  await addEntries(
    platform.ctx,
    actor,
    'bench-numbers',
    Array.from({ length: 5_000 }, (_, i) => ({ value: `1380${String(i * 7).padStart(7, '0')}` })),
  );
  const key = (
    await createApiKey(platform.ctx, actor, { name: 'bench', unitCode: '320000', scopes: ['screen'] })
  ).key;
  const readyStart = performance.now();
  const node = await startScreeningNode(
    { ...platform.ctx.config, port: 0, host: '127.0.0.1', logLevel: 'warn' },
    { store: platform.store },
  );
  const readyMs = performance.now() - readyStart;
  const bareStart = performance.now();
  const bareForStart = await bareServer(false);
  const bareReadyMs = performance.now() - bareStart;
  await bareForStart.app.close();
  if (context.wants('node.readyFromStore'))
    context.report(
      cost(
        'node.readyFromStore',
        readyMs,
        'ms (5,000 entries from the store)',
        'bare Fastify start',
        bareReadyMs,
      ),
    );
  if (context.wants('node.ready')) {
    const dir = await mkdtemp(join(tmpdir(), 'fanzha-bench-snapshot-'));
    try {
      context.log('node.ready: building a snapshot of 10 M numbers and 2 M domains…');
      const scaledMs = screenerBuildScaledMs();
      const made = await bigSnapshot(dir, await latestChangeSeq(platform.ctx.db));
      context.log(
        `node.ready: snapshot built in ${Math.round(made.buildMs)} ms (${Math.round(made.bytes / 1e6)} MB), written in ${Math.round(made.writeMs)} ms; bare Fastify start ${bareReadyMs.toFixed(1)} ms`,
      );
      const started = performance.now();
      const big = await startScreeningNode(
        { ...platform.ctx.config, port: 0, host: '127.0.0.1', logLevel: 'warn' },
        { store: platform.store, snapshotDir: dir },
      );
      const bigReadyMs = performance.now() - started;
      const status = big.follower.status();
      await big.close();
      if (status.source !== 'snapshot' || status.entries !== NODE_NUMBERS + NODE_DOMAINS)
        throw new Error(`node.ready: the node did not start from the snapshot (${JSON.stringify(status)})`);
      context.report(
        cost(
          'node.ready',
          bigReadyMs,
          'ms (10 M numbers + 2 M domains, from a snapshot file)',
          'Screener.build of 200,000 entries scaled to 12 M (store rows not counted)',
          scaledMs,
        ),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  const headers = { 'content-type': 'application/json', 'x-api-key': key };
  const item = JSON.stringify({ kind: 'number', value: '13800000008' }); // not listed: a pass, as most traffic is
  if (context.wants('http.single')) {
    const bare = await bareServer(false);
    // Two rounds, the bare route and the screening route alternating; each side's better round
    // counts (on a shared machine one 8-second window can lose a fifth of its rate to a neighbour).
    const bareThroughput: Loaded[] = [];
    const screenedThroughput: Loaded[] = [];
    for (let round = 0; round < 2; round++) {
      context.log(`http.single: loading the bare route (round ${round + 1} of 2)…`);
      bareThroughput.push(await cannon(bare.url, item, { 'content-type': 'application/json' }));
      context.log(`http.single: loading POST /api/v1/screen (round ${round + 1} of 2)…`);
      screenedThroughput.push(await cannon(`${node.url}/api/v1/screen`, item, headers));
    }
    const failed = screenedThroughput.reduce((n, run) => n + run.non2xx, 0);
    if (failed) throw new Error(`http.single: ${failed} non-2xx answers`);
    const fastest = (runs: Loaded[]) =>
      runs.reduce((a, b) => (b.requests.average > a.requests.average ? b : a));
    const perCpuSecond = (run: Loaded) => (run.requests.total / run.serverCpuMs) * 1000;
    const leanest = (runs: Loaded[]) => Math.max(...runs.map(perCpuSecond));
    const bareResult = fastest(bareThroughput);
    context.log(
      `http.single: screening ${screenedThroughput.map((r) => Math.round(r.requests.average)).join(', ')} requests/s, ` +
        `bare ${bareThroughput.map((r) => Math.round(r.requests.average)).join(', ')}`,
    );
    context.report(
      rate(
        'http.single',
        fastest(screenedThroughput).requests.average,
        'requests/s (better of 2 alternating rounds)',
        'bare Fastify route',
        bareResult.requests.average,
      ),
    );
    context.report(
      rate(
        'http.single.cpu',
        leanest(screenedThroughput),
        'requests per CPU s of the node (better of 2)',
        'bare Fastify route, per CPU s',
        leanest(bareThroughput),
      ),
    );
    // Latency at a fixed rate, half the bare route's, without pipelining (a pipelined request waits
    // for the ones before it) and over enough connections that the rate needs no queueing: each
    // connection sends one request every 16 / rate seconds. Longer than the throughput runs, so
    // that the p99 rests on thousands of requests. Bare route and screening route alternate twice.
    const half = Math.round(bareResult.requests.average / 2);
    const latencyOptions = ['-c', '16', '-p', '1', '-R', String(half), '-d', String(LATENCY_S)];
    const bareRuns: Loaded[] = [];
    const screenedRuns: Loaded[] = [];
    for (let round = 0; round < 2; round++) {
      bareRuns.push(await cannon(bare.url, item, { 'content-type': 'application/json' }, latencyOptions));
      screenedRuns.push(await cannon(`${node.url}/api/v1/screen`, item, headers, latencyOptions));
    }
    const best = (runs: Loaded[]) => runs.reduce((a, b) => (b.latency.p99 < a.latency.p99 ? b : a));
    const screenedHalf = best(screenedRuns);
    const bareHalf = best(bareRuns);
    context.log(
      `http.single.p99: screening p50/p99 ${screenedRuns.map((r) => `${r.latency.p50}/${r.latency.p99}`).join(', ')} ms, ` +
        `event-loop delay p99 ${screenedRuns.map((r) => r.loopDelayP99.toFixed(1)).join(', ')} ms; ` +
        `bare ${bareRuns.map((r) => `${r.latency.p50}/${r.latency.p99}`).join(', ')} ms`,
    );
    context.report(
      cost(
        'http.single.p99',
        screenedHalf.latency.p99,
        `ms p99 at ${half.toLocaleString('en-US')} requests/s (16 connections, no pipelining, ${LATENCY_S} s, better of 2; the node's event-loop delay p99 meanwhile ${screenedHalf.loopDelayP99.toFixed(1)} ms)`,
        'bare Fastify route p99, same rate',
        bareHalf.latency.p99,
      ),
    );
    await bare.app.close();
  }
  // Listed numbers are 1380 followed by a multiple of 7 below 35,000 (see above).
  const mixes = [
    { name: 'http.batch', listed: 'listed 1%', value: (i: number) => (i % 100 === 0 ? i * 7 : i * 7 + 1) },
    { name: 'http.batch.listed', listed: 'listed 1 in 7', value: (i: number) => i * 13 },
  ];
  let bareBatch: { rate: number; body: string } | null = null;
  for (const mix of mixes) {
    if (!context.wants(mix.name)) continue;
    const body = JSON.stringify(
      Array.from({ length: 1000 }, (_, i) => ({
        kind: 'number',
        value: `1380${String(mix.value(i)).padStart(7, '0')}`,
      })),
    );
    const bare = await bareServer(true);
    context.log(`${mix.name}: loading the bare route…`);
    const bareResult = await cannon(bare.url, body, { 'content-type': 'application/json' });
    if (mix.name === 'http.batch') bareBatch = { rate: bareResult.requests.average * 1000, body };
    context.log(`${mix.name}: loading POST /api/v1/screen/batch…`);
    await node.hits.flush();
    const written = node.hits.written;
    const dropped = node.hits.dropped;
    const screened = await cannon(`${node.url}/api/v1/screen/batch`, body, headers);
    await node.hits.flush();
    if (screened.non2xx) throw new Error(`${mix.name}: ${screened.non2xx} non-2xx answers`);
    context.report(
      rate(
        mix.name,
        screened.requests.average * 1000,
        `decisions/s (1,000-item batches, ${mix.listed}; hits written ${node.hits.written - written}, dropped ${node.hits.dropped - dropped})`,
        'bare route, same batches',
        bareResult.requests.average * 1000,
      ),
    );
    // What the node itself spends, whatever the machine's load: decisions per CPU second of this
    // process (the node, and its in-process store writing the hits), autocannon not counted.
    context.report(
      rate(
        `${mix.name}.cpu`,
        ((screened.requests.total * 1000) / screened.serverCpuMs) * 1000,
        'decisions per CPU s of the node (store writes included)',
        'bare route, per CPU s',
        ((bareResult.requests.total * 1000) / bareResult.serverCpuMs) * 1000,
      ),
    );
    await bare.app.close();
  }
  if (context.wants('http.batch.workers2') && process.env.DATABASE_URL && bareBatch) {
    // Two node processes on one port (as `fanzha screen-node --workers 2`), following this run's
    // PostgreSQL schema; the in-process node above is stopped first so that it does not compete.
    await node.close();
    const schema = (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(platform.ctx.db))
      .rows[0]!.schema;
    const helper = fileURLToPath(new URL('./screen-node-cluster.ts', import.meta.url));
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', helper], {
      env: { ...process.env, FANZHA_BENCH_SCHEMA: schema, FANZHA_BENCH_WORKERS: '2' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const ready = /ready (\d+)/.exec(out);
          if (ready) resolve(Number(ready[1]));
        });
        child.once('exit', (code) => reject(new Error(`screen-node cluster exited with ${code}`)));
      });
      context.log('http.batch.workers2: loading two node processes…');
      const screened = await cannon(`http://127.0.0.1:${port}/api/v1/screen/batch`, bareBatch.body, headers);
      if (screened.non2xx) throw new Error(`http.batch.workers2: ${screened.non2xx} non-2xx answers`);
      context.report(
        rate(
          'http.batch.workers2',
          screened.requests.average * 1000,
          'decisions/s (two node processes, PostgreSQL store; 1,000-item batches, listed 1%)',
          'bare route (one process), same batches',
          bareBatch.rate,
        ),
      );
    } finally {
      // Wait for the workers to leave before the schema is dropped under them.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
  } else {
    await node.close();
  }
  await platform.close();
}

registerBenchmark({
  names: [
    'http.single',
    'http.single.p99',
    'http.single.cpu',
    'http.batch',
    'http.batch.cpu',
    'http.batch.listed',
    'http.batch.listed.cpu',
    'http.batch.workers2',
    'node.ready',
    'node.readyFromStore',
  ],
  description: 'screening API over HTTP (autocannon from a second process) and screening-node start-up',
  run,
});
