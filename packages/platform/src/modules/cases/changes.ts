/**
 * Changing a case: adding and removing footprints, and the status flow 受理 accepted → 立案 filed →
 * 侦查 investigating → 破案 solved, with 撤案 withdrawn from any open status. Each change locks the case
 * row, writes its history (transition or removed footprint), its intel entries and audit rows in one
 * transaction, then signals the screening nodes.
 */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { CaseStatus } from '../../store/cases-schema.js';
import { recordAudit } from '../audit/index.js';
import { actorName, type Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { notifyChanges } from '../intel/index.js';
import { addFootprintsIn, prepareFootprints, withdrawFootprintsIn } from './footprints.js';
import type { CaseDetail, CaseTransitionBody, FootprintInput } from './schemas.js';
import { getCase, getCaseRow } from './service.js';
import {
  findActiveFootprints,
  insertTransition,
  lockCase,
  touchCase,
  updateCaseStatus,
  type Db,
} from './store.js';

/** Where each status may go next; solved and withdrawn are final. */
export const NEXT_STATUSES: Record<CaseStatus, readonly CaseStatus[]> = {
  accepted: ['filed', 'withdrawn'],
  filed: ['investigating', 'withdrawn'],
  investigating: ['solved', 'withdrawn'],
  solved: [],
  withdrawn: [],
};

/** Runs a change of one case in a transaction holding the case's row lock; 404 outside the subtree. */
async function changeCase<T>(
  ctx: Context,
  actor: Actor,
  id: string,
  change: (tx: Db, theCase: { id: string; fraud_type: string; status: CaseStatus }, now: Date) => Promise<T>,
): Promise<T> {
  authorize(actor, 'cases.write');
  const row = await getCaseRow(ctx, actor, id);
  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (tx) => {
    const locked = await lockCase(tx, row.id);
    if (!locked) throw new AppError('not_found', `no case ${id}`);
    const outcome = await change(tx, { id: row.id, fraud_type: row.fraud_type, status: locked.status }, now);
    await touchCase(tx, row.id, now);
    return outcome;
  });
  await notifyChanges(ctx);
  return result;
}

export async function addFootprints(
  ctx: Context,
  actor: Actor,
  id: string,
  inputs: FootprintInput[],
): Promise<CaseDetail> {
  authorize(actor, 'cases.write');
  const { footprints, errors } = prepareFootprints(inputs);
  if (errors.length)
    throw new AppError(
      'validation_failed',
      `${errors.length} of ${inputs.length} footprints are not valid; nothing was saved`,
      errors,
    );
  await changeCase(ctx, actor, id, async (tx, theCase, now) => {
    if (theCase.status === 'withdrawn')
      throw new AppError('invalid_transition', `the case ${theCase.id} is withdrawn; it takes no footprints`);
    const stored = await addFootprintsIn(ctx, tx, actor, theCase, footprints, now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'case.footprints_add',
        recordType: 'case',
        recordId: theCase.id,
        detail: { footprints: stored.map((f) => f.id) },
      },
      now,
    );
  });
  return getCase(ctx, actor, id);
}

export async function removeFootprint(
  ctx: Context,
  actor: Actor,
  id: string,
  footprintId: string,
  reason = '从案件中移除',
): Promise<CaseDetail> {
  if (!/^\d{1,18}$/.test(footprintId)) throw new AppError('not_found', `no footprint ${footprintId}`);
  await changeCase(ctx, actor, id, async (tx, theCase, now) => {
    const [footprint] = await findActiveFootprints(tx, theCase.id, [footprintId]);
    if (!footprint)
      throw new AppError('not_found', `no active footprint ${footprintId} in the case ${theCase.id}`);
    const outcome = await withdrawFootprintsIn(tx, actor, theCase, [footprint], reason, now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'case.footprint_remove',
        recordType: 'case',
        recordId: theCase.id,
        reason,
        detail: {
          footprint: footprint.id,
          value: footprint.value,
          entriesWithdrawn: outcome.entriesWithdrawn,
          entriesHandedOver: outcome.entriesHandedOver,
        },
      },
      now,
    );
  });
  return getCase(ctx, actor, id);
}

export async function transitionCase(
  ctx: Context,
  actor: Actor,
  id: string,
  input: CaseTransitionBody,
): Promise<CaseDetail> {
  const reason = input.reason?.trim() || null;
  if (input.to === 'withdrawn' && (!input.cause || !reason))
    throw new AppError('validation_failed', 'withdrawing a case (撤案) needs a cause and a reason', [
      ...(input.cause ? [] : [{ field: '/cause', message: 'required when withdrawing' }]),
      ...(reason ? [] : [{ field: '/reason', message: 'required when withdrawing' }]),
    ]);
  if (input.to !== 'withdrawn' && input.cause)
    throw new AppError('validation_failed', 'a cause is given only when withdrawing', [
      { field: '/cause', message: 'only for withdrawn' },
    ]);
  await changeCase(ctx, actor, id, async (tx, theCase, now) => {
    const from = theCase.status;
    if (!NEXT_STATUSES[from].includes(input.to))
      throw new AppError(
        'invalid_transition',
        `a case that is ${from} cannot become ${input.to}; next: ${NEXT_STATUSES[from].join(', ') || 'none (final)'}`,
      );
    const moved = await updateCaseStatus(tx, theCase.id, from, input.to, now);
    if (!moved) throw new AppError('conflict', `the case ${theCase.id} changed meanwhile; reload it`);
    await insertTransition(tx, {
      case_id: theCase.id,
      from_status: from,
      to_status: input.to,
      cause: input.cause ?? null,
      reason,
      actor: actorName(actor),
      actor_unit_code: actor.type === 'system' ? null : actor.unitCode,
      at: now,
    });
    // A case closed as a mistake (错案) never was fraud: what it put on the lists goes with it.
    const withdrawal =
      input.to === 'withdrawn' && input.cause === 'mistake'
        ? await withdrawFootprintsIn(
            tx,
            actor,
            theCase,
            await findActiveFootprints(tx, theCase.id),
            `错案撤案：${reason}`,
            now,
          )
        : null;
    await recordAudit(
      tx,
      actor,
      {
        action: 'case.transition',
        recordType: 'case',
        recordId: theCase.id,
        reason: reason ?? undefined,
        detail: {
          from,
          to: input.to,
          cause: input.cause ?? null,
          ...(withdrawal && {
            footprintsRemoved: withdrawal.removed.length,
            entriesWithdrawn: withdrawal.entriesWithdrawn,
            entriesHandedOver: withdrawal.entriesHandedOver,
          }),
        },
      },
      now,
    );
  });
  return getCase(ctx, actor, id);
}
