/** Demo data: the org tree and the demo accounts. Idempotent: a second run adds nothing. */
import type { Context } from '../context.js';
import { systemActor } from '../modules/auth/index.js';
import { seedProvince } from '../modules/org/index.js';
import { createUser } from '../modules/users/index.js';
import { DEMO_PASSWORD, demoAccounts } from './accounts.js';
import { seedDemoCases } from './cases.js';
import { seedDemoIntel } from './intel.js';

export async function seedDemo(
  ctx: Context,
  options: { intel?: boolean } = {},
): Promise<{ units: number; users: number; entries: number }> {
  const units = await seedProvince(ctx);
  const seeder = systemActor('demo-seed');
  const existing = new Set(
    (await ctx.db.selectFrom('users').select('username').execute()).map((row) => row.username),
  );
  let users = 0;
  for (const account of demoAccounts(ctx.config.provinceCode)) {
    if (existing.has(account.username)) continue;
    await createUser(ctx, seeder, {
      ...account,
      password: DEMO_PASSWORD,
      phone: demoPhone(account.username),
    });
    users += 1;
  }
  const entries = options.intel === false ? 0 : await seedDemoIntel(ctx);
  // Cases after the intel: their footprints join the case lists the intel seeding creates.
  if (options.intel !== false) await seedDemoCases(ctx);
  return { units, users, entries };
}

/** A stable, obviously fictitious number per account (the 1380000xxxx test range). */
function demoPhone(username: string): string {
  let hash = 0;
  for (const char of username) hash = (hash * 31 + char.charCodeAt(0)) % 10_000;
  return `1380000${String(hash).padStart(4, '0')}`;
}
