/**
 * Money frozen (冻结) on the accounts of a case: an officer of the case's subtree records a freeze the
 * bank made on an account footprint (amount, time, the notice's number). Each freeze is a row of its
 * own and an audit row, in one transaction under the case's lock; the footprint's answer shows the sum.
 * The special operations read the sums through `sumFrozenMoney` (figures.ts). Freezes are not lifted
 * here: a freeze released later (解冻) is still money the operation froze.
 */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { actorName, actorUnitCode, type Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import type { CaseDetail, FreezeBody } from './schemas.js';
import { getCase, getCaseRow } from './service.js';
import { findActiveFootprints, lockCase, touchCase } from './store.js';

/** A freeze may be dated a little ahead of the server's clock (clocks of officers' machines drift). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export async function freezeFootprint(
  ctx: Context,
  actor: Actor,
  caseId: string,
  footprintId: string,
  input: FreezeBody,
): Promise<CaseDetail> {
  authorize(actor, 'cases.write');
  const row = await getCaseRow(ctx, actor, caseId);
  if (!/^\d{1,18}$/.test(footprintId)) throw new AppError('not_found', `no footprint ${footprintId}`);
  const now = ctx.clock.now();
  const frozenAt = new Date(input.frozenAt);
  if (frozenAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    throw new AppError('validation_failed', 'the freeze is dated in the future', [
      { field: '/frozenAt', message: 'must not be after now' },
    ]);
  await ctx.db.transaction().execute(async (tx) => {
    const locked = await lockCase(tx, row.id);
    if (!locked) throw new AppError('not_found', `no case ${caseId}`);
    if (locked.status === 'withdrawn')
      throw new AppError('invalid_transition', `the case ${row.id} is withdrawn; nothing is frozen for it`);
    const [footprint] = await findActiveFootprints(tx, row.id, [footprintId]);
    if (!footprint)
      throw new AppError('not_found', `no active footprint ${footprintId} in the case ${row.id}`);
    if (footprint.kind !== 'account')
      throw new AppError('validation_failed', 'only an account footprint holds money to freeze', [
        { field: '/footprint', message: `footprint ${footprintId} is a ${footprint.kind}` },
      ]);
    const freeze = await tx
      .insertInto('case_account_freezes')
      .values({
        footprint_id: footprint.id,
        case_id: row.id,
        amount: input.amount,
        frozen_at: frozenAt,
        reference: input.reference?.trim() || null,
        note: input.note?.trim() || null,
        unit_code: actorUnitCode(actor),
        created_by: actorName(actor),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCase(tx, row.id, now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'case.freeze',
        recordType: 'case',
        recordId: row.id,
        detail: {
          freeze: String(freeze.id),
          footprint: footprint.id,
          account: footprint.value,
          amount: input.amount,
          frozenAt: frozenAt.toISOString(),
          reference: input.reference ?? null,
        },
      },
      now,
    );
  });
  return getCase(ctx, actor, row.id);
}
