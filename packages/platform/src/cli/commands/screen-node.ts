import cluster from 'node:cluster';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { startScreeningNode } from '../../screening-node.js';

export function registerScreenNode(program: Command): void {
  program
    .command('screen-node')
    .description(
      'serve only the screening API from memory, following the intel store (scale out behind a load balancer)',
    )
    .option('-p, --port <port>', 'HTTP port (overrides PORT)')
    .option(
      '--max-staleness <seconds>',
      '/readyz answers 503 when the node has not caught up for this long',
      '60',
    )
    .option(
      '--snapshot <dir>',
      'start from the newest screener snapshot in this folder and write one after every full load',
    )
    .option(
      '--workers <n>',
      'processes sharing the port, e.g. one per core (needs DATABASE_URL: an embedded store has one owner)',
      '1',
    )
    .action(async (options: { port?: string; maxStaleness: string; snapshot?: string; workers: string }) => {
      const config = loadConfig();
      if (options.port) config.port = Number(options.port);
      const workers = Math.max(1, Math.floor(Number(options.workers)) || 1);
      if (workers > 1 && cluster.isPrimary) {
        if (!config.databaseUrl) {
          throw new Error(
            '--workers needs DATABASE_URL: the embedded store can be opened by one process only',
          );
        }
        // A node is stateless (it follows the store), so N of them on one port is N nodes: the
        // primary only forks them and replaces any that dies.
        for (let i = 0; i < workers; i++) cluster.fork();
        cluster.on('exit', (_worker, code) => {
          if (code !== 0) cluster.fork();
        });
        const stop = () => {
          for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return;
      }
      const node = await startScreeningNode(config, {
        maxStalenessSeconds: Number(options.maxStaleness),
        snapshotDir: options.snapshot,
      });
      const stop = async () => {
        await node.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
