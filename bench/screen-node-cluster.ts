/**
 * Helper of http.bench.ts (not a benchmark): N screening nodes on one port, one process each, as
 * `fanzha screen-node --workers N` runs them (Node cluster), following the bench's PostgreSQL schema.
 * Env: DATABASE_URL, FANZHA_BENCH_SCHEMA, FANZHA_BENCH_WORKERS. Prints "ready <port>" when every
 * worker listens; stops on SIGTERM.
 */
import cluster from 'node:cluster';
import { loadConfig } from '../packages/platform/src/config.js';
import { startScreeningNode } from '../packages/platform/src/screening-node.js';
import { openStore } from '../packages/platform/src/store/database.js';

const workers = Number(process.env.FANZHA_BENCH_WORKERS ?? 2);
const databaseUrl = process.env.DATABASE_URL;
const schema = process.env.FANZHA_BENCH_SCHEMA;
if (!databaseUrl || !schema) throw new Error('DATABASE_URL and FANZHA_BENCH_SCHEMA are needed');

if (cluster.isPrimary) {
  let ready = 0;
  let port = 0;
  for (let i = 0; i < workers; i++) {
    const worker = cluster.fork({ FANZHA_BENCH_PORT: String(port) });
    worker.on('message', (message: { port: number }) => {
      port = message.port;
      if (++ready === workers) console.log(`ready ${port}`);
    });
  }
  process.once('SIGTERM', () => {
    const alive = Object.values(cluster.workers ?? {});
    let left = alive.length;
    if (left === 0) process.exit(0);
    for (const worker of alive) {
      worker?.once('exit', () => --left === 0 && process.exit(0));
      worker?.kill('SIGTERM');
    }
  });
} else {
  const store = await openStore({ databaseUrl, dataDir: 'memory', schema });
  const config = loadConfig({}, { consoleDir: '/nonexistent', databaseUrl });
  // Port 0 in every worker: the cluster primary hands them all the same port.
  const node = await startScreeningNode(
    { ...config, port: 0, host: '127.0.0.1', logLevel: 'warn' },
    { store },
  );
  process.send?.({ port: Number(new URL(node.url).port) });
  process.once('SIGTERM', () => {
    void node.close().then(() => store.close().then(() => process.exit(0)));
  });
}
