/**
 * Key targets (重点对象) of a unit: the persons of its card trade ranked by `scorePerson`, each with the
 * reasons, where he would be sent (his residence, or where his cards were opened) and whether he has
 * been dispatched already. Personal data masked.
 */
import type { Context } from '../../context.js';
import type { UnitRow } from '../../store/schema.js';
import type { Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { getUnit } from '../org/index.js';
import { maskIdNumber, maskName } from '../personal-data/index.js';
import { defaultUnit } from './groups.js';
import { KEY_TARGET_MIN_SCORE, scorePerson, type Reason } from './scoring.js';
import { findPersonActivities, type GroupBy, type PersonActivityRow } from './targets-store.js';

export interface RankedTarget {
  row: PersonActivityRow;
  score: number;
  reasons: Reason[];
  /** The unit his clue would go to: his residence (or the unit of most of his cards) when it lies under the analysed unit, else the analysed unit itself. */
  unitCode: string;
}

export interface TargetQuery {
  by: GroupBy;
  unit?: string;
  minScore?: number;
  page: number;
  pageSize: number;
}

/** The unit's persons scoring at least `minScore`, best first (ties: more money, then ID order). */
export async function rankTargets(
  ctx: Context,
  actor: Actor,
  unit: UnitRow,
  by: GroupBy,
  minScore = KEY_TARGET_MIN_SCORE,
): Promise<RankedTarget[]> {
  const rows = await findPersonActivities(ctx.db, unit.path, by);
  return rows
    .map((row) => {
      const chain = typeof row.chain === 'string' ? JSON.parse(row.chain) : (row.chain ?? {});
      const { score, reasons } = scorePerson({
        cardsSold: Number(row.cards),
        openingOccasions: Number(row.occasions),
        casesTouched: Number(row.cases),
        moneyPassed: Number(row.amount),
        chainRoles: Object.fromEntries(Object.entries(chain).map(([role, n]) => [role, Number(n)])),
      });
      return { row, score, reasons, unitCode: targetUnitOf(row, unit, by) };
    })
    .filter((target) => target.score >= minScore)
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.row.amount) - Number(a.row.amount) ||
        a.row.id_number.localeCompare(b.row.id_number),
    );
}

function targetUnitOf(row: PersonActivityRow, unit: UnitRow, by: GroupBy): string {
  if (by === 'opening' && row.opening_unit_code) return row.opening_unit_code;
  if (row.residence_unit_code && row.residence_unit_path?.startsWith(unit.path))
    return row.residence_unit_code;
  return unit.code;
}

export async function listTargets(ctx: Context, actor: Actor, query: TargetQuery) {
  authorize(actor, 'cards.read');
  const unit = await getUnit(ctx, actor, query.unit ?? defaultUnit(ctx, actor));
  const ranked = await rankTargets(ctx, actor, unit, query.by, query.minScore);
  const start = (query.page - 1) * query.pageSize;
  const unitNames = await unitNamesOf(
    ctx,
    ranked.slice(start, start + query.pageSize).map((t) => t.unitCode),
  );
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    by: query.by,
    items: ranked.slice(start, start + query.pageSize).map((target, index) => ({
      rank: start + index + 1,
      ...toTargetView(target, unitNames),
    })),
    total: ranked.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function unitNamesOf(ctx: Context, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('units')
    .select(['code', 'name'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((row) => [row.code, row.name]));
}

function toTargetView(target: RankedTarget, unitNames: Map<string, string>) {
  const { row } = target;
  return {
    personId: row.id,
    name: maskName(row.name),
    idNumber: maskIdNumber(row.id_number),
    residence: {
      code: row.residence_code,
      unit: row.residence_unit_code
        ? { code: row.residence_unit_code, name: row.residence_unit_name ?? row.residence_unit_code }
        : null,
    },
    score: target.score,
    reasons: target.reasons,
    cardsSold: Number(row.cards),
    casesTouched: Number(row.cases),
    moneyPassed: Number(row.amount),
    targetUnit: { code: target.unitCode, name: unitNames.get(target.unitCode) ?? target.unitCode },
    dispatched: row.clue_id ? { clueId: row.clue_id, at: new Date(row.dispatched_at!).toISOString() } : null,
  };
}
