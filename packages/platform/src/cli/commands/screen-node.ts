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
    .action(async (options: { port?: string; maxStaleness: string }) => {
      const config = loadConfig();
      if (options.port) config.port = Number(options.port);
      const node = await startScreeningNode(config, { maxStalenessSeconds: Number(options.maxStaleness) });
      const stop = async () => {
        await node.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
