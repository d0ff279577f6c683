/**
 * The intelligence lists: create lists, add and remove entries one by one or in bulk, search them
 * and read an entry's history. Every change is normalised by the engine, written together with its
 * change-log row (the version history and the feed of the screening nodes) and audited. A bulk change
 * is all or nothing: one bad value and nothing is written, with every bad value reported.
 */
import { isFraudType, type FraudType } from '@fanzha/engine';
import type { Context } from '../../context.js';
import { AppError, type FieldError } from '../../errors.js';
import type { IntelEntryRow, IntelListRow, NewIntelEntry } from '../../store/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/actor.js';
import { actorName } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { getUnit } from '../org/index.js';
import { MATCHES_BY_KIND, normalizeEntryValue, type EntryMatch, type ListKind } from './normalize.js';
import {
  deleteEntry,
  findChangesOfValue,
  findEntries,
  findList,
  findLists,
  insertChanges,
  insertList,
  insertListIfAbsent,
  updateListRow,
  upsertEntries,
} from './store.js';
import { notifyChanges } from './signal.js';
import { toEngineEntry, type EntryWithList } from './to-engine.js';

export const MAX_ENTRIES_PER_REQUEST = 10_000;

export interface IntelList {
  id: string;
  name: string;
  title: string;
  kind: ListKind;
  defaultAction: 'block' | 'mark' | 'allow';
  description: string | null;
  unitCode: string;
  fraudType: FraudType | null;
  entryCount: number;
  createdAt: string;
}

const toList = (row: IntelListRow & { entry_count?: string | number }): IntelList => ({
  id: row.id,
  name: row.name,
  title: row.title,
  kind: row.kind,
  defaultAction: row.default_action,
  description: row.description,
  unitCode: row.unit_code,
  fraudType: row.fraud_type && isFraudType(row.fraud_type) ? row.fraud_type : null,
  entryCount: Number(row.entry_count ?? 0),
  createdAt: new Date(row.created_at).toISOString(),
});

export async function listLists(ctx: Context, actor: Actor): Promise<IntelList[]> {
  authorize(actor, 'intel.read');
  return (await findLists(ctx.db)).map(toList);
}

export interface ListCreateInput {
  name: string;
  title: string;
  kind: ListKind;
  defaultAction: 'block' | 'mark' | 'allow';
  description?: string;
  unitCode?: string;
  fraudType?: FraudType;
}

export async function createList(ctx: Context, actor: Actor, input: ListCreateInput): Promise<IntelList> {
  authorize(actor, 'intel.write');
  const unitCode =
    input.unitCode ?? (actor.type === 'system' ? `${ctx.config.provinceCode}0000` : actor.unitCode);
  await getUnit(ctx, actor, unitCode);
  if (await findList(ctx.db, input.name)) throw new AppError('conflict', `a list named ${input.name} exists`);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const row = await insertList(tx, {
      name: input.name,
      title: input.title,
      kind: input.kind,
      default_action: input.defaultAction,
      description: input.description ?? null,
      unit_code: unitCode,
      fraud_type: input.fraudType ?? null,
      created_by: actorName(actor),
      created_at: now,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'intel.list_create',
        recordType: 'intel_list',
        recordId: row.id,
        detail: { name: row.name, kind: row.kind },
      },
      now,
    );
    return toList(row);
  });
}

export interface ListUpdateInput {
  title?: string;
  description?: string | null;
  fraudType?: FraudType | null;
}

/** Changes a list's title, description or fraud type (not its kind, action or owner). */
export async function updateList(
  ctx: Context,
  actor: Actor,
  idOrName: string,
  input: ListUpdateInput,
): Promise<IntelList> {
  authorize(actor, 'intel.write');
  const list = await getWritableList(ctx, actor, idOrName);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (tx) => {
    const updated = await updateListRow(tx, list.id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.fraudType !== undefined ? { fraud_type: input.fraudType } : {}),
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'intel.list_update',
        recordType: 'intel_list',
        recordId: list.id,
        detail: { name: list.name, changed: Object.keys(input) },
      },
      now,
    );
    return updated;
  });
  // The warnings' enrichment reads the lists' fraud types; it reloads them when it hears this.
  await notifyChanges(ctx);
  const entries = await ctx.db
    .selectFrom('intel_entries')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('list_id', '=', list.id)
    .executeTakeFirstOrThrow();
  return toList({ ...row, entry_count: entries.n });
}

/** A list the actor may change: one owned by a unit of the actor's subtree. Others are read-only (403). */
export async function getWritableList(ctx: Context, actor: Actor, idOrName: string): Promise<IntelListRow> {
  const list = await findList(ctx.db, idOrName);
  if (!list) throw new AppError('not_found', `no list ${idOrName}`);
  if (actor.type !== 'system') {
    const owned = await ctx.db
      .selectFrom('units')
      .select('code')
      .where('code', '=', list.unit_code)
      .where('path', 'like', `${actor.unitPath}%`)
      .executeTakeFirst();
    if (!owned)
      throw new AppError(
        'forbidden',
        `the list ${list.name} belongs to unit ${list.unit_code}, outside your part of the org tree`,
      );
  }
  return list;
}

