/**
 * Clues (线索) down the org tree: dispatch (下发) from any unit to units below it, the scoped inbox and
 * outbox, one clue with its flow. A clue is visible to the units that sent or held it and to everything
 * above them; others get 404. Signing, notes, feedback and transfers are in `flow.ts`.
 */
import type { Context } from '../../context.js';
import { AppError, type FieldError } from '../../errors.js';
import type { UnitRow } from '../../store/schema.js';
import { recordAudit } from '../audit/index.js';
import { actorName, type Actor } from '../auth/actor.js';
import { authorize, hasPermission } from '../auth/policy.js';
import { getUnit } from '../org/index.js';
import type { ClueDetail, ClueQuery, ClueSummary, NewClue } from './schemas.js';
import { publishDispatch } from './notifier.js';
import {
  findAllUnits,
  findClue,
  findClues,
  findEntities,
  findHops,
  findOperationOnLine,
  findUnitsByCode,
  insertClue,
  insertEntities,
  insertHops,
  insertNotices,
  insertParty,
  nextClueSerial,
  type ClueListRow,
  type Db,
} from './store.js';
import { toClueDetail, toClueSummary } from './views.js';

/** The unit an actor acts for: its own, or the province's center for the platform itself. */
export async function actingUnit(ctx: Context, actor: Actor, db: Db = ctx.db): Promise<UnitRow> {
  const code = actor.type === 'system' ? `${ctx.config.provinceCode}0000` : actor.unitCode;
  const [unit] = await findUnitsByCode(db, [code]);
  if (!unit) throw new AppError('unit_not_found', `no unit ${code}`);
  return unit;
}

/** `XS` + sending unit + year and month (China time) + a six-digit serial: XS320100202611000042. */
export function clueNumber(unitCode: string, now: Date, serial: number): string {
  const month = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7).replace('-', '');
  return `XS${unitCode}${month}${String(serial).padStart(6, '0')}`;
}

/** `unit` lies strictly below `above` in the tree. */
export const isBelow = (unit: UnitRow, above: UnitRow) =>
  unit.path.startsWith(above.path) && unit.code !== above.code;

/**
 * Dispatches clues (下发) from the actor's unit, each to a unit below it; all or nothing. Pass `trx` to
 * dispatch inside the caller's transaction (e.g. the two-card module dispatching its key targets).
 * Returns the clues as their sender sees them.
 */
export async function dispatchClues(
  ctx: Context,
  actor: Actor,
  clues: NewClue[],
  trx?: Db,
): Promise<ClueSummary[]> {
  authorize(actor, 'clues.dispatch');
  if (clues.length === 0) return [];
  const now = ctx.clock.now();
  const run = async (tx: Db) => {
    const sender = await actingUnit(ctx, actor, tx);
    const targets = new Map(
      (await findUnitsByCode(tx, [...new Set(clues.map((c) => c.targetUnitCode))])).map((u) => [u.code, u]),
    );
    const errors: FieldError[] = [];
    const operations = new Map<string, boolean>();
    for (const [index, clue] of clues.entries()) {
      const target = targets.get(clue.targetUnitCode);
      if (!target || !isBelow(target, sender))
        errors.push({
          field: `/clues/${index}/targetUnitCode`,
          message: `${clue.targetUnitCode} is not a unit below ${sender.code} (${sender.name})`,
        });
      const deadline = new Date(clue.deadlineAt);
      if (Number.isNaN(deadline.getTime()) || deadline.getTime() <= now.getTime())
        errors.push({ field: `/clues/${index}/deadlineAt`, message: 'must be a time after now' });
      if (!clue.title.trim()) errors.push({ field: `/clues/${index}/title`, message: 'must not be empty' });
      if (!clue.content.trim())
        errors.push({ field: `/clues/${index}/content`, message: 'must not be empty' });
      if (clue.operationId) {
        if (!operations.has(clue.operationId))
          operations.set(clue.operationId, !!(await findOperationOnLine(tx, clue.operationId, sender.path)));
        if (!operations.get(clue.operationId))
          errors.push({ field: `/clues/${index}/operationId`, message: `no operation ${clue.operationId}` });
      }
    }
    if (errors.length)
      throw new AppError(
        'validation_failed',
        `${new Set(errors.map((e) => e.field.split('/')[2])).size} of ${clues.length} clues cannot be dispatched; none was`,
        errors,
      );
    const ids: string[] = [];
    for (const clue of clues) {
      const target = targets.get(clue.targetUnitCode)!;
      const id = clueNumber(sender.code, now, await nextClueSerial(tx));
      const title = clue.title.trim();
      await insertClue(tx, {
        id,
        origin_unit_code: sender.code,
        unit_code: target.code,
        priority: clue.priority ?? 'normal',
        title,
        content: clue.content.trim(),
        deadline_at: new Date(clue.deadlineAt),
        operation_id: clue.operationId ?? null,
        source_kind: clue.source?.kind ?? null,
        source_id: clue.source?.id ?? null,
        dispatched_at: now,
        created_by: actorName(actor),
        created_at: now,
        updated_at: now,
      });
      await insertEntities(
        tx,
        (clue.entities ?? []).map((e) => ({
          clue_id: id,
          kind: e.kind,
          value: e.value.trim(),
          label: e.label?.trim() || null,
        })),
      );
      await insertParty(tx, id, sender.code, 'sender');
      await insertParty(tx, id, target.code, 'receiver');
      await insertHops(tx, [
        {
          clue_id: id,
          kind: 'dispatched',
          from_unit_code: sender.code,
          to_unit_code: target.code,
          actor: actorName(actor),
          actor_unit_code: actor.type === 'system' ? null : actor.unitCode,
          reason: null,
          detail: JSON.stringify({
            priority: clue.priority ?? 'normal',
            deadlineAt: new Date(clue.deadlineAt).toISOString(),
          }),
          at: now,
        },
      ]);
      await insertNotices(tx, [
        {
          unit_code: target.code,
          clue_id: id,
          kind: 'dispatched',
          message: `${sender.name}下发线索「${title}」，请签收`,
          created_at: now,
        },
      ]);
      ids.push(id);
    }
    await recordAudit(
      tx as Parameters<typeof recordAudit>[0],
      actor,
      {
        action: 'clue.dispatch',
        recordType: 'clue',
        recordId: ids.length === 1 ? ids[0] : undefined,
        detail: { from: sender.code, clues: ids, targets: [...new Set(clues.map((c) => c.targetUnitCode))] },
      },
      now,
    );
    const rows = await Promise.all(ids.map((id) => findClue(tx, '', id)));
    return rows.map((row) => toClueSummary(row!, now));
  };
  if (trx) return run(trx); // the caller's transaction: no signal (it may still roll back)
  const dispatched = await ctx.db.transaction().execute(run);
  await publishDispatch(ctx, dispatched, actorName(actor));
  return dispatched;
}

