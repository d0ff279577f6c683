/** Streams a list out as CSV, NDJSON or a STIX 2.1 bundle, a page of entries at a time, by value. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Context } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { recordAudit } from '../../audit/index.js';
import type { Actor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import { toEntryView, type IntelEntryView } from '../service.js';
import { findList } from '../store.js';
import type { EntryWithList } from '../to-engine.js';
import { CSV_COLUMNS, type ImportFormat } from './records.js';
import { stixIndicator } from './stix.js';

const PAGE = 10_000;

const csvField = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function csvLine(entry: IntelEntryView): string {
  const row: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
    value: entry.value,
    action: entry.action,
    confidence: entry.confidence,
    source_kind: entry.source.kind,
    source_id: entry.source.id,
    expires_at: entry.expiresAt,
    reason: entry.reason,
    match: entry.match,
    account_kind: entry.accountKind,
  };
  return CSV_COLUMNS.map((column) => csvField(row[column])).join(',');
}

function ndjsonLine(entry: IntelEntryView): string {
  return JSON.stringify({
    value: entry.value,
    action: entry.action,
    confidence: entry.confidence,
    source: entry.source,
    expiresAt: entry.expiresAt,
    reason: entry.reason,
    match: entry.match,
    ...(entry.accountKind ? { accountKind: entry.accountKind } : {}),
  });
}

/**
 * One page of a list after `after`, in the order of the list's unique index (list, value, match): a
 * range scan of that index, whatever the size of the list or of the table. Sorting is switched off
 * for the page: with statistics older than the list (PGlite never analyzes by itself) the planner
 * would otherwise fetch and sort the whole list for every page — seconds a page at 10 million.
 */
function exportPage(ctx: Context, listId: string, after: { value: string; match: string } | null) {
  return ctx.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_sort = off`.execute(tx);
    let query = tx.selectFrom('intel_entries').selectAll().where('list_id', '=', listId);
    if (after) query = query.where(sql<boolean>`(value, match) > (${after.value}, ${after.match})`);
    return query.orderBy('value').orderBy('match').limit(PAGE).execute();
  });
}

export async function* exportList(
  ctx: Context,
  actor: Actor,
  listName: string,
  format: ImportFormat,
): AsyncGenerator<string> {
  authorize(actor, 'intel.read');
  const list = await findList(ctx.db, listName);
  if (!list) throw new AppError('not_found', `no list ${listName}`);
  await recordAudit(
    ctx.db,
    actor,
    {
      action: 'intel.export',
      recordType: 'intel_list',
      recordId: list.id,
      detail: { list: list.name, format },
    },
    ctx.clock.now(),
  );
  if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\n`;
  if (format === 'stix') yield `{"type":"bundle","id":"bundle--${randomUUID()}","objects":[`;
  let after: { value: string; match: string } | null = null;
  let first = true;
  for (;;) {
    const rows = await exportPage(ctx, list.id, after);
    let chunk = '';
    for (const row of rows) {
      const entry = toEntryView({ ...row, list_name: list.name, list_kind: list.kind } as EntryWithList);
      if (format === 'csv') chunk += `${csvLine(entry)}\n`;
      else if (format === 'ndjson') chunk += `${ndjsonLine(entry)}\n`;
      else {
        chunk += `${first ? '' : ','}${JSON.stringify(stixIndicator(list.kind, { ...entry, list: list.name }))}`;
        first = false;
      }
    }
    if (chunk) yield chunk;
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { value: last.value, match: last.match };
  }
  if (format === 'stix') yield ']}\n';
}
