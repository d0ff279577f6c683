import type { Command } from 'commander';
import { seedDemo } from '../../demo/seed.js';
import { seedProvince } from '../../modules/org/index.js';
import { withStore } from '../store-session.js';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('load the org tree of FANZHA_PROVINCE; with --demo also the demo accounts and data')
    .option('--demo', 'seed demo accounts (password fanzha-demo) and demo data')
    .action(async (options: { demo?: boolean }) => {
      await withStore(async (ctx) => {
        if (options.demo) {
          const seeded = await seedDemo(ctx);
          console.log(
            `seeded ${seeded.units} units, ${seeded.users} demo users and ${seeded.entries} intel entries`,
          );
        } else {
          console.log(`seeded ${await seedProvince(ctx)} units`);
        }
      });
    });
}
