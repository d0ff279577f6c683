/** The org tree: seeding a province and reading the caller's subtree. */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { UnitRow } from '../../store/schema.js';
import type { Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { provinceUnits } from './regions.js';
import { countUnits, findSubtree, findUnitInSubtree, insertUnits } from './store.js';

export interface Unit {
  code: string;
  name: string;
  level: UnitRow['level'];
  parentCode: string | null;
}

export const toUnit = (row: UnitRow): Unit => ({
  code: row.code,
  name: row.name,
  level: row.level,
  parentCode: row.parent_code,
});

/** Loads the deployment's province into an empty store; a store that has units is left alone. */
export async function seedProvince(ctx: Context): Promise<number> {
  if ((await countUnits(ctx.db)) > 0) return 0;
  return insertUnits(ctx.db, provinceUnits(ctx.config.provinceCode));
}

export async function listUnits(ctx: Context, actor: Actor): Promise<Unit[]> {
  authorize(actor, 'units.read');
  return (await findSubtree(ctx.db, actor)).map(toUnit);
}

/** A unit in the actor's subtree, or `unit_not_found`: units outside it do not exist for the actor. */
export async function getUnit(ctx: Context, actor: Actor, code: string): Promise<UnitRow> {
  const unit = await findUnitInSubtree(ctx.db, actor, code);
  if (!unit) throw new AppError('unit_not_found', `no unit ${code} in your part of the org tree`);
  return unit;
}
