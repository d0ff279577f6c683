/**
 * Footprints becoming intelligence and being withdrawn, inside the caller's transaction. Every entry
 * change goes through the intel module's public functions (normalisation, change log, audit); the
 * caller signals the change (`notifyChanges`) after its commit. This file never writes intel tables.
 *
 * One listed value may be held by several cases: its entry names the latest case that reported it.
 * Withdrawing a footprint removes the entry only if it names this case and no other active footprint
 * holds the value; otherwise the entry is handed to the case that still holds it.
 */
import { FRAUD_TYPE_LABELS, isFraudType } from '@fanzha/engine';
import type { Context } from '../../context.js';
import { AppError, type FieldError } from '../../errors.js';
import type { CaseFootprintRow, NewCaseFootprint } from '../../store/cases-schema.js';
import type { IntelListRow } from '../../store/schema.js';
import { recordAudit } from '../audit/index.js';
import { actorName, type Actor } from '../auth/actor.js';
import {
  ensureListIn,
  findList,
  findListedEntry,
  prepareEntries,
  removeEntryIn,
  writeEntries,
  type EntryInput,
  type EntryMatch,
  type ListKind,
} from '../intel/index.js';
import {
  CASE_LISTS,
  DEFAULT_CONFIDENCE,
  entryActionFor,
  normalizeFootprint,
  type FootprintKind,
} from './footprint-kinds.js';
import type { FootprintInput } from './schemas.js';
import { cardFootprintsChanged } from './card-footprints.js';
import { findOtherHolder, insertFootprints, markFootprintsRemoved, type Db } from './store.js';

export interface PreparedFootprint {
  input: FootprintInput;
  kind: FootprintKind;
  accountKind: string | null;
  value: string;
  listKind: ListKind | null;
  match: EntryMatch | null;
  action: 'block' | 'mark' | null;
  confidence: number;
}

/** Normalises footprints; every bad one is reported with where it is (`/footprints/2/value`), none thrown. */
export function prepareFootprints(
  inputs: FootprintInput[],
  where: (index: number) => { field: string; name: string } = (index) => ({
    field: `/footprints/${index}/value`,
    name: `footprint ${index}`,
  }),
): { footprints: PreparedFootprint[]; errors: FieldError[] } {
  const footprints: PreparedFootprint[] = [];
  const errors: FieldError[] = [];
  inputs.forEach((input, index) => {
    const normalized = normalizeFootprint(input.kind, input.value, input.accountKind);
    if (!normalized.ok) {
      const { field, name } = where(index);
      errors.push({
        field,
        message: `${name} (${input.kind}) is not valid: ${normalized.reason}`,
        code: 'footprint_invalid',
        params: { kind: input.kind, reason: normalized.reason },
      });
      return;
    }
    const confidence = input.confidence ?? DEFAULT_CONFIDENCE;
    footprints.push({
      input,
      kind: normalized.kind,
      accountKind: normalized.accountKind,
      value: normalized.value,
      listKind: normalized.listKind,
      match: normalized.match,
      action: normalized.listKind ? entryActionFor(confidence, normalized.markOnly) : null,
      confidence,
    });
  });
  return { footprints, errors };
}

const KIND_LABELS: Record<FootprintKind, string> = {
  number: '号码',
  sms: '短信发送号码',
  domain: '域名',
  url: '网址',
  account: '账户',
  qq: 'QQ',
  wechat: '微信',
  app: '应用',
  imei: '设备',
};

/** The entry's reason: which case and fraud type put the value there, readable in a verdict. */
function entryReason(caseId: string, fraudType: string, kind: FootprintKind): string {
  const label = isFraudType(fraudType) ? FRAUD_TYPE_LABELS[fraudType] : '其他';
  return `案件 ${caseId}（${label}）涉案${KIND_LABELS[kind]}`;
}

interface CaseRef {
  id: string;
  fraud_type: string;
}

/** The case list of a kind, created for the provincial center on first use. */
async function caseList(
  ctx: Context,
  tx: Db,
  actor: Actor,
  kind: ListKind,
  now: Date,
): Promise<IntelListRow> {
  const list = await ensureListIn(
    tx,
    actor,
    {
      name: CASE_LISTS[kind].name,
      title: CASE_LISTS[kind].title,
      kind,
      defaultAction: 'block',
      description: '案件涉案线索（由案件模块维护）',
      unitCode: `${ctx.config.provinceCode}0000`,
    },
    now,
  );
  if (list.kind !== kind)
    throw new AppError('conflict', `the list ${list.name} exists but does not hold ${kind} values`);
  return list;
}

/** Stores the footprints of a case and puts each screenable one on its case list. */
export async function addFootprintsIn(
  ctx: Context,
  tx: Db,
  actor: Actor,
  theCase: CaseRef,
  footprints: PreparedFootprint[],
  now: Date,
): Promise<CaseFootprintRow[]> {
  const lists = new Map<ListKind, IntelListRow>();
  for (const kind of new Set(footprints.map((f) => f.listKind).filter((k) => k !== null)))
    lists.set(kind, await caseList(ctx, tx, actor, kind, now));
  const rows: NewCaseFootprint[] = footprints.map((footprint) => ({
    case_id: theCase.id,
    kind: footprint.kind,
    account_kind: footprint.accountKind,
    raw_value: footprint.input.value,
    value: footprint.value,
    list_id: footprint.listKind ? lists.get(footprint.listKind)!.id : null,
    match: footprint.match,
    action: footprint.action,
    confidence: footprint.confidence,
    amount: footprint.input.amount ?? null,
    occurred_at: footprint.input.occurredAt ?? null,
    note: footprint.input.note?.trim() || null,
    created_by: actorName(actor),
    created_at: now,
  }));
  const stored = await insertFootprints(tx, rows);
  for (const [kind, list] of lists) {
    const mine = footprints.filter((f) => f.listKind === kind);
    await listFootprints(tx, actor, list, theCase, mine, now);
  }
  await cardFootprintsChanged(tx, [theCase.id], now);
  return stored;
}

