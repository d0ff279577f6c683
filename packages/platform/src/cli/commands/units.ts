import type { Command } from 'commander';
import { listUnits, seedProvince } from '../../modules/org/index.js';
import { systemActor } from '../../modules/auth/index.js';
import { withStore } from '../store-session.js';

export function registerUnits(program: Command): void {
  const units = program.command('units').description('the org tree of units');
  units
    .command('list')
    .description('print the org tree (code, level, name), indented by depth')
    .option('--json', 'one JSON object per unit')
    .action(async (options: { json?: boolean }) => {
      await withStore(async (ctx) => {
        await seedProvince(ctx);
        const all = await listUnits(ctx, systemActor('cli'));
        const depth = { province: 0, city: 1, county: 2, station: 3 } as const;
        for (const unit of all) {
          console.log(
            options.json
              ? JSON.stringify(unit)
              : `${'  '.repeat(depth[unit.level])}${unit.code}  ${unit.name}`,
          );
        }
      });
    });
}
