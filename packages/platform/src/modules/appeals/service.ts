/**
 * Appeals (申诉): a partner (API key with the `appeal` scope) or an officer asks for a listed value to be
 * released, and sees the outcome. Filing checks that the value is on the list (normalised for the list's
 * kind) and keeps one pending appeal per listed value. Officers and analysts see the appeals filed in
 * their subtree (by the appellant's unit), a partner key only its own. Deciding is in `decide.ts`.
 * This module never writes intel entries itself: every entry change goes through the intel service.
 */
import { ACCOUNT_KINDS } from '@fanzha/engine';
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { AppealRow } from '../../store/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';
import { authorize } from '../auth/index.js';
import { hasScope } from '../auth/policy.js';
import {
  findList,
  findListedEntry,
  MATCHES_BY_KIND,
  normalizeEntryValue,
  type EntryMatch,
  type ListKind,
} from '../intel/index.js';
import type { AppealListRow, AppealScope } from './store.js';
import { findAppeal, findAppeals, insertAppeal } from './store.js';

/** The API-key scope partners need to file and follow appeals. */
export const APPEAL_SCOPE = 'appeal';

export type AppealStatus = AppealRow['status'];

export interface Appeal {
  id: string;
  list: string;
  kind: ListKind;
  value: string;
  appellant: string;
  appellantUnitCode: string;
  reason: string;
  evidence: string | null;
  status: AppealStatus;
  decidedBy: string | null;
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export const toAppeal = (row: AppealListRow): Appeal => ({
  id: row.id,
  list: row.list_name,
  kind: row.kind,
  value: row.value,
  appellant: row.appellant,
  appellantUnitCode: row.appellant_unit_code,
  reason: row.reason,
  evidence: row.evidence,
  status: row.status,
  decidedBy: row.decided_by,
  decisionReason: row.decision_reason,
  createdAt: new Date(row.created_at).toISOString(),
  decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
});

/** Partners need the `appeal` scope, people the `appeals.file` permission. */
function authorizeFiling(actor: Actor): void {
  if (actor.type === 'api_key') {
    if (!hasScope(actor, APPEAL_SCOPE))
      throw new AppError('forbidden', 'this API key lacks the scope appeal');
  } else authorize(actor, 'appeals.file');
}

/** Whose appeals the actor sees: a partner key its own, a person those filed in its subtree. */
export function readScope(actor: Actor): AppealScope {
  if (actor.type === 'api_key') {
    if (!hasScope(actor, APPEAL_SCOPE))
      throw new AppError('forbidden', 'this API key lacks the scope appeal');
    return { appellantId: actor.id };
  }
  authorize(actor, 'appeals.read');
  return { unitPath: actor.unitPath };
}

function appellantOf(ctx: Context, actor: Actor) {
  switch (actor.type) {
    case 'user':
      return {
        appellant_type: 'user' as const,
        appellant_id: actor.id,
        appellant: actor.username,
        appellant_unit_code: actor.unitCode,
      };
    case 'api_key':
      return {
        appellant_type: 'api_key' as const,
        appellant_id: actor.id,
        appellant: actor.name,
        appellant_unit_code: actor.unitCode,
      };
    case 'system':
      return {
        appellant_type: 'system' as const,
        appellant_id: null,
        appellant: actor.username,
        appellant_unit_code: `${ctx.config.provinceCode}0000`,
      };
  }
}

interface Candidate {
  value: string;
  match: EntryMatch;
}

/**
 * Every normalised form the value can take on a list of this kind, default match rule first: a number
 * may be listed exactly or as a prefix range, a domain with or without its subdomains, an account under
 * any account kind (the appellant does not say which).
 */
function entryCandidates(kind: ListKind, raw: string): { candidates: Candidate[]; reason: string | null } {
  const candidates: Candidate[] = [];
  let reason: string | null = null;
  const accountKinds = kind === 'account' ? ACCOUNT_KINDS : [undefined];
  for (const match of MATCHES_BY_KIND[kind]) {
    for (const accountKind of accountKinds) {
      const normalized = normalizeEntryValue(kind, raw, match, accountKind);
      if (normalized.ok) candidates.push({ value: normalized.value, match: normalized.match });
      else reason ??= normalized.reason;
    }
  }
  return { candidates, reason };
}

export interface AppealFileInput {
  list: string;
  value: string;
  reason: string;
  evidence?: string;
}

export async function fileAppeal(ctx: Context, actor: Actor, input: AppealFileInput): Promise<Appeal> {
  authorizeFiling(actor);
  const reason = input.reason.trim();
  if (reason.length < 2)
    throw new AppError('validation_failed', 'a reason is required', [
      { field: '/reason', message: 'must not be empty' },
    ]);
  const list = await findList(ctx.db, input.list);
  if (!list) throw new AppError('not_found', `no list ${input.list}`);
  const { candidates, reason: invalid } = entryCandidates(list.kind, input.value);
  if (candidates.length === 0)
    throw new AppError('validation_failed', `the value is not a valid ${list.kind}: ${invalid}`, [
      { field: '/value', message: invalid ?? 'not_valid' },
    ]);
  const entry = await findListedEntry(ctx.db, list.id, candidates);
  if (!entry) throw new AppError('not_found', `${candidates[0]!.value} is not on the list ${list.name}`);
  if (entry.action === 'allow')
    throw new AppError(
      'conflict',
      `${entry.value} is allowed on the list ${list.name}; there is nothing to appeal`,
    );
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (tx) => {
    const created = await insertAppeal(tx, {
      list_id: list.id,
      kind: list.kind,
      value: entry.value,
      match: entry.match,
      account_kind: entry.account_kind,
      ...appellantOf(ctx, actor),
      reason,
      evidence: input.evidence?.trim() || null,
      created_at: now,
    });
    if (!created)
      throw new AppError('conflict', `${entry.value} on the list ${list.name} already has a pending appeal`);
    await recordAudit(
      tx,
      actor,
      {
        action: 'appeal.file',
        recordType: 'appeal',
        recordId: created.id,
        reason,
        detail: { list: list.name, value: entry.value, entryId: String(entry.id) },
      },
      now,
    );
    return created;
  });
  return toAppeal({ ...row, list_name: list.name });
}

export interface AppealFilter {
  page: number;
  pageSize: number;
  status?: AppealStatus;
}

export async function listAppeals(ctx: Context, actor: Actor, filter: AppealFilter) {
  const scope = readScope(actor);
  const { rows, total } = await findAppeals(ctx.db, scope, {
    status: filter.status,
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return { items: rows.map(toAppeal), total, page: filter.page, pageSize: filter.pageSize };
}

/** The appeal if the scope sees it; 404 otherwise, so appeals outside the subtree do not leak. */
export async function getAppealRow(ctx: Context, scope: AppealScope, id: string): Promise<AppealListRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findAppeal(ctx.db, scope, id) : undefined;
  if (!row) throw new AppError('not_found', `no appeal ${id} in your part of the org tree`);
  return row;
}

export async function getAppeal(ctx: Context, actor: Actor, id: string): Promise<Appeal> {
  return toAppeal(await getAppealRow(ctx, readScope(actor), id));
}
