/**
 * Victims' numbers of cases recorded since a watermark: other modules (caller behaviour) learn which
 * numbers were defrauded without reading the cases table themselves. Withdrawn cases do not count.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

export interface VictimPhones {
  phones: string[];
  /** The newest `created_at` read: pass it back as `since` next time. */
  latest: Date | null;
}

export async function findCaseVictimPhones(db: Kysely<Database>, since: Date | null): Promise<VictimPhones> {
  let query = db
    .selectFrom('cases')
    .select(['victim_phone', 'created_at'])
    .where('victim_phone', 'is not', null)
    .where('status', '!=', 'withdrawn');
  if (since) query = query.where('created_at', '>', since);
  const rows = await query.orderBy('created_at').limit(100_000).execute();
  return {
    phones: rows.map((row) => row.victim_phone!),
    latest: rows.length ? new Date(rows[rows.length - 1]!.created_at) : since,
  };
}
