/** Queries on the intelligence lists, their entries and their change log. */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type {
  Database,
  IntelChangeRow,
  IntelEntryRow,
  IntelListRow,
  NewIntelEntry,
} from '../../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A list to insert: its fraud type may be left out (none). */
export type NewList = Omit<IntelListRow, 'id' | 'created_at' | 'fraud_type'> & {
  created_at: Date;
  fraud_type?: string | null;
};

export function findLists(db: Db) {
  return db
    .selectFrom('intel_lists')
    .leftJoin('intel_entries', 'intel_entries.list_id', 'intel_lists.id')
    .selectAll('intel_lists')
    .select((eb) => eb.fn.count<string>('intel_entries.id').as('entry_count'))
    .groupBy('intel_lists.id')
    .orderBy('intel_lists.name')
    .execute();
}

export function findList(db: Db, idOrName: string): Promise<IntelListRow | undefined> {
  const byId = /^[0-9a-f-]{36}$/i.test(idOrName);
  return db
    .selectFrom('intel_lists')
    .selectAll()
    .where(byId ? 'id' : 'name', '=', idOrName)
    .executeTakeFirst();
}

export async function insertList(db: Db, list: NewList): Promise<IntelListRow> {
  return db.insertInto('intel_lists').values(list).returningAll().executeTakeFirstOrThrow();
}

