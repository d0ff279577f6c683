/**
 * The flow of one clue after dispatch: sign (签收) by the receiving unit, work notes, feedback (反馈:
 * 属实 / 已抓获 / 查无此人 end it; 不属本辖区 moves it on) and transfer (转派). Each step locks the clue's
 * row and writes the clue, one hop (who, when, from where to where, why) and an audit row in one
 * transaction.
 *
 * 不属本辖区: a unit named below the actor's gets it directly; otherwise it goes to the lowest unit above
 * both the holder and the named unit (their common parent), which redirects it; with no unit named, to
 * the unit that sent it. Only units above the holder may move a clue they do not hold, so every move
 * stays within someone's line of command.
 */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { ClueHopKind, ClueRow } from '../../store/clues-schema.js';
import type { UnitRow } from '../../store/schema.js';
import { recordAudit } from '../audit/index.js';
import { actorName, type Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import type { ClueDetail, FeedbackBody, TransferBody } from './schemas.js';
import { publishClueStep } from './notifier.js';
import { actingUnit, getClue, getClueRow, isBelow } from './service.js';
import {
  findLastSender,
  findUnitByCode,
  insertHops,
  insertNotices,
  insertParty,
  lockClue,
  updateClue,
  type Db,
} from './store.js';

interface Step {
  tx: Db;
  clue: ClueRow;
  holder: UnitRow;
  actorUnit: UnitRow;
  now: Date;
}

/** Runs one step of a clue's flow under its row lock; 404 when the actor cannot see it. */
async function step(
  ctx: Context,
  actor: Actor,
  id: string,
  run: (step: Step) => Promise<{ action: string; reason?: string; detail: Record<string, unknown> }>,
): Promise<ClueDetail> {
  authorize(actor, 'clues.work');
  const row = await getClueRow(ctx, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const clue = await lockClue(tx, row.id);
    if (!clue) throw new AppError('not_found', `no clue ${id}`);
    const [holder, actorUnit] = await Promise.all([
      findUnitByCode(tx, clue.unit_code),
      actingUnit(ctx, actor, tx),
    ]);
    const audit = await run({ tx, clue, holder: holder!, actorUnit, now });
    await recordAudit(
      tx,
      actor,
      {
        action: audit.action,
        recordType: 'clue',
        recordId: clue.id,
        reason: audit.reason,
        detail: audit.detail,
      },
      now,
    );
  });
  const detail = await getClue(ctx, actor, row.id);
  await publishClueStep(ctx, detail, now);
  return detail;
}

const holds = (actor: Actor, clue: ClueRow) =>
  actor.type === 'system' || (actor.type !== 'api_key' && actor.unitCode === clue.unit_code);

function requireHolder(actor: Actor, clue: ClueRow, what: string) {
  if (!holds(actor, clue))
    throw new AppError('forbidden', `only the unit holding the clue (${clue.unit_code}) may ${what}`);
}

function requireOpen(clue: ClueRow) {
  if (clue.status === 'done')
    throw new AppError('invalid_transition', `the clue ${clue.id} has its feedback already; it is closed`);
}

function hop(
  actor: Actor,
  clue: ClueRow,
  kind: ClueHopKind,
  now: Date,
  fields: Partial<{ from: string; to: string; reason: string; detail: Record<string, unknown> }> = {},
) {
  return {
    clue_id: clue.id,
    kind,
    from_unit_code: fields.from ?? null,
    to_unit_code: fields.to ?? null,
    actor: actorName(actor),
    actor_unit_code: actor.type === 'system' ? null : actor.unitCode,
    reason: fields.reason ?? null,
    detail: fields.detail ? JSON.stringify(fields.detail) : null,
    at: now,
  };
}

/** 签收: the receiving unit (or the common parent it was returned to) takes the clue. */
export function signClue(ctx: Context, actor: Actor, id: string): Promise<ClueDetail> {
  return step(ctx, actor, id, async ({ tx, clue, now }) => {
    requireHolder(actor, clue, 'sign for it');
    if (clue.status !== 'pending' && clue.status !== 'transferring')
      throw new AppError(
        'invalid_transition',
        `the clue ${clue.id} is ${clue.status}; only a pending clue is signed for`,
      );
    await updateClue(tx, clue.id, {
      status: 'working',
      signed_at: now,
      signed_by: actorName(actor),
      updated_at: now,
    });
    await insertHops(tx, [hop(actor, clue, 'signed', now, { to: clue.unit_code })]);
    return { action: 'clue.sign', detail: { unit: clue.unit_code, from: clue.status } };
  });
}

