import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { API_KEY_SCOPES, createApiKey, systemActor } from '../../modules/auth/index.js';
import { seedProvince } from '../../modules/org/index.js';
import { withStore } from '../store-session.js';

export function registerApiKey(program: Command): void {
  const apikey = program.command('apikey').description('partner API keys (carriers, banks, DNS operators)');
  apikey
    .command('add')
    .description('create an API key; the key is printed alone on the last line, once')
    .requiredOption('--name <name>', 'who uses it, e.g. "中国移动江苏公司"')
    .requiredOption('--scope <scopes>', `comma-separated scopes: ${API_KEY_SCOPES.join(', ')}`)
    .option('--unit <code>', 'owning unit (default: the provincial center)')
    .action(async (options: { name: string; scope: string; unit?: string }) => {
      const scopes = options.scope.split(',').map((s) => s.trim());
      const unknown = scopes.filter((s) => !(API_KEY_SCOPES as readonly string[]).includes(s));
      if (unknown.length)
        throw new AppError(
          'invalid_argument',
          `unknown scope ${unknown.join(', ')}; scopes are ${API_KEY_SCOPES.join(', ')}`,
        );
      await withStore(async (ctx) => {
        await seedProvince(ctx);
        const unitCode = options.unit ?? `${ctx.config.provinceCode}0000`;
        const created = await createApiKey(ctx, systemActor('cli'), { name: options.name, unitCode, scopes });
        console.log(
          `created API key ${created.prefix} for ${options.name} (${scopes.join(', ')}); store it now, it is not shown again:`,
        );
        console.log(created.key);
      });
    });
}
