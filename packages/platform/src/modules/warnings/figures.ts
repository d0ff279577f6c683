/**
 * The figures of warn-and-dissuade for a period and a unit's subtree: warnings issued by level, and per
 * unit one level down (a province sees its cities, a city its counties) issued, handled, handled in time
 * (first contact by the deadline), dissuaded, loss avoided, paid and lost; and each rule's false-alarm
 * rate (false alarms among the closed warnings it fired on).
 */
import { sql } from 'kysely';
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import { authorize, type Actor } from '../auth/index.js';
import type { UnitDirectory } from './routing.js';

const DAY_MS = 86_400_000;

export interface FiguresQuery {
  from?: string;
  to?: string;
  unit?: string;
}

interface Counts {
  red: number;
  orange: number;
  yellow: number;
  total: number;
  handled: number;
  handledInTime: number;
  dissuaded: number;
  lossAvoided: number;
  paid: number;
  lost: number;
  falseAlarms: number;
}

export interface UnitFigures extends Counts {
  unitCode: string;
  unitName: string;
  issued: number;
}

export interface RulePrecision {
  ruleId: string;
  ruleName: string;
  fired: number;
  closed: number;
  falseAlarms: number;
  /** falseAlarms / closed; null while none it fired on is closed. */
  rate: number | null;
}

const empty = (): Counts => ({
  red: 0,
  orange: 0,
  yellow: 0,
  total: 0,
  handled: 0,
  handledInTime: 0,
  dissuaded: 0,
  lossAvoided: 0,
  paid: 0,
  lost: 0,
  falseAlarms: 0,
});

const count = (condition: ReturnType<typeof sql>) => sql<string>`count(*) FILTER (WHERE ${condition})`;
const sumAmount = (outcome: string) =>
  sql<string>`coalesce(sum(warnings.amount) FILTER (WHERE warnings.outcome = ${outcome}), 0)`;

export async function warningFigures(
  ctx: Context,
  units: UnitDirectory,
  actor: Actor,
  query: FiguresQuery,
  ruleName: (id: string) => string | undefined,
) {
  authorize(actor, 'warnings.read');
  // By default up to now, the warnings raised this very millisecond included.
  const to = query.to ? new Date(query.to) : new Date(ctx.clock.now().getTime() + 1);
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
  if (!(from < to))
    throw new AppError('validation_failed', 'from must be before to', [
      { field: '/from', message: 'must be before to' },
    ]);
  const actorUnit = actor.type === 'system' ? units.province : units.get(actor.unitCode);
  const unit = query.unit ? units.get(query.unit) : actorUnit;
  if (!unit || !unit.path.startsWith(actor.unitPath))
    throw new AppError('unit_not_found', `no unit ${query.unit} in your part of the org tree`);
  const depth = unit.path.split('/').length - 1;

  const inScope = ctx.db
    .selectFrom('warnings')
    .innerJoin('units', 'units.code', 'warnings.unit_code')
    .where('units.path', 'like', `${unit.path}%`)
    .where('warnings.created_at', '>=', from)
    .where('warnings.created_at', '<', to);

  // A literal, not a parameter: GROUP BY must see the same expression as the select list.
  const child = sql<string>`split_part(units.path, '/', ${sql.lit(depth + 1)})`;
  const [rows, rules] = await Promise.all([
    inScope
      .select([
        child.as('child'),
        count(sql`warnings.level = 'red'`).as('red'),
        count(sql`warnings.level = 'orange'`).as('orange'),
        count(sql`warnings.level = 'yellow'`).as('yellow'),
        sql<string>`count(*)`.as('total'),
        count(sql`warnings.first_contact_at IS NOT NULL`).as('handled'),
        count(sql`warnings.first_contact_at <= warnings.deadline_at`).as('handled_in_time'),
        count(sql`warnings.outcome = 'dissuaded'`).as('dissuaded'),
        sumAmount('dissuaded').as('loss_avoided'),
        count(sql`warnings.outcome = 'paid'`).as('paid'),
        sumAmount('paid').as('lost'),
        count(sql`warnings.outcome = 'false_alarm'`).as('false_alarms'),
      ])
      .groupBy(child)
      .execute(),
    ctx.db
      .selectFrom(
        inScope
          .select([
            sql<string>`unnest(warnings.rule_ids)`.as('rule_id'),
            'warnings.status',
            'warnings.outcome',
          ])
          .as('fired'),
      )
      .select([
        'fired.rule_id',
        sql<string>`count(*)`.as('fired'),
        sql<string>`count(*) FILTER (WHERE fired.status = 'closed')`.as('closed'),
        sql<string>`count(*) FILTER (WHERE fired.outcome = 'false_alarm')`.as('false_alarms'),
      ])
      .groupBy('fired.rule_id')
      .orderBy('fired.rule_id')
      .execute(),
  ]);

  const totals = empty();
  const byUnit: UnitFigures[] = rows.map((row) => {
    const code = row.child || unit.code;
    const figures: Counts = {
      red: Number(row.red),
      orange: Number(row.orange),
      yellow: Number(row.yellow),
      total: Number(row.total),
      handled: Number(row.handled),
      handledInTime: Number(row.handled_in_time),
      dissuaded: Number(row.dissuaded),
      lossAvoided: Number(row.loss_avoided),
      paid: Number(row.paid),
      lost: Number(row.lost),
      falseAlarms: Number(row.false_alarms),
    };
    for (const key of Object.keys(totals) as (keyof Counts)[]) totals[key] += figures[key];
    return { unitCode: code, unitName: units.get(code)?.name ?? code, issued: figures.total, ...figures };
  });
  byUnit.sort((a, b) => b.total - a.total || a.unitCode.localeCompare(b.unitCode));

  const falseAlarmRate: RulePrecision[] = rules.map((row) => {
    const closed = Number(row.closed);
    const falseAlarms = Number(row.false_alarms);
    return {
      ruleId: row.rule_id,
      ruleName: ruleName(row.rule_id) ?? row.rule_id,
      fired: Number(row.fired),
      closed,
      falseAlarms,
      rate: closed === 0 ? null : falseAlarms / closed,
    };
  });

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    unitCode: unit.code,
    issued: { red: totals.red, orange: totals.orange, yellow: totals.yellow, total: totals.total },
    byUnit,
    handled: totals.handled,
    handledInTime: totals.handledInTime,
    dissuaded: totals.dissuaded,
    lossAvoided: totals.lossAvoided,
    paid: totals.paid,
    lost: totals.lost,
    falseAlarms: totals.falseAlarms,
    falseAlarmRate,
  };
}