/** A work note by the holder or a unit above it (督办). */
export function noteClue(ctx: Context, actor: Actor, id: string, text: string): Promise<ClueDetail> {
  return step(ctx, actor, id, async ({ tx, clue, holder, actorUnit, now }) => {
    requireOpen(clue);
    if (!holds(actor, clue) && !isBelow(holder, actorUnit))
      throw new AppError('forbidden', 'only the holding unit and the units above it write notes');
    const note = text.trim();
    if (!note)
      throw new AppError('validation_failed', 'a note needs text', [
        { field: '/text', message: 'must not be empty' },
      ]);
    await updateClue(tx, clue.id, { updated_at: now });
    await insertHops(tx, [
      hop(actor, clue, 'note', now, { reason: note, detail: { supervising: !holds(actor, clue) } }),
    ]);
    return { action: 'clue.note', detail: { length: note.length } };
  });
}

/** The lowest unit whose subtree holds both (their common parent; the province at worst). */
async function commonParent(tx: Db, a: UnitRow, b: UnitRow): Promise<UnitRow> {
  const left = a.path.split('/').filter(Boolean);
  const right = b.path.split('/').filter(Boolean);
  let shared = 0;
  while (shared < left.length && shared < right.length && left[shared] === right[shared]) shared++;
  const code = left[Math.max(shared - 1, 0)]!;
  const unit = await findUnitByCode(tx, code);
  if (!unit) throw new AppError('unit_not_found', `no unit ${code}`);
  return unit;
}

/** 反馈: the holder's result. 不属本辖区 moves the clue on (see the file's comment). */
export function feedbackClue(
  ctx: Context,
  actor: Actor,
  id: string,
  input: FeedbackBody,
): Promise<ClueDetail> {
  const note = input.note?.trim() || null;
  const errors = [];
  if (input.result === 'caught' && !(input.caughtCount && input.caughtCount >= 1))
    errors.push({ field: '/caughtCount', message: '已抓获 needs the number caught (at least 1)' });
  if (input.result !== 'caught')
    for (const field of ['caughtCount', 'cardsSeized', 'moneyFrozen'] as const)
      if (input[field] !== undefined)
        errors.push({ field: `/${field}`, message: 'only with 已抓获 (caught)' });
  if (input.result !== 'not_ours' && input.rightUnitCode)
    errors.push({ field: '/rightUnitCode', message: 'only with 不属本辖区 (not_ours)' });
  if (input.result === 'not_ours' && !note)
    errors.push({ field: '/note', message: '不属本辖区 needs a reason' });
  if (errors.length) throw new AppError('validation_failed', 'the feedback is not valid', errors);

  return step(ctx, actor, id, async ({ tx, clue, holder, actorUnit, now }) => {
    requireHolder(actor, clue, 'give its feedback');
    if (clue.status !== 'working')
      throw new AppError(
        'invalid_transition',
        `the clue ${clue.id} is ${clue.status}; sign for it before the feedback`,
      );
    if (input.result !== 'not_ours') {
      await updateClue(tx, clue.id, {
        status: 'done',
        result: input.result,
        caught_count: input.result === 'caught' ? input.caughtCount! : null,
        cards_seized: input.result === 'caught' ? (input.cardsSeized ?? null) : null,
        money_frozen: input.result === 'caught' ? (input.moneyFrozen ?? null) : null,
        result_note: note,
        completed_at: now,
        completed_by: actorName(actor),
        updated_at: now,
      });
      const detail = {
        result: input.result,
        ...(input.result === 'caught' && {
          caughtCount: input.caughtCount,
          cardsSeized: input.cardsSeized ?? null,
          moneyFrozen: input.moneyFrozen ?? null,
        }),
      };
      await insertHops(tx, [
        hop(actor, clue, 'feedback', now, {
          from: clue.unit_code,
          to: clue.origin_unit_code,
          reason: note ?? undefined,
          detail,
        }),
      ]);
      return { action: 'clue.feedback', reason: note ?? undefined, detail };
    }
    const named = input.rightUnitCode ? await findUnitByCode(tx, input.rightUnitCode) : undefined;
    if (input.rightUnitCode && !named)
      throw new AppError('validation_failed', `no unit ${input.rightUnitCode}`, [
        { field: '/rightUnitCode', message: 'no such unit' },
      ]);
    if (named?.code === clue.unit_code)
      throw new AppError('validation_failed', 'the clue is already at that unit', [
        { field: '/rightUnitCode', message: 'is the holder' },
      ]);
    await insertHops(tx, [
      hop(actor, clue, 'feedback', now, {
        from: clue.unit_code,
        reason: note!,
        detail: { result: 'not_ours', rightUnitCode: named?.code ?? null },
      }),
    ]);
    if (named && isBelow(named, actorUnit)) {
      await moveTo(tx, actor, clue, named, 'pending', now, {
        kind: 'transferred',
        reason: note!,
        suggested: null,
      });
      return {
        action: 'clue.transfer',
        reason: note!,
        detail: { from: clue.unit_code, to: named.code, cause: 'not_ours' },
      };
    }
    const parent = named
      ? await commonParent(tx, holder, named)
      : await findUnitByCode(
          tx,
          (await findLastSender(tx, clue.id, clue.unit_code)) ?? clue.origin_unit_code,
        );
    await moveTo(tx, actor, clue, parent!, 'transferring', now, {
      kind: 'returned',
      reason: note!,
      suggested: named?.code ?? null,
    });
    await insertNotices(tx, [
      {
        unit_code: parent!.code,
        clue_id: clue.id,
        kind: 'returned',
        message: `${holder.name}反馈线索「${clue.title}」不属本辖区${named ? `（应属${named.name}）` : ''}，请转派`,
        created_at: now,
      },
    ]);
    return {
      action: 'clue.return',
      reason: note!,
      detail: { from: clue.unit_code, to: parent!.code, rightUnitCode: named?.code ?? null },
    };
  });
}

