/**
 * Special operations (专项行动): a named window with a focus and participating units with their
 * targets. Figures are computed on every read from the records of the window and each unit's subtree:
 * cases solved and money frozen (the cases module: 破案 transitions, freezes on case accounts), suspects
 * caught (已抓获 clue feedback), cards seized (the two-card module: cards whose holder or seller was
 * caught), and the operation's own clues. Nothing here stores a result; nothing is typed in.
 */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { UnitRow } from '../../store/schema.js';
import { recordAudit } from '../audit/index.js';
import { actorName, type Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { countSeizedCards } from '../cards/index.js';
import { countSolvedCases, sumFrozenMoney } from '../cases/index.js';
import { caughtUnder, clueCountsUnder, operationFeed } from '../clues/index.js';
import { getUnit } from '../org/index.js';
import type {
  OperationBody,
  OperationDetail,
  OperationQuery,
  OperationSummary,
  UnitFigures,
} from './schemas.js';
import {
  findOperation,
  findOperations,
  findParticipants,
  nextOperationSerial,
  replaceParticipants,
  type Db,
  type OperationListRow,
} from './store.js';

const iso = (value: Date | string) => new Date(value).toISOString();

function phaseOf(row: OperationListRow, now: Date): OperationSummary['phase'] {
  if (new Date(row.window_from).getTime() > now.getTime()) return 'planned';
  return new Date(row.window_to).getTime() > now.getTime() ? 'active' : 'ended';
}

const toSummary = (row: OperationListRow, now: Date): OperationSummary => ({
  id: row.id,
  name: row.name,
  unit: { code: row.unit_code, name: row.unit_name },
  windowFrom: iso(row.window_from),
  windowTo: iso(row.window_to),
  phase: phaseOf(row, now),
  fraudTypes: row.fraud_types,
  cardTrade: row.card_trade,
  description: row.description,
  unitCount: Number(row.unit_count),
  createdBy: row.created_by,
  createdAt: iso(row.created_at),
});

/** `ZX` + organising unit + year + a four-digit serial: ZX32000020260007. */
const operationNumber = (unitCode: string, now: Date, serial: number) =>
  `ZX${unitCode}${new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear()}${String(serial).padStart(4, '0')}`;

async function validate(ctx: Context, actor: Actor, input: OperationBody): Promise<UnitRow> {
  const organiser = await getUnit(
    ctx,
    actor,
    input.unitCode ?? (actor.type === 'system' ? `${ctx.config.provinceCode}0000` : actor.unitCode),
  );
  const errors = [];
  if (new Date(input.windowFrom).getTime() >= new Date(input.windowTo).getTime())
    errors.push({ field: '/windowTo', message: 'must be after windowFrom' });
  const seen = new Set<string>();
  for (const [index, unit] of input.units.entries()) {
    if (seen.has(unit.unitCode))
      errors.push({ field: `/units/${index}/unitCode`, message: `${unit.unitCode} is listed twice` });
    seen.add(unit.unitCode);
    const row = await ctx.db
      .selectFrom('units')
      .selectAll()
      .where('code', '=', unit.unitCode)
      .executeTakeFirst();
    if (!row || !row.path.startsWith(organiser.path))
      errors.push({
        field: `/units/${index}/unitCode`,
        message: `${unit.unitCode} is not in ${organiser.name}’s subtree`,
      });
  }
  if (errors.length) throw new AppError('validation_failed', 'the operation is not valid', errors);
  return organiser;
}

const participantRows = (input: OperationBody) =>
  input.units.map((unit) => ({
    unit_code: unit.unitCode,
    target_suspects: unit.targetSuspects ?? 0,
    target_cases: unit.targetCases ?? 0,
  }));

export async function createOperation(
  ctx: Context,
  actor: Actor,
  input: OperationBody,
): Promise<OperationDetail> {
  authorize(actor, 'operations.manage');
  const organiser = await validate(ctx, actor, input);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (tx) => {
    const id = operationNumber(organiser.code, now, await nextOperationSerial(tx));
    await tx
      .insertInto('operations')
      .values({
        id,
        name: input.name.trim(),
        unit_code: organiser.code,
        window_from: input.windowFrom,
        window_to: input.windowTo,
        fraud_types: input.fraudTypes ?? [],
        card_trade: input.cardTrade ?? false,
        description: input.description?.trim() ?? '',
        created_by: actorName(actor),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await replaceParticipants(tx, id, participantRows(input));
    await recordAudit(
      tx,
      actor,
      {
        action: 'operation.create',
        recordType: 'operation',
        recordId: id,
        detail: { name: input.name, units: input.units.length },
      },
      now,
    );
    return id;
  });
  return getOperation(ctx, actor, id);
}

/** Replaces an operation's name, window, focus and units; only its organiser's subtree may. */
export async function updateOperation(
  ctx: Context,
  actor: Actor,
  id: string,
  input: OperationBody,
): Promise<OperationDetail> {
  authorize(actor, 'operations.manage');
  const row = await getOperationRow(ctx, actor, id);
  await getUnit(ctx, actor, row.unit_code).catch(() => {
    throw new AppError('forbidden', 'only the organising unit and the units above it change an operation');
  });
  if (input.unitCode && input.unitCode !== row.unit_code)
    throw new AppError('validation_failed', 'the organising unit of an operation does not change', [
      { field: '/unitCode', message: `stays ${row.unit_code}` },
    ]);
  await validate(ctx, actor, { ...input, unitCode: row.unit_code });
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('operations')
      .set({
        name: input.name.trim(),
        window_from: input.windowFrom,
        window_to: input.windowTo,
        fraud_types: input.fraudTypes ?? [],
        card_trade: input.cardTrade ?? false,
        description: input.description?.trim() ?? '',
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    await replaceParticipants(tx, row.id, participantRows(input));
    await recordAudit(
      tx,
      actor,
      {
        action: 'operation.update',
        recordType: 'operation',
        recordId: row.id,
        detail: { name: input.name, units: input.units.length },
      },
      now,
    );
  });
  return getOperation(ctx, actor, row.id);
}

async function getOperationRow(ctx: Context, actor: Actor, id: string, db: Db = ctx.db) {
  const row = /^[A-Za-z0-9-]{1,64}$/.test(id) ? await findOperation(db, actor.unitPath, id) : undefined;
  if (!row) throw new AppError('not_found', `no operation ${id} on your line of the org tree`);
  return row;
}

/** The operation if the actor may read it (on its line of the tree); 404 otherwise. */
export async function requireOperation(ctx: Context, actor: Actor, id: string) {
  authorize(actor, 'operations.read');
  const row = await getOperationRow(ctx, actor, id);
  return { id: row.id, name: row.name };
}

export async function listOperations(ctx: Context, actor: Actor, query: OperationQuery) {
  authorize(actor, 'operations.read');
  const now = ctx.clock.now();
  const { rows, total } = await findOperations(ctx.db, actor.unitPath, {
    phase: query.phase,
    q: query.q?.trim() || undefined,
    now,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map((row) => toSummary(row, now)), total, page: query.page, pageSize: query.pageSize };
}

/** The paths that are not under another of them: their subtrees together, each record once. */
const topmost = (paths: string[]) =>
  paths.filter((p) => !paths.some((other) => other !== p && p.startsWith(other)));

export async function getOperation(ctx: Context, actor: Actor, id: string): Promise<OperationDetail> {
  authorize(actor, 'operations.read');
  const row = await getOperationRow(ctx, actor, id);
  const participants = await findParticipants(ctx.db, row.id);
  const from = new Date(row.window_from);
  const to = new Date(row.window_to);
  const paths = participants.map((p) => p.unit_path);
  const tops = topmost(paths);
  const all = [...new Set([...paths, ...tops])];
  const focus = { from, to, fraudTypes: row.fraud_types };
  const perPath = async (count: (unitPath: string) => Promise<number>) =>
    new Map(await Promise.all(all.map(async (unitPath) => [unitPath, await count(unitPath)] as const)));
  const [caught, clues, solved, frozen, seized] = await Promise.all([
    caughtUnder(ctx, all, from, to),
    clueCountsUnder(ctx, all, { operationId: row.id }),
    perPath((unitPath) => countSolvedCases(ctx, { unitPath, ...focus })),
    perPath((unitPath) => sumFrozenMoney(ctx, { unitPath, ...focus })),
    countSeizedCards(ctx, { paths: all, from, to }),
  ]);
  const figuresOf = (path: string) => ({
    casesSolved: solved.get(path) ?? 0,
    suspectsCaught: caught.get(path)?.caughtCount ?? 0,
    cardsSeized: seized.get(path) ?? 0,
    moneyFrozen: frozen.get(path) ?? 0,
    cluesDispatched: clues.get(path)?.received ?? 0,
    cluesDone: clues.get(path)?.done ?? 0,
    cluesOverdue: clues.get(path)?.overdue ?? 0,
  });
  const units: UnitFigures[] = participants.map((p) => ({
    unit: { code: p.unit_code, name: p.unit_name },
    targetSuspects: p.target_suspects,
    targetCases: p.target_cases,
    ...figuresOf(p.unit_path),
  }));
  const sum = (pick: (f: ReturnType<typeof figuresOf>) => number) =>
    tops.reduce((n, path) => n + pick(figuresOf(path)), 0);
  return {
    ...toSummary(row, ctx.clock.now()),
    units,
    total: {
      targetSuspects: participants.reduce((n, p) => n + p.target_suspects, 0),
      targetCases: participants.reduce((n, p) => n + p.target_cases, 0),
      casesSolved: sum((f) => f.casesSolved),
      suspectsCaught: sum((f) => f.suspectsCaught),
      cardsSeized: sum((f) => f.cardsSeized),
      moneyFrozen: sum((f) => f.moneyFrozen),
      cluesDispatched: sum((f) => f.cluesDispatched),
      cluesDone: sum((f) => f.cluesDone),
      cluesOverdue: sum((f) => f.cluesOverdue),
    },
    sources: {
      casesSolved: 'case_transitions',
      suspectsCaught: 'clue_feedback',
      cardsSeized: 'card_targets_caught',
      moneyFrozen: 'case_account_freezes',
    },
    computedAt: ctx.clock.now().toISOString(),
  };
}

/** The 集中收网 board: the operation's dispatched clues by participating unit, and the latest feedback. */
export async function operationBoard(ctx: Context, actor: Actor, id: string) {
  authorize(actor, 'operations.read');
  const row = await getOperationRow(ctx, actor, id);
  const participants = await findParticipants(ctx.db, row.id);
  const [counts, feed] = await Promise.all([
    clueCountsUnder(
      ctx,
      participants.map((p) => p.unit_path),
      { operationId: row.id },
    ),
    operationFeed(ctx, row.id, 30),
  ]);
  return {
    operation: { id: row.id, name: row.name },
    units: participants.map((p) => {
      const c = counts.get(p.unit_path)!;
      return {
        unit: { code: p.unit_code, name: p.unit_name },
        targetSuspects: p.target_suspects,
        dispatched: c.received,
        pending: c.received - c.signed,
        working: c.signed - c.done,
        done: c.done,
        overdue: c.overdue,
        caught: c.caught,
        caughtCount: c.caughtCount,
        cardsSeized: c.cardsSeized,
        moneyFrozen: c.moneyFrozen,
        completionRate: c.completionRate,
      };
    }),
    feed: feed.map((hop) => ({
      id: hop.id,
      clueId: hop.clueId,
      clueTitle: hop.clueTitle,
      kind: hop.kind,
      from: hop.from,
      to: hop.to,
      actor: hop.actor,
      detail: hop.detail,
      at: hop.at,
    })),
    at: ctx.clock.now().toISOString(),
  };
}
