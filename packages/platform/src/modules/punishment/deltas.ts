/**
 * The punishment list as banks and carriers receive it (`GET /api/v1/partner/punishment`, scope
 * `punishment`): a snapshot first, then deltas — the punishments that came into force and those that
 * left it (expired, ended early, revoked on appeal) since the partner's cursor. Computed from each
 * row's visible interval (status.ts), so expiry on the clock shows up without any job or change log.
 *
 * What partners see, and why: the full resident ID number and name, the measure and the period —
 * a bank or carrier must match the person against its customers, and a masked ID cannot be matched
 * (this is how the joint-punishment lists are exchanged in practice). Nothing else: not the reason,
 * the case or the deciding unit, which are police data. Only a key with the `punishment` scope gets
 * it, limited to its unit's subtree, and every export is audited (who, the cursor range, how many
 * adds and removals — not the IDs, which the punishments themselves record).
 *
 * The cursor is the time the answer was computed up to, `DELTA_SETTLE_MS` behind the clock: a
 * punishment saved in a transaction that commits a moment after its recorded time is still picked up
 * by the next delta rather than skipped.
 */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { PunishmentRow } from '../../store/cards-schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/actor.js';
import { hasScope } from '../auth/policy.js';
import type { DeltaQuery } from './schemas.js';
import { findDelta } from './store.js';
import { removalCause } from './status.js';

export const DELTA_SETTLE_MS = 2_000;

export const encodeCursor = (at: Date) => `p${at.getTime().toString(36)}`;

export function decodeCursor(cursor: string): Date {
  const ms = Number.parseInt(cursor.slice(1), 36);
  if (!cursor.startsWith('p') || !Number.isSafeInteger(ms))
    throw new AppError('invalid_argument', 'since is not a cursor of this API');
  return new Date(ms);
}

export async function punishmentDelta(ctx: Context, actor: Actor, query: DeltaQuery) {
  if (!hasScope(actor, 'punishment'))
    throw new AppError('forbidden', 'this API key lacks the scope punishment');
  const now = ctx.clock.now();
  const to = new Date(now.getTime() - DELTA_SETTLE_MS);
  const since = query.since ? decodeCursor(query.since) : null;
  if (since && since.getTime() > now.getTime())
    throw new AppError('invalid_argument', 'since is a cursor from the future: start again without it');
  // Polled again within the settling time: nothing new can be told yet.
  const from = since && since.getTime() > to.getTime() ? to : since;
  const { adds, removals } = await findDelta(ctx.db, actor.unitPath, { from, to }, query.measure);
  const cursor = encodeCursor(to);
  await recordAudit(
    ctx.db,
    actor,
    {
      action: 'punishment.export',
      recordType: 'punishment_list',
      detail: {
        since: query.since ?? null,
        cursor,
        measure: query.measure ?? null,
        snapshot: since === null,
        adds: adds.length,
        removals: removals.length,
      },
    },
    now,
  );
  return {
    cursor,
    snapshot: since === null,
    adds: adds.map(toAdd),
    removals: removals.map(toRemoval),
  };
}

const toAdd = (row: PunishmentRow) => ({
  id: row.id,
  measure: row.measure,
  idNumber: row.id_number,
  name: row.name,
  startsAt: new Date(row.starts_at).toISOString(),
  endsAt: new Date(row.ends_at).toISOString(),
});

const toRemoval = (row: PunishmentRow) => ({
  id: row.id,
  measure: row.measure,
  idNumber: row.id_number,
  cause: removalCause(row),
});
