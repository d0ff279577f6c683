/**
 * When a punishment is in force, for officers (its status) and for partners (the interval in which it
 * is on the list they hold). Pure: every answer is a function of the row and the time asked about, so
 * expiry needs no job and a delta needs no change log.
 */
import type { PunishmentRow } from '../../store/cards-schema.js';

export type PunishmentStatus = 'pending' | 'active' | 'expired' | 'ended' | 'revoked';

type Times = Pick<PunishmentRow, 'starts_at' | 'ends_at' | 'ended_at' | 'end_cause' | 'created_at'>;

const ms = (value: Date | string) => new Date(value).getTime();

export function statusAt(row: Times, now: Date): PunishmentStatus {
  const t = now.getTime();
  if (row.ended_at && ms(row.ended_at) <= t && ms(row.ended_at) < ms(row.ends_at))
    return row.end_cause === 'appeal' ? 'revoked' : 'ended';
  if (ms(row.ends_at) <= t) return 'expired';
  if (ms(row.starts_at) > t) return 'pending';
  return 'active';
}

/**
 * The interval a partner's list holds the punishment: from when it was both recorded and started,
 * until it expires or is ended early. Empty when it was ended before it started.
 */
export function visibleInterval(row: Times): { from: number; until: number } {
  const from = Math.max(ms(row.starts_at), ms(row.created_at));
  const until = Math.min(ms(row.ends_at), row.ended_at ? ms(row.ended_at) : Infinity);
  return { from, until };
}

/** Why a punishment left the partners' list. */
export function removalCause(row: Times): 'expired' | 'ended' | 'revoked' {
  if (row.ended_at && ms(row.ended_at) < ms(row.ends_at))
    return row.end_cause === 'appeal' ? 'revoked' : 'ended';
  return 'expired';
}
