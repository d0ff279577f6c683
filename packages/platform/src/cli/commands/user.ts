import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { roles, systemActor } from '../../modules/auth/index.js';
import { seedProvince } from '../../modules/org/index.js';
import { createUser } from '../../modules/users/index.js';
import type { Role } from '../../store/schema.js';
import { withStore } from '../store-session.js';

async function readPassword(): Promise<string> {
  if (process.env.FANZHA_PASSWORD) return process.env.FANZHA_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  try {
    process.stderr.write('password: ');
    return (await rl.question('')).trim();
  } finally {
    rl.close();
  }
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage user accounts');
  user
    .command('add')
    .description('create a user (the first admin of a new deployment, for example)')
    .requiredOption('--username <name>', 'login name (lower case)')
    .requiredOption('--unit <code>', 'GB/T 2260 code of the user’s unit, e.g. 320000')
    .requiredOption('--role <roles>', `comma-separated roles: ${roles.join(', ')}`)
    .option('--name <display>', 'display name (defaults to the username)')
    .option('--phone <phone>', 'mobile number')
    .addHelpText('after', '\nThe password is read from FANZHA_PASSWORD or from standard input.')
    .action(
      async (options: { username: string; unit: string; role: string; name?: string; phone?: string }) => {
        const wanted = options.role.split(',').map((r) => r.trim()) as Role[];
        const unknown = wanted.filter((r) => !roles.includes(r));
        if (unknown.length)
          throw new AppError(
            'invalid_argument',
            `unknown role ${unknown.join(', ')}; roles are ${roles.join(', ')}`,
          );
        const password = await readPassword();
        await withStore(async (ctx) => {
          await seedProvince(ctx);
          const created = await createUser(ctx, systemActor('cli'), {
            username: options.username,
            displayName: options.name ?? options.username,
            unitCode: options.unit,
            roles: wanted,
            password,
            phone: options.phone ?? null,
          });
          console.log(
            `created ${created.username} (${created.roles.join(', ')}) in ${created.unitName} ${created.unitCode}`,
          );
        });
      },
    );
}
