/**
 * Joint punishment (联合惩戒): persons restricted by banks (financial) or carriers (telecom) for a
 * period, decided by a unit, listed masked, ended early with a reason, revealed with a reason (audited).
 * A punishment belongs to its deciding unit; an actor sees those of its subtree only (others are 404).
 */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { PunishmentMeasure } from '../../store/cards-schema.js';
import { recordAudit } from '../audit/index.js';
import { actorName, type Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { checkPerson } from '../cards/index.js';
import { getUnit } from '../org/index.js';
import type { PunishmentBody, PunishmentQuery } from './schemas.js';
import {
  findAppeals,
  findPunishment,
  findPunishments,
  findRunning,
  lockPerson,
  type Db,
  type PunishmentListRow,
} from './store.js';
import { toAppealView, toPunishmentView } from './views.js';

const defaultUnit = (ctx: Context, actor: Actor) =>
  actor.type === 'system' ? `${ctx.config.provinceCode}0000` : actor.unitCode;

export async function addPunishments(ctx: Context, actor: Actor, input: PunishmentBody) {
  authorize(actor, 'punishment.manage');
  const person = checkPerson(input.person);
  if (!person.ok)
    throw new AppError('validation_failed', person.reason, [{ field: '/person', message: person.reason }]);
  const unit = await getUnit(ctx, actor, input.unitCode ?? defaultUnit(ctx, actor));
  const now = ctx.clock.now();
  const startsAt = input.startsAt ? new Date(input.startsAt) : now;
  const endsAt = new Date(input.endsAt);
  if (endsAt.getTime() <= Math.max(startsAt.getTime(), now.getTime()))
    throw new AppError('validation_failed', 'the punishment must end after it starts and after now', [
      { field: '/endsAt', message: 'must be after startsAt and after now' },
    ]);
  const ids = await ctx.db.transaction().execute(async (tx) => {
    await lockPerson(tx, person.idNumber);
    const running = await findRunning(tx, person.idNumber, input.measures as PunishmentMeasure[], now);
    if (running.length)
      throw new AppError(
        'conflict',
        `this person is already under ${running.map((r) => r.measure).join(' and ')} punishment`,
      );
    const rows = await tx
      .insertInto('punishments')
      .values(
        input.measures.map((measure) => ({
          measure,
          id_number: person.idNumber,
          name: person.name,
          reason: input.reason.trim(),
          case_id: input.caseId?.trim() || null,
          unit_code: unit.code,
          starts_at: startsAt,
          ends_at: endsAt,
          created_by: actorName(actor),
          created_at: now,
        })),
      )
      .returning(['id', 'measure'])
      .execute();
    for (const row of rows)
      await recordAudit(
        tx,
        actor,
        {
          action: 'punishment.add',
          recordType: 'punishment',
          recordId: row.id,
          detail: { measure: row.measure, unit: unit.code, endsAt: endsAt.toISOString() },
        },
        now,
      );
    return rows.map((row) => row.id);
  });
  const items = await Promise.all(ids.map((id) => getRow(ctx, actor, id)));
  return { items: items.map((row) => toPunishmentView(row, now)) };
}

export async function listPunishments(ctx: Context, actor: Actor, query: PunishmentQuery) {
  authorize(actor, 'punishment.read');
  const now = ctx.clock.now();
  const unitPath = query.unit ? (await getUnit(ctx, actor, query.unit)).path : undefined;
  const { rows, total } = await findPunishments(ctx.db, actor.unitPath, {
    status: query.status ?? 'active',
    measure: query.measure,
    unitPath,
    idNumber: query.idNumber?.trim().toUpperCase(),
    now,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map((row) => toPunishmentView(row, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getRow(ctx: Context, actor: Actor, id: string): Promise<PunishmentListRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findPunishment(ctx.db, actor.unitPath, id) : undefined;
  if (!row) throw new AppError('not_found', `no punishment ${id} in your part of the org tree`);
  return row;
}

export async function getPunishment(ctx: Context, actor: Actor, id: string) {
  authorize(actor, 'punishment.read');
  const row = await getRow(ctx, actor, id);
  const appeals = await findAppeals(ctx.db, row.id);
  return { ...toPunishmentView(row, ctx.clock.now()), appeals: appeals.map(toAppealView) };
}

/** Ends a punishment now (提前解除), before it expires; partners see it removed in their next delta. */
export async function endPunishment(ctx: Context, actor: Actor, id: string, reason: string) {
  authorize(actor, 'punishment.manage');
  const row = await getRow(ctx, actor, id);
  await ctx.db
    .transaction()
    .execute((tx) => endNow(tx, actor, row.id, 'ended', reason.trim(), ctx.clock.now()));
  return getPunishment(ctx, actor, id);
}

/** Sets the end of a running or pending punishment to now (in the caller's transaction); 409 when it is over already. */
export async function endNow(
  tx: Db,
  actor: Actor,
  id: string,
  cause: 'ended' | 'appeal',
  reason: string,
  now: Date,
): Promise<void> {
  const updated = await tx
    .updateTable('punishments')
    .set({ ended_at: now, end_cause: cause, end_reason: reason, ended_by: actorName(actor) })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .where('ends_at', '>', now)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw new AppError('invalid_transition', 'this punishment is over already');
  await recordAudit(
    tx,
    actor,
    { action: 'punishment.end', recordType: 'punishment', recordId: id, reason, detail: { cause } },
    now,
  );
}

export async function revealPunishment(
  ctx: Context,
  actor: Actor,
  id: string,
  reason: string,
  ip: string | null,
) {
  authorize(actor, 'punishment.reveal');
  const row = await getRow(ctx, actor, id);
  await recordAudit(
    ctx.db,
    actor,
    {
      action: 'personal_data.reveal',
      recordType: 'punishment',
      recordId: row.id,
      reason: reason.trim(),
      ip,
      detail: { fields: ['name', 'idNumber'] },
    },
    ctx.clock.now(),
  );
  return { id: row.id, name: row.name, idNumber: row.id_number };
}
