/**
 * Appeals against a punishment (申诉): filed by an officer for the person (or on review), then decided
 * by an analyst — `revoke` ends the punishment at once (partners see it removed), `uphold` leaves it.
 * One open appeal per punishment; an appeal against a punishment that is over is refused.
 */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { actorName, type Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import type { DecideBody } from './schemas.js';
import { endNow, getPunishment, getRow } from './service.js';
import { statusAt } from './status.js';

export async function fileAppeal(ctx: Context, actor: Actor, punishmentId: string, reason: string) {
  authorize(actor, 'punishment.appeal');
  const row = await getRow(ctx, actor, punishmentId);
  const now = ctx.clock.now();
  const status = statusAt(row, now);
  if (status !== 'active' && status !== 'pending')
    throw new AppError('invalid_transition', `this punishment is ${status}: there is nothing to appeal`);
  await ctx.db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('punishment_appeals')
      .values({ punishment_id: row.id, reason: reason.trim(), filed_by: actorName(actor), filed_at: now })
      .onConflict((oc) => oc.column('punishment_id').where('status', '=', 'filed').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('conflict', 'an appeal against this punishment is open already');
    await recordAudit(
      tx,
      actor,
      { action: 'punishment.appeal', recordType: 'punishment', recordId: row.id, reason: reason.trim() },
      now,
    );
  });
  return getPunishment(ctx, actor, row.id);
}

export async function decideAppeal(
  ctx: Context,
  actor: Actor,
  punishmentId: string,
  appealId: string,
  input: DecideBody,
) {
  authorize(actor, 'punishment.manage');
  const row = await getRow(ctx, actor, punishmentId);
  if (!/^[0-9a-f-]{36}$/i.test(appealId)) throw new AppError('not_found', `no appeal ${appealId}`);
  const now = ctx.clock.now();
  const reason = input.reason.trim();
  await ctx.db.transaction().execute(async (tx) => {
    const decided = await tx
      .updateTable('punishment_appeals')
      .set({
        status: input.decision === 'revoke' ? 'revoked' : 'upheld',
        decided_by: actorName(actor),
        decided_at: now,
        decision_reason: reason,
      })
      .where('id', '=', appealId)
      .where('punishment_id', '=', row.id)
      .where('status', '=', 'filed')
      .returning('id')
      .executeTakeFirst();
    if (!decided) throw new AppError('invalid_transition', 'no open appeal with this id on this punishment');
    await recordAudit(
      tx,
      actor,
      {
        action: 'punishment.appeal_decide',
        recordType: 'punishment',
        recordId: row.id,
        reason,
        detail: { appeal: appealId, decision: input.decision },
      },
      now,
    );
    // A revocation ends the punishment; one that expired meanwhile stays expired.
    if (input.decision === 'revoke' && statusAt(row, now) !== 'expired')
      await endNow(tx, actor, row.id, 'appeal', reason, now);
  });
  return getPunishment(ctx, actor, row.id);
}