async function listFootprints(
  tx: Db,
  actor: Actor,
  list: IntelListRow,
  theCase: CaseRef,
  footprints: PreparedFootprint[],
  now: Date,
): Promise<void> {
  // One entry per value: the strongest footprint of the value speaks for it.
  const byValue = new Map<string, PreparedFootprint>();
  for (const footprint of footprints) {
    const key = `${footprint.match}\u0000${footprint.value}`;
    const held = byValue.get(key);
    if (!held || strength(footprint) > strength(held)) byValue.set(key, footprint);
  }
  const inputs: EntryInput[] = [];
  for (const footprint of byValue.values()) {
    const existing = await findListedEntry(tx, list.id, [
      { value: footprint.value, match: footprint.match! },
    ]);
    // A value that already blocks is not weakened to a mark by a less certain report.
    if (existing?.action === 'block' && footprint.action === 'mark') continue;
    inputs.push(entryInput(theCase, { ...footprint, rawValue: footprint.input.value }));
  }
  await putOnList(tx, actor, list, inputs, now, { case: theCase.id });
}

/** Writes entries with their change-log rows (intel module) and one audit row naming the case. */
async function putOnList(
  tx: Db,
  actor: Actor,
  list: IntelListRow,
  inputs: EntryInput[],
  now: Date,
  detail: Record<string, unknown>,
): Promise<void> {
  if (inputs.length === 0) return;
  const { rows, errors } = prepareEntries(list, inputs, actor, now);
  // Values were normalised when the footprints were taken; failing now is a bug, not bad input.
  if (errors.length) throw new Error(`footprints for ${list.name} no longer normalise: ${errors[0]!.reason}`);
  const count = await writeEntries(tx, list, rows, actor, now);
  await recordAudit(
    tx,
    actor,
    {
      action: 'intel.entries_add',
      recordType: 'intel_list',
      recordId: list.id,
      detail: { list: list.name, count, sample: rows.slice(0, 5).map((r) => r.value), ...detail },
    },
    now,
  );
}

const strength = (f: { action: string | null; confidence: number }) =>
  (f.action === 'block' ? 1000 : 0) + f.confidence;

interface EntrySpec {
  kind: FootprintKind;
  /** As the officer wrote it: the intel module normalises it again, the same way. */
  rawValue: string;
  match: EntryMatch | null;
  accountKind: string | null;
  action: 'block' | 'mark' | null;
  confidence: number;
}

function entryInput(theCase: CaseRef, spec: EntrySpec): EntryInput {
  return {
    value: spec.rawValue,
    match: spec.match!,
    accountKind: spec.accountKind ?? undefined,
    action: spec.action!,
    confidence: spec.confidence,
    source: { kind: 'case', id: theCase.id },
    reason: entryReason(theCase.id, theCase.fraud_type, spec.kind),
  };
}

/**
 * Marks footprints of a case removed and withdraws what they put on the lists: an entry naming this
 * case goes, unless another active footprint still holds the value (then that case becomes its source).
 */
export async function withdrawFootprintsIn(
  tx: Db,
  actor: Actor,
  theCase: CaseRef,
  footprints: CaseFootprintRow[],
  reason: string,
  now: Date,
): Promise<{ removed: CaseFootprintRow[]; entriesWithdrawn: number; entriesHandedOver: number }> {
  const removed = await markFootprintsRemoved(
    tx,
    footprints.map((f) => f.id),
    { removed_by: actorName(actor), removed_at: now, removal_reason: reason },
  );
  if (removed.length) await cardFootprintsChanged(tx, [theCase.id], now);
  let entriesWithdrawn = 0;
  let entriesHandedOver = 0;
  const seen = new Set<string>();
  for (const footprint of removed) {
    if (!footprint.list_id || !footprint.match) continue;
    const key = `${footprint.list_id}\u0000${footprint.match}\u0000${footprint.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = (await findList(tx, footprint.list_id))!;
    const entry = await findListedEntry(tx, list.id, [{ value: footprint.value, match: footprint.match }]);
    if (!entry || entry.source_kind !== 'case' || entry.source_id !== theCase.id) continue;
    const holder = await findOtherHolder(
      tx,
      { listId: list.id, value: footprint.value, match: footprint.match },
      theCase.id,
    );
    if (holder?.case_id === theCase.id) continue;
    if (holder) {
      await handOver(tx, actor, list, { id: holder.case_id, fraud_type: holder.fraud_type }, holder, now);
      entriesHandedOver++;
    } else {
      await removeEntryIn(
        tx,
        list,
        footprint.value,
        footprint.match,
        actor,
        `案件 ${theCase.id}：${reason}`,
        now,
      );
      entriesWithdrawn++;
    }
  }
  return { removed, entriesWithdrawn, entriesHandedOver };
}

/** The entry now names the case that still holds the value, with that footprint's action and confidence. */
function handOver(
  tx: Db,
  actor: Actor,
  list: IntelListRow,
  holderCase: CaseRef,
  holder: CaseFootprintRow,
  now: Date,
): Promise<void> {
  const input = entryInput(holderCase, {
    kind: holder.kind,
    match: holder.match,
    accountKind: holder.account_kind,
    action: holder.action,
    confidence: holder.confidence,
    rawValue: holder.raw_value,
  });
  return putOnList(tx, actor, list, [input], now, { case: holderCase.id, handedOver: true });
}
