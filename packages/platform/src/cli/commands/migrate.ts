import type { Command } from 'commander';
import { migrate, pendingMigrations } from '../../store/migrate.js';
import { withStore } from '../store-session.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (embedded PGlite in FANZHA_DATA_DIR, or DATABASE_URL)')
    .option('--status', 'list pending migrations without applying them')
    .action(async (options: { status?: boolean }) => {
      await withStore(
        async (_ctx, store) => {
          if (options.status) {
            const pending = await pendingMigrations(store);
            console.log(
              pending.length ? pending.map((m) => `pending ${m.version}_${m.name}`).join('\n') : 'up to date',
            );
            return;
          }
          const applied = await migrate(store);
          console.log(
            applied.length ? applied.map((m) => `applied ${m.version}_${m.name}`).join('\n') : 'up to date',
          );
        },
        { migrate: false },
      );
    });
}
