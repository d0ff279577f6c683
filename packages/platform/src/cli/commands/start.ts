import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { startPlatform } from '../../server.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('serve the console and API (PORT, FANZHA_DATA_DIR, DATABASE_URL: see the README)')
    .option('--demo', 'seed demo accounts and data on first start (never with real data)')
    .option('-p, --port <port>', 'HTTP port (overrides PORT)')
    .action(async (options: { demo?: boolean; port?: string }) => {
      const config = loadConfig(process.env, {
        ...(options.demo ? { demo: true } : {}),
      });
      if (options.port) config.port = Number(options.port);
      const platform = await startPlatform(config);
      const stop = async () => {
        await platform.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
