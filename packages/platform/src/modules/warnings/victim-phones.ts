/**
 * Numbers of people who paid despite a warning (outcome `paid`), closed since a watermark: other
 * modules (caller behaviour) learn which numbers were defrauded without reading the warnings table.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

export async function findPaidWarningPhones(
  db: Kysely<Database>,
  since: Date | null,
): Promise<{ phones: string[]; latest: Date | null }> {
  let query = db
    .selectFrom('warnings')
    .select(['phone', 'closed_at'])
    .where('outcome', '=', 'paid')
    .where('closed_at', 'is not', null);
  if (since) query = query.where('closed_at', '>', since);
  const rows = await query.orderBy('closed_at').limit(100_000).execute();
  return {
    phones: rows.map((row) => row.phone),
    latest: rows.length ? new Date(rows[rows.length - 1]!.closed_at!) : since,
  };
}