export function updateListRow(
  db: Db,
  id: string,
  changes: { title?: string; description?: string | null; fraud_type?: string | null },
): Promise<IntelListRow> {
  return db
    .updateTable('intel_lists')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts a list unless one of that name exists (then undefined): safe when two callers race. */
export function insertListIfAbsent(db: Db, list: NewList): Promise<IntelListRow | undefined> {
  return db
    .insertInto('intel_lists')
    .values(list)
    .onConflict((oc) => oc.column('name').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Adds or replaces entries (same list, value and match); returns the stored rows. */
export async function upsertEntries(db: Db, entries: NewIntelEntry[]): Promise<IntelEntryRow[]> {
  if (entries.length === 0) return [];
  return db
    .insertInto('intel_entries')
    .values(entries)
    .onConflict((oc) =>
      oc.columns(['list_id', 'value', 'match']).doUpdateSet((eb) => ({
        action: eb.ref('excluded.action'),
        confidence: eb.ref('excluded.confidence'),
        source_kind: eb.ref('excluded.source_kind'),
        source_id: eb.ref('excluded.source_id'),
        reason: eb.ref('excluded.reason'),
        added_at: eb.ref('excluded.added_at'),
        expires_at: eb.ref('excluded.expires_at'),
        added_by: eb.ref('excluded.added_by'),
        account_kind: eb.ref('excluded.account_kind'),
      })),
    )
    .returningAll()
    .execute();
}

/**
 * Adds or replaces many entries of one list in one statement (arrays unnested on the server): the
 * import path, an order of magnitude faster than multi-row VALUES. Rows must have distinct values.
 */
export async function bulkUpsertEntries(db: Db, rows: NewIntelEntry[]): Promise<number> {
  if (rows.length === 0) return 0;
  const column = <K extends keyof NewIntelEntry>(key: K) => rows.map((row) => row[key] ?? null);
  const result = await sql`
    INSERT INTO intel_entries (list_id, value, match, account_kind, action, confidence, source_kind, source_id, reason, added_at, expires_at, added_by)
    SELECT t.list_id::uuid, t.value, t.match, t.account_kind, t.action, t.confidence::smallint, t.source_kind, t.source_id, t.reason, t.added_at::timestamptz, t.expires_at::timestamptz, t.added_by
    FROM unnest(${column('list_id')}::text[], ${column('value')}::text[], ${column('match')}::text[], ${column('account_kind')}::text[],
                ${column('action')}::text[], ${column('confidence')}::int[], ${column('source_kind')}::text[], ${column('source_id')}::text[],
                ${column('reason')}::text[], ${rows.map((r) => new Date(r.added_at as Date).toISOString())}::text[],
                ${rows.map((r) => (r.expires_at ? new Date(r.expires_at as Date).toISOString() : null))}::text[], ${column('added_by')}::text[])
      AS t(list_id, value, match, account_kind, action, confidence, source_kind, source_id, reason, added_at, expires_at, added_by)
    ON CONFLICT (list_id, value, match) DO UPDATE SET
      action = excluded.action, confidence = excluded.confidence, source_kind = excluded.source_kind,
      source_id = excluded.source_id, reason = excluded.reason, added_at = excluded.added_at,
      expires_at = excluded.expires_at, added_by = excluded.added_by, account_kind = excluded.account_kind`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? rows.length);
}

export function deleteEntry(
  db: Db,
  listId: string,
  value: string,
  match: IntelEntryRow['match'],
): Promise<IntelEntryRow | undefined> {
  return db
    .deleteFrom('intel_entries')
    .where('list_id', '=', listId)
    .where('value', '=', value)
    .where('match', '=', match)
    .returningAll()
    .executeTakeFirst();
}

/** The entry of a list holding one of the given normalised (value, match) pairs, the first pair first. */
export async function findListedEntry(
  db: Db,
  listId: string,
  candidates: Array<{ value: string; match: IntelEntryRow['match'] }>,
): Promise<IntelEntryRow | undefined> {
  if (candidates.length === 0) return undefined;
  const rows = await db
    .selectFrom('intel_entries')
    .selectAll()
    .where('list_id', '=', listId)
    .where('value', 'in', [...new Set(candidates.map((c) => c.value))])
    .execute();
  for (const candidate of candidates) {
    const row = rows.find((r) => r.value === candidate.value && r.match === candidate.match);
    if (row) return row;
  }
  return undefined;
}

export function findEntryById(db: Db, id: string) {
  return db.selectFrom('intel_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertChanges(
  db: Db,
  changes: Array<{
    at: Date;
    list_id: string;
    op: 'add' | 'remove' | 'bulk';
    kind: string;
    value: string;
    match: string;
    entry: unknown;
    actor: string | null;
    reason: string | null;
  }>,
): Promise<void> {
  if (changes.length === 0) return;
  await db
    .insertInto('intel_changes')
    .values(changes.map((change) => ({ ...change, entry: JSON.stringify(change.entry) })))
    .execute();
}

export interface EntrySearch {
  listId?: string;
  valuePrefix?: string;
  action?: string;
  sourceKind?: string;
  limit: number;
  offset: number;
}

export async function findEntries(db: Db, search: EntrySearch) {
  let query = db
    .selectFrom('intel_entries')
    .innerJoin('intel_lists', 'intel_lists.id', 'intel_entries.list_id');
  if (search.listId) query = query.where('intel_entries.list_id', '=', search.listId);
  if (search.valuePrefix)
    query = query.where('intel_entries.value', 'like', `${search.valuePrefix.replace(/[%_\\]/g, '\\$&')}%`);
  if (search.action) query = query.where('intel_entries.action', '=', search.action as 'block');
  if (search.sourceKind) query = query.where('intel_entries.source_kind', '=', search.sourceKind as 'case');
  const [rows, count] = await Promise.all([
    query
      .selectAll('intel_entries')
      .select(['intel_lists.name as list_name', 'intel_lists.kind as list_kind'])
      .orderBy('intel_entries.added_at', 'desc')
      .orderBy('intel_entries.id', 'desc')
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findChangesOfValue(db: Db, value: string) {
  return db
    .selectFrom('intel_changes')
    .innerJoin('intel_lists', 'intel_lists.id', 'intel_changes.list_id')
    .selectAll('intel_changes')
    .select('intel_lists.name as list_name')
    .where('intel_changes.value', '=', value)
    .orderBy('intel_changes.seq', 'desc')
    .limit(100)
    .execute();
}

/** Entries in id order, a page at a time (snapshot loading never holds two copies of the table). */
export function findEntriesAfter(db: Db, afterId: string, limit: number) {
  return db
    .selectFrom('intel_entries')
    .innerJoin('intel_lists', 'intel_lists.id', 'intel_entries.list_id')
    .selectAll('intel_entries')
    .select(['intel_lists.name as list_name', 'intel_lists.kind as list_kind'])
    .where('intel_entries.id', '>', afterId)
    .orderBy('intel_entries.id')
    .limit(limit)
    .execute();
}

export async function latestChangeSeq(db: Db): Promise<string> {
  const row = await db
    .selectFrom('intel_changes')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return row?.seq ? String(row.seq) : '0';
}

export function findChangesAfter(
  db: Db,
  afterSeq: string,
  limit: number,
): Promise<Array<IntelChangeRow & { list_name: string }>> {
  return db
    .selectFrom('intel_changes')
    .innerJoin('intel_lists', 'intel_lists.id', 'intel_changes.list_id')
    .selectAll('intel_changes')
    .select('intel_lists.name as list_name')
    .where('intel_changes.seq', '>', afterSeq)
    .orderBy('intel_changes.seq')
    .limit(limit)
    .execute();
}

/** Wakes followers on PostgreSQL (LISTEN fanza_intel); PGlite followers poll the change log. */
export async function notifyChangesInStore(db: Db): Promise<void> {
  await sql`SELECT pg_notify('fanzha_intel', '')`.execute(db);
}
