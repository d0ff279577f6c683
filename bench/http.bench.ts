/**
 * http.*: the screening API over HTTP, loaded from a second process (autocannon) on loopback.
 * - http.single: requests/s of POST /api/v1/screen beside a bare Fastify route answering a constant,
 *   both at full load; then the p99 latency of the screening route at half the bare route's rate.
 * - http.batch: decisions/s through POST /api/v1/screen/batch with 1,000-item batches, beside a bare
 *   route that parses the same body and answers 1,000 constant verdicts.
 * - node.ready: a screening node's time from start to ready, beside a bare Fastify server's start.
 * The intel store is an in-memory PGlite holding a few thousand entries, so the figures measure the
 * HTTP path and the screener, not the database.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { rate, cost, registerBenchmark, type BenchContext } from './registry.js';
import { createTestPlatform } from '../packages/platform/src/test-support/index.js';
import { createApiKey, systemActor } from '../packages/platform/src/modules/auth/index.js';
import { addEntries, createList } from '../packages/platform/src/modules/intel/index.js';
import { startScreeningNode } from '../packages/platform/src/screening-node.js';

const AUTOCANNON = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));
const DURATION_S = 8;

interface CannonResult {
  requests: { average: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
}

function cannon(
  url: string,
  body: string,
  headers: Record<string, string>,
  extra: string[] = [],
): Promise<CannonResult> {
  const args = [
    AUTOCANNON,
    '-j',
    '-d',
    String(DURATION_S),
    '-c',
    '32',
    '-p',
    '4',
    '-m',
    'POST',
    '-b',
    body,
    ...extra,
  ];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      resolve(JSON.parse(stdout) as CannonResult);
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
  if (context.wants('node.ready'))
    context.report(cost('node.ready', readyMs, 'ms (5,000 entries)', 'bare Fastify start', bareReadyMs));

  const headers = { 'content-type': 'application/json', 'x-api-key': key };
  const item = JSON.stringify({ kind: 'number', value: '13800000008' }); // not listed: a pass, as most traffic is
  if (context.wants('http.single')) {
    const bare = await bareServer(false);
    context.log('http.single: loading the bare route…');
    const bareResult = await cannon(bare.url, item, { 'content-type': 'application/json' });
    context.log('http.single: loading POST /api/v1/screen…');
    const screened = await cannon(`${node.url}/api/v1/screen`, item, headers);
    if (screened.non2xx) throw new Error(`http.single: ${screened.non2xx} non-2xx answers`);
    context.report(
      rate(
        'http.single',
        screened.requests.average,
        'requests/s',
        'bare Fastify route',
        bareResult.requests.average,
      ),
    );
    const half = String(Math.round(bareResult.requests.average / 2));
    const bareHalf = await cannon(bare.url, item, { 'content-type': 'application/json' }, ['-R', half]);
    const screenedHalf = await cannon(`${node.url}/api/v1/screen`, item, headers, ['-R', half]);
    context.report(
      cost(
        'http.single.p99',
        screenedHalf.latency.p99,
        `ms p99 at ${half} requests/s`,
        'bare Fastify route p99',
        bareHalf.latency.p99,
      ),
    );
    await bare.app.close();
  }
  if (context.wants('http.batch')) {
    const body = JSON.stringify(
      Array.from({ length: 1000 }, (_, i) => ({
        kind: 'number',
        value: `1380${String(i * 13).padStart(7, '0')}`,
      })),
    );
    const bare = await bareServer(true);
    context.log('http.batch: loading the bare route…');
    const bareResult = await cannon(bare.url, body, { 'content-type': 'application/json' });
    context.log('http.batch: loading POST /api/v1/screen/batch…');
    const screened = await cannon(`${node.url}/api/v1/screen/batch`, body, headers);
    if (screened.non2xx) throw new Error(`http.batch: ${screened.non2xx} non-2xx answers`);
    context.report(
      rate(
        'http.batch',
        screened.requests.average * 1000,
        'decisions/s',
        'bare route, same batches',
        bareResult.requests.average * 1000,
      ),
    );
    await bare.app.close();
  }
  await node.close();
  await platform.close();
}

registerBenchmark({
  names: ['http.single', 'http.single.p99', 'http.batch', 'node.ready'],
  description: 'screening API over HTTP (autocannon from a second process) and screening-node start-up',
  run,
});