/** Moves a clue to another unit: a new holder signs again; the escalation starts over. */
async function moveTo(
  tx: Db,
  actor: Actor,
  clue: ClueRow,
  to: UnitRow,
  status: 'pending' | 'transferring',
  now: Date,
  how: { kind: 'returned' | 'transferred'; reason: string; suggested: string | null; deadlineAt?: Date },
) {
  await updateClue(tx, clue.id, {
    unit_code: to.code,
    status,
    suggested_unit_code: how.suggested,
    signed_at: null,
    signed_by: null,
    reminded_at: null,
    escalated_at: null,
    escalated_to: null,
    ...(how.deadlineAt && { deadline_at: how.deadlineAt }),
    updated_at: now,
  });
  await insertParty(tx, clue.id, to.code, 'receiver');
  if (how.kind === 'transferred' && actor.type !== 'system')
    await insertParty(tx, clue.id, actor.unitCode, 'sender');
  await insertHops(tx, [
    hop(actor, clue, how.kind, now, {
      from: clue.unit_code,
      to: to.code,
      reason: how.reason,
      detail: {
        ...(how.suggested && { rightUnitCode: how.suggested }),
        ...(how.deadlineAt && { deadlineAt: how.deadlineAt.toISOString() }),
      },
    }),
  ]);
  if (status === 'pending')
    await insertNotices(tx, [
      {
        unit_code: to.code,
        clue_id: clue.id,
        kind: 'dispatched',
        message: `转派线索「${clue.title}」，请签收`,
        created_at: now,
      },
    ]);
}

/**
 * 转派: the holder passes an open clue to a unit below it, or a unit above the holder (the common
 * parent it was returned to, a supervisor of an overdue one) moves it to any unit of its subtree.
 */
export function transferClue(
  ctx: Context,
  actor: Actor,
  id: string,
  input: TransferBody,
): Promise<ClueDetail> {
  const reason = input.reason.trim();
  if (!reason)
    throw new AppError('validation_failed', 'a transfer needs a reason', [
      { field: '/reason', message: 'must not be empty' },
    ]);
  return step(ctx, actor, id, async ({ tx, clue, holder, actorUnit, now }) => {
    requireOpen(clue);
    if (!holds(actor, clue) && !isBelow(holder, actorUnit))
      throw new AppError('forbidden', 'only the holding unit and the units above it transfer a clue');
    const to = await findUnitByCode(tx, input.toUnitCode);
    const inSubtree = to && (isBelow(to, actorUnit) || (to.code === actorUnit.code && !holds(actor, clue)));
    if (!to || !inSubtree || to.code === clue.unit_code)
      throw new AppError(
        'validation_failed',
        `${input.toUnitCode} is not a unit your unit can transfer this clue to`,
        [{ field: '/toUnitCode', message: 'must be in your subtree and not the holder' }],
      );
    const deadlineAt = input.deadlineAt ? new Date(input.deadlineAt) : undefined;
    if (deadlineAt && deadlineAt.getTime() <= now.getTime())
      throw new AppError('validation_failed', 'the new deadline must be after now', [
        { field: '/deadlineAt', message: 'in the past' },
      ]);
    await moveTo(tx, actor, clue, to, 'pending', now, {
      kind: 'transferred',
      reason,
      suggested: null,
      deadlineAt,
    });
    return { action: 'clue.transfer', reason, detail: { from: clue.unit_code, to: to.code } };
  });
}
