/**
 * Figures of clues by unit: for a unit, its own row (clues held at it) and one row per child with its
 * subtree — received, signed, done, overdue, results, persons caught — with the completion rate (done /
 * received) and the result rate ((属实 + 已抓获) / done). A clue counts where it is held now, so a
 * transferred clue counts for the unit it belongs to. Also the sums the operations module reads.
 */
import type { Context } from '../../context.js';
import type { Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { getUnit } from '../org/index.js';
import type { ClueCounts, FiguresQuery } from './schemas.js';
import { actingUnit } from './service.js';
import {
  findOperationHops,
  countByChild,
  countCaughtUnder,
  countUnder,
  findChildUnits,
  findSourcedClues,
  type CountRow,
  type FigureFilter,
  type SourcedClueFilter,
} from './store.js';
import { toClueHop } from './views.js';

const ratio = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;

export function toCounts(row: CountRow | undefined): ClueCounts {
  const n = (value: string | null | undefined) => Number(value ?? 0);
  const received = n(row?.received);
  const done = n(row?.done);
  const verified = n(row?.verified);
  const caught = n(row?.caught);
  return {
    received,
    signed: n(row?.signed),
    done,
    open: received - done,
    overdue: n(row?.overdue),
    verified,
    caught,
    notFound: n(row?.not_found),
    caughtCount: n(row?.caught_count),
    cardsSeized: n(row?.cards_seized),
    moneyFrozen: n(row?.money_frozen),
    completionRate: ratio(done, received),
    resultRate: ratio(verified + caught, done),
  };
}

function sum(rows: ClueCounts[]): ClueCounts {
  const total = toCounts(undefined);
  for (const row of rows)
    for (const key of Object.keys(total) as (keyof ClueCounts)[])
      if (key !== 'completionRate' && key !== 'resultRate') total[key] += row[key];
  total.completionRate = ratio(total.done, total.received);
  total.resultRate = ratio(total.verified + total.caught, total.done);
  return total;
}

export async function clueFigures(ctx: Context, actor: Actor, query: FiguresQuery) {
  authorize(actor, 'clues.read');
  const unit = query.unitCode ? await getUnit(ctx, actor, query.unitCode) : await actingUnit(ctx, actor);
  const filter: FigureFilter = {
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    operationId: query.operationId,
    now: ctx.clock.now(),
  };
  const [children, grouped] = await Promise.all([
    findChildUnits(ctx.db, unit.code),
    countByChild(ctx.db, unit.path, filter),
  ]);
  const byKey = new Map(grouped.map((row) => [row.key, row]));
  const rows = [
    { unit: { code: unit.code, name: unit.name }, own: true, ...toCounts(byKey.get('')) },
    ...children.map((child) => ({
      unit: { code: child.code, name: child.name },
      own: false,
      ...toCounts(byKey.get(child.code)),
    })),
  ];
  return {
    unit: { code: unit.code, name: unit.name },
    from: query.from ?? null,
    to: query.to ?? null,
    total: sum(rows),
    rows,
  };
}

/** Clue counts of several subtrees at once (keyed by path), e.g. the units of an operation. */
export async function clueCountsUnder(
  ctx: Context,
  paths: string[],
  filter: Omit<FigureFilter, 'now'>,
): Promise<Map<string, ClueCounts>> {
  const rows = await countUnder(ctx.db, paths, { ...filter, now: ctx.clock.now() });
  return new Map(rows.map((row) => [row.key, toCounts(row)]));
}

/** 已抓获 feedback given within [from, to) under each path: persons caught, cards seized, money frozen. */
export async function caughtUnder(ctx: Context, paths: string[], from: Date, to: Date) {
  return new Map((await countCaughtUnder(ctx.db, paths, from, to)).map((row) => [row.path, row]));
}

/** The latest steps of an operation's clues (signs, feedback, returns, transfers, escalations), newest first. */
export async function operationFeed(ctx: Context, operationId: string, limit = 30) {
  const rows = await findOperationHops(ctx.db, operationId, limit);
  return rows.map((row) => ({ ...toClueHop(row), clueId: row.clue_id, clueTitle: row.clue_title }));
}

export interface SourcedClue {
  id: string;
  /** The id the source module gave (e.g. the card person dispatched as a key target). */
  sourceId: string;
  /** The unit holding it now (after a transfer, the one that works it). */
  unit: { code: string; path: string };
  status: 'pending' | 'working' | 'transferring' | 'done';
  result: 'verified' | 'caught' | 'not_found' | null;
  caughtCount: number;
  overdue: boolean;
  completedAt: Date | null;
}

/**
 * The clues another module dispatched (`source.kind`), held under a path, with their outcome: how the
 * two-card module reads what came of its key targets without touching the clues' tables.
 */
export async function cluesFromSource(ctx: Context, filter: SourcedClueFilter): Promise<SourcedClue[]> {
  const now = ctx.clock.now().getTime();
  const rows = await findSourcedClues(ctx.db, filter);
  return rows.map((row) => ({
    id: row.id,
    sourceId: row.source_id ?? '',
    unit: { code: row.unit_code, path: row.unit_path },
    status: row.status,
    result: row.result,
    caughtCount: row.caught_count ?? 0,
    overdue: row.status !== 'done' && new Date(row.deadline_at).getTime() < now,
    completedAt: row.completed_at ? new Date(row.completed_at) : null,
  }));
}
