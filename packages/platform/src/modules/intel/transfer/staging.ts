/**
 * The staging table of one import: rows are checked and appended to a temporary table (no indexes
 * but its sequence key, so appending stays cheap whatever the list holds), and only once the whole
 * file is known to be good are they merged into `intel_entries`, a chunk at a time in file order.
 * A bad row at the end of a big file therefore costs one read of the file, not millions of written
 * and rolled-back entries (dead rows PostgreSQL would have to vacuum).
 *
 * Everything runs inside the import's transaction: the table is dropped at commit or rollback, and
 * is private to the session, so imports running side by side do not see each other's rows.
 */
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database, IntelListRow, NewIntelEntry } from '../../../store/schema.js';

type Tx = Transaction<Database>;

/** The staged fields of an entry; the list, the time and the actor are the import's. */
export type StagedEntry = Pick<
  NewIntelEntry,
  | 'value'
  | 'match'
  | 'account_kind'
  | 'action'
  | 'confidence'
  | 'source_kind'
  | 'source_id'
  | 'reason'
  | 'expires_at'
>;

export async function createStage(tx: Tx): Promise<void> {
  await sql`CREATE TEMPORARY TABLE intel_import_stage (
    seq bigint PRIMARY KEY, value text NOT NULL, match text NOT NULL, account_kind text, action text NOT NULL,
    confidence smallint NOT NULL, source_kind text NOT NULL, source_id text NOT NULL, reason text,
    expires_at timestamptz
  ) ON COMMIT DROP`.execute(tx);
  // The merge sorts a chunk by value; keep that sort in memory.
  await sql`SET LOCAL work_mem = '64MB'`.execute(tx);
}

/** Appends rows numbered from `firstSeq` on, in one statement (arrays unnested on the server). */
export async function appendToStage(tx: Tx, firstSeq: number, rows: StagedEntry[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof StagedEntry>(key: K) => rows.map((row) => row[key] ?? null);
  const expiresAt = rows.map((row) => (row.expires_at ? new Date(row.expires_at).toISOString() : null));
  await sql`
    INSERT INTO intel_import_stage
    SELECT ${firstSeq}::bigint + t.n - 1, t.value, t.match, t.account_kind, t.action, t.confidence::smallint,
           t.source_kind, t.source_id, t.reason, t.expires_at::timestamptz
    FROM unnest(${column('value')}::text[], ${column('match')}::text[], ${column('account_kind')}::text[],
                ${column('action')}::text[], ${column('confidence')}::int[], ${column('source_kind')}::text[],
                ${column('source_id')}::text[], ${column('reason')}::text[], ${expiresAt}::text[])
      WITH ORDINALITY AS t(value, match, account_kind, action, confidence, source_kind, source_id, reason, expires_at, n)`.execute(
    tx,
  );
}

/**
 * Adds or replaces the staged rows `fromSeq` ≤ seq < `toSeq` in the list. Within the chunk the last
 * row of a value wins (one statement may not update a row twice); chunks go in file order, so a
 * later chunk's row replaces an earlier one's, and the last row of the file wins, as it reads.
 * Returns the entries added or replaced.
 */
export async function mergeStage(
  tx: Tx,
  list: IntelListRow,
  fromSeq: number,
  toSeq: number,
  addedAt: Date,
  addedBy: string,
): Promise<number> {
  const result = await sql`
    INSERT INTO intel_entries (list_id, value, match, account_kind, action, confidence, source_kind, source_id, reason, added_at, expires_at, added_by)
    SELECT DISTINCT ON (s.value, s.match) ${list.id}::uuid, s.value, s.match, s.account_kind, s.action, s.confidence,
           s.source_kind, s.source_id, s.reason, ${addedAt.toISOString()}::timestamptz, s.expires_at, ${addedBy}::text
    FROM intel_import_stage s
    WHERE s.seq >= ${fromSeq} AND s.seq < ${toSeq}
    ORDER BY s.value, s.match, s.seq DESC
    ON CONFLICT (list_id, value, match) DO UPDATE SET
      action = excluded.action, confidence = excluded.confidence, source_kind = excluded.source_kind,
      source_id = excluded.source_id, reason = excluded.reason, added_at = excluded.added_at,
      expires_at = excluded.expires_at, added_by = excluded.added_by, account_kind = excluded.account_kind`.execute(
    tx,
  );
  return Number(result.numAffectedRows ?? 0);
}
