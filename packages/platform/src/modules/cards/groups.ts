/**
 * Involved cards grouped down the org tree: for a unit, one row per child unit (and one for the unit
 * itself when cards sit at its own level) by where the cards were opened (开户地) or where their
 * holders are registered (户籍地), with the cards per kind, holders, cases and money. `unplaced` counts
 * the cards of the unit's cases that have no such place yet (no partner report, or another province).
 */
import { sql } from 'kysely';
import type { Context } from '../../context.js';
import type { Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { getUnit } from '../org/index.js';
import { CARD_KINDS, type CardKind } from './card-kinds.js';
import { escapeLike } from './store.js';
import type { GroupBy } from './targets-store.js';

export interface CardGroup {
  unit: { code: string; name: string; level: string };
  cards: number;
  byKind: Record<CardKind, number>;
  holders: number;
  cases: number;
  amount: number;
}

export interface CardGroups {
  unit: { code: string; name: string; level: string };
  by: GroupBy;
  groups: CardGroup[];
  unplaced: number;
}

interface GroupRow {
  child: string;
  kind?: CardKind;
  cards: string;
  holders: string;
  cases: string;
  amount: string;
}

export async function groupCards(
  ctx: Context,
  actor: Actor,
  query: { by: GroupBy; unit?: string },
): Promise<CardGroups> {
  authorize(actor, 'cards.read');
  const unit = await getUnit(ctx, actor, query.unit ?? defaultUnit(ctx, actor));
  const under = `${escapeLike(unit.path)}%`;
  const placed =
    query.by === 'opening'
      ? sql`FROM involved_cards c JOIN units u ON u.code = c.opening_unit_code`
      : sql`FROM involved_cards c JOIN card_persons p ON p.id = c.holder_id JOIN units u ON u.code = p.residence_unit_code`;
  const child = sql`split_part(substr(u.path, ${unit.path.length + 1}), '/', 1)`;
  const [totals, kinds, children, unplaced] = await Promise.all([
    sql<GroupRow>`
      SELECT ${child} AS child, count(DISTINCT c.id) AS cards, count(DISTINCT c.holder_id) AS holders,
             count(DISTINCT t.case_id) AS cases, coalesce(sum(t.amount), 0) AS amount
      ${placed} LEFT JOIN card_case_touches t ON t.card_id = c.id AND t.active
      WHERE u.path LIKE ${under} GROUP BY 1`.execute(ctx.db),
    sql<GroupRow>`
      SELECT ${child} AS child, c.kind, count(*) AS cards
      ${placed} WHERE u.path LIKE ${under} GROUP BY 1, 2`.execute(ctx.db),
    ctx.db
      .selectFrom('units')
      .select(['code', 'name', 'level'])
      .where((eb) => eb.or([eb('parent_code', '=', unit.code), eb('code', '=', unit.code)]))
      .execute(),
    countUnplaced(ctx, unit.path, query.by),
  ]);
  const names = new Map(children.map((row) => [row.code, row]));
  const groups = new Map<string, CardGroup>();
  for (const row of totals.rows) {
    const code = row.child || unit.code;
    const named = names.get(code) ?? { code, name: code, level: 'station' };
    groups.set(code, {
      unit: { code: named.code, name: named.name, level: named.level },
      cards: Number(row.cards),
      byKind: Object.fromEntries(CARD_KINDS.map((kind) => [kind, 0])) as Record<CardKind, number>,
      holders: Number(row.holders),
      cases: Number(row.cases),
      amount: Number(row.amount),
    });
  }
  for (const row of kinds.rows) {
    const group = groups.get(row.child || unit.code);
    if (group && row.kind) group.byKind[row.kind] = Number(row.cards);
  }
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    by: query.by,
    groups: [...groups.values()].sort((a, b) => b.cards - a.cards || a.unit.code.localeCompare(b.unit.code)),
    unplaced,
  };
}

/** The actor's own unit, or the provincial center for the platform itself. */
export function defaultUnit(ctx: Context, actor: Actor): string {
  return actor.type === 'system' ? `${ctx.config.provinceCode}0000` : actor.unitCode;
}

/** Cards touched by the unit's cases that have no opening unit (by opening) or no holder registered in the province (by residence). */
async function countUnplaced(ctx: Context, unitPath: string, by: GroupBy): Promise<number> {
  const noPlace =
    by === 'opening'
      ? sql`c.opening_unit_code IS NULL`
      : sql`NOT EXISTS (SELECT 1 FROM card_persons p WHERE p.id = c.holder_id AND p.residence_unit_code IS NOT NULL)`;
  const result = await sql<{ n: string }>`
    SELECT count(DISTINCT c.id) AS n FROM involved_cards c
    JOIN card_case_touches t ON t.card_id = c.id AND t.active
    JOIN units tu ON tu.code = t.case_unit_code
    WHERE tu.path LIKE ${`${escapeLike(unitPath)}%`} AND ${noPlace}`.execute(ctx.db);
  return Number(result.rows[0]?.n ?? 0);
}