export interface EntryInput {
  value: string;
  match?: EntryMatch;
  accountKind?: string;
  action?: 'block' | 'mark' | 'allow';
  confidence?: number;
  source?: { kind: 'case' | 'report' | 'partner' | 'rule'; id: string };
  expiresAt?: string | null;
  reason?: string;
}

export interface PreparedEntries {
  rows: NewIntelEntry[];
  errors: Array<{ index: number; value: string; reason: string }>;
}

/** Normalises inputs for a list; bad ones are reported by position, never thrown. */
export function prepareEntries(
  list: IntelListRow,
  inputs: EntryInput[],
  actor: Actor,
  now: Date,
  firstIndex = 0,
): PreparedEntries {
  const rows: NewIntelEntry[] = [];
  const errors: PreparedEntries['errors'] = [];
  inputs.forEach((input, offset) => {
    const index = firstIndex + offset;
    const normalized = normalizeEntryValue(list.kind, input.value, input.match, input.accountKind);
    if (!normalized.ok) return errors.push({ index, value: String(input.value), reason: normalized.reason });
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && Number.isNaN(expiresAt.getTime()))
      return errors.push({ index, value: input.value, reason: 'bad_expires_at' });
    const confidence = input.confidence ?? (list.default_action === 'mark' ? 60 : 90);
    if (!Number.isInteger(confidence) || confidence < 0 || confidence > 100)
      return errors.push({ index, value: input.value, reason: 'bad_confidence' });
    rows.push({
      list_id: list.id,
      value: normalized.value,
      match: normalized.match,
      account_kind: normalized.accountKind,
      action: input.action ?? list.default_action,
      confidence,
      source_kind: input.source?.kind ?? 'report',
      source_id: input.source?.id ?? `manual:${actorName(actor)}`,
      reason: input.reason ?? null,
      added_at: now,
      expires_at: expiresAt,
      added_by: actorName(actor),
    });
  });
  return { rows, errors };
}

export function entryErrors(errors: PreparedEntries['errors']): FieldError[] {
  return errors
    .slice(0, 1000)
    .map((e) => ({ field: `/entries/${e.index}/value`, message: `${e.reason}: ${e.value.slice(0, 100)}` }));
}

/** Writes prepared rows with their change-log rows inside the caller's transaction. */
export async function writeEntries(
  tx: Parameters<typeof upsertEntries>[0],
  list: IntelListRow,
  rows: NewIntelEntry[],
  actor: Actor,
  now: Date,
): Promise<number> {
  const stored = await upsertEntries(tx, rows);
  await insertChanges(
    tx,
    stored.map((row) => ({
      at: now,
      list_id: list.id,
      op: 'add' as const,
      kind: list.kind,
      value: row.value,
      match: row.match,
      entry: toEngineEntry({ ...row, list_name: list.name, list_kind: list.kind }),
      actor: actorName(actor),
      reason: row.reason,
    })),
  );
  return stored.length;
}

export async function addEntries(ctx: Context, actor: Actor, listIdOrName: string, inputs: EntryInput[]) {
  authorize(actor, 'intel.write');
  if (inputs.length > MAX_ENTRIES_PER_REQUEST)
    throw new AppError(
      'payload_too_large',
      `at most ${MAX_ENTRIES_PER_REQUEST} entries per request; use an import for more`,
    );
  const list = await getWritableList(ctx, actor, listIdOrName);
  const now = ctx.clock.now();
  const { rows, errors } = prepareEntries(list, inputs, actor, now);
  if (errors.length)
    throw new AppError(
      'validation_failed',
      `${errors.length} of ${inputs.length} entries are not valid; nothing was added`,
      entryErrors(errors),
    );
  const added = await ctx.db.transaction().execute(async (tx) => {
    const count = await writeEntries(tx, list, rows, actor, now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'intel.entries_add',
        recordType: 'intel_list',
        recordId: list.id,
        detail: { list: list.name, count, sample: rows.slice(0, 5).map((r) => r.value) },
      },
      now,
    );
    return count;
  });
  await notifyChanges(ctx);
  return { added };
}

export async function removeEntry(
  ctx: Context,
  actor: Actor,
  listIdOrName: string,
  input: { value: string; match?: EntryMatch; accountKind?: string; reason: string },
) {
  authorize(actor, 'intel.write');
  const list = await getWritableList(ctx, actor, listIdOrName);
  const normalized = normalizeEntryValue(
    list.kind,
    input.value,
    input.match ?? MATCHES_BY_KIND[list.kind][0],
    input.accountKind,
  );
  if (!normalized.ok)
    throw new AppError('validation_failed', `the value is not valid: ${normalized.reason}`, [
      { field: '/value', message: normalized.reason },
    ]);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const removed = await removeEntryIn(
      tx,
      list,
      normalized.value,
      normalized.match,
      actor,
      input.reason,
      now,
    );
    if (!removed) throw new AppError('not_found', `${normalized.value} is not on the list ${list.name}`);
  });
  await notifyChanges(ctx);
  return { removed: 1 };
}