/** The clue if one of its parties lies in the actor's subtree; 404 otherwise. */
export async function getClueRow(
  ctx: Context,
  actor: Actor,
  id: string,
  db: Db = ctx.db,
): Promise<ClueListRow> {
  const row = /^[A-Za-z0-9-]{1,64}$/.test(id) ? await findClue(db, actor.unitPath, id) : undefined;
  if (!row) throw new AppError('not_found', `no clue ${id} in your part of the org tree`);
  return row;
}

/** What the actor may do with the clue now (the same rules `flow.ts` enforces). */
export function allowedActions(actor: Actor, row: ClueListRow, actorPath: string): ClueDetail['actions'] {
  const open = row.status !== 'done';
  const holds = actor.type === 'system' || (actor.type !== 'api_key' && actor.unitCode === row.unit_code);
  const above = row.unit_path.startsWith(actorPath) && !holds;
  const work = hasPermission(actor, 'clues.work');
  return {
    sign: work && holds && (row.status === 'pending' || row.status === 'transferring'),
    note: work && open && (holds || above),
    feedback: work && holds && row.status === 'working',
    transfer: work && open && (above || holds),
  };
}

export async function getClue(ctx: Context, actor: Actor, id: string): Promise<ClueDetail> {
  authorize(actor, 'clues.read');
  const row = await getClueRow(ctx, actor, id);
  const [entities, hops] = await Promise.all([findEntities(ctx.db, row.id), findHops(ctx.db, row.id)]);
  return toClueDetail(
    row,
    { entities, hops, actions: allowedActions(actor, row, actor.unitPath) },
    ctx.clock.now(),
  );
}

export async function listClues(ctx: Context, actor: Actor, query: ClueQuery) {
  authorize(actor, 'clues.read');
  const now = ctx.clock.now();
  const boxPath = query.unitCode ? (await getUnit(ctx, actor, query.unitCode)).path : actor.unitPath;
  const { rows, total } = await findClues(ctx.db, actor.unitPath, {
    box: query.box,
    boxPath,
    status: query.status,
    result: query.result,
    priority: query.priority,
    operationId: query.operationId,
    overdueAt: query.overdue ? now : undefined,
    escalated: query.escalated,
    q: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map((row) => toClueSummary(row, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every unit of the province (code and name only): a clue that is not ours may belong to any of them. */
export async function listProvinceUnits(ctx: Context, actor: Actor) {
  authorize(actor, 'clues.work');
  return (await findAllUnits(ctx.db)).map((u) => ({
    code: u.code,
    name: u.name,
    level: u.level,
    parentCode: u.parent_code,
  }));
}