/**
 * Withdraws one normalised entry with its change-log and audit rows inside the caller's transaction;
 * undefined if it is not on the list. The caller calls `notifyChanges` after the commit.
 */
export async function removeEntryIn(
  tx: Parameters<typeof deleteEntry>[0],
  list: IntelListRow,
  value: string,
  match: EntryMatch,
  actor: Actor,
  reason: string,
  now: Date,
): Promise<IntelEntryRow | undefined> {
  const removed = await deleteEntry(tx, list.id, value, match);
  if (!removed) return undefined;
  await insertChanges(tx, [
    {
      at: now,
      list_id: list.id,
      op: 'remove',
      kind: list.kind,
      value: removed.value,
      match: removed.match,
      entry: toEngineEntry({ ...removed, list_name: list.name, list_kind: list.kind }),
      actor: actorName(actor),
      reason,
    },
  ]);
  await recordAudit(
    tx,
    actor,
    {
      action: 'intel.entry_remove',
      recordType: 'intel_entry',
      recordId: String(removed.id),
      reason,
      detail: { list: list.name, value: removed.value },
    },
    now,
  );
  return removed;
}

/**
 * The list of this name, created (and audited) inside the caller's transaction if it does not exist
 * yet; concurrent callers get the same list. For lists the platform keeps itself, e.g. appeal allow lists.
 */
export async function ensureListIn(
  tx: Parameters<typeof insertListIfAbsent>[0],
  actor: Actor,
  input: ListCreateInput & { unitCode: string },
  now: Date,
): Promise<IntelListRow> {
  const created = await insertListIfAbsent(tx, {
    name: input.name,
    title: input.title,
    kind: input.kind,
    default_action: input.defaultAction,
    description: input.description ?? null,
    unit_code: input.unitCode,
    created_by: actorName(actor),
    created_at: now,
  });
  if (!created) return (await findList(tx, input.name))!;
  await recordAudit(
    tx,
    actor,
    {
      action: 'intel.list_create',
      recordType: 'intel_list',
      recordId: created.id,
      detail: { name: created.name, kind: created.kind },
    },
    now,
  );
  return created;
}

export interface IntelEntryView {
  id: string;
  list: string;
  kind: ListKind;
  value: string;
  match: EntryMatch;
  accountKind: string | null;
  action: 'block' | 'mark' | 'allow';
  confidence: number;
  source: { kind: string; id: string };
  reason: string | null;
  addedAt: string;
  addedBy: string | null;
  expiresAt: string | null;
}

export const toEntryView = (row: EntryWithList): IntelEntryView => ({
  id: String(row.id),
  list: row.list_name,
  kind: row.list_kind,
  value: row.value,
  match: row.match,
  accountKind: row.account_kind,
  action: row.action,
  confidence: row.confidence,
  source: { kind: row.source_kind, id: row.source_id },
  reason: row.reason,
  addedAt: new Date(row.added_at).toISOString(),
  addedBy: row.added_by,
  expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : null,
});

export interface EntryFilter {
  page: number;
  pageSize: number;
  list?: string;
  q?: string;
  action?: string;
  sourceKind?: string;
}

export async function searchEntries(ctx: Context, actor: Actor, filter: EntryFilter) {
  authorize(actor, 'intel.read');
  let listId: string | undefined;
  if (filter.list) {
    const list = await findList(ctx.db, filter.list);
    if (!list) throw new AppError('not_found', `no list ${filter.list}`);
    listId = list.id;
  }
  const { rows, total } = await findEntries(ctx.db, {
    listId,
    valuePrefix: filter.q ? searchPrefix(filter.q) : undefined,
    action: filter.action,
    sourceKind: filter.sourceKind,
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return {
    items: rows.map((row) => toEntryView(row as EntryWithList)),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** People search the way they write: "138 1234" or "ICBC-login"; stored values are normalised. */
function searchPrefix(q: string): string {
  const text = q.trim();
  if (/^[+\d\s()-]+$/.test(text)) {
    const digits = text.replace(/[^\d+]/g, '');
    if (digits.startsWith('+')) return digits;
    if (/^1[3-9]/.test(digits)) return `+86${digits}`;
    return digits;
  }
  return text.toLowerCase();
}

export async function entryHistory(ctx: Context, actor: Actor, value: string) {
  authorize(actor, 'intel.read');
  const rows = await findChangesOfValue(ctx.db, value);
  return rows.map((row) => ({
    seq: String(row.seq),
    at: new Date(row.at).toISOString(),
    list: row.list_name,
    op: row.op,
    actor: row.actor,
    reason: row.reason,
  }));
}
