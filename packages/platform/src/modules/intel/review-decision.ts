/**
 * An analyst's decision on what a detector raised for review (a newly seen domain, a number calling like
 * a SIM box): `block` lists the value on a block list of its kind, `allow` on the detector's allow list
 * (created on first use; an allow entry outranks any block), `dismiss` lists nothing. The entry is written
 * before the candidate is marked decided: if the process stops between the two, the candidate stays
 * pending and deciding again upserts the same entry, so a decided candidate never lacks its entry.
 */
import { sql } from 'kysely';
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import { recordAudit, type AuditEvent } from '../audit/index.js';
import { actorName, systemActor, type Actor } from '../auth/actor.js';
import type { EntryMatch, ListKind } from './normalize.js';
import { addEntries, ensureListIn } from './service.js';
import { findList } from './store.js';

export type ReviewVerdict = 'block' | 'allow' | 'dismiss';

export interface ReviewDecisionInput {
  decision: ReviewVerdict;
  reason: string;
  /** The list a blocked value goes on, instead of the detector's default block list. */
  list?: string;
}

interface DetectorList {
  name: string;
  title: string;
}

export interface ReviewSubject {
  /** The detector, as lists and sources name it: `domain-watch`, `caller-behaviour`. */
  detector: string;
  candidateId: string;
  kind: ListKind;
  value: string;
  /** 0..1: a block entry's confidence. */
  score: number;
  /** Created on first use when it is the one chosen. */
  defaultBlockList: DetectorList;
  allowList: DetectorList & { match?: EntryMatch };
}

const STATUS = { block: 'blocked', allow: 'allowed', dismiss: 'dismissed' } as const;

/** Candidate tables: any table with the decision columns. */
type DecisionColumns = 'id' | 'status' | 'decided_by' | 'decided_at' | 'decision_reason' | 'list_name';
export type CandidateTable = {
  [T in keyof Database]: DecisionColumns extends keyof Database[T] ? T : never;
}[keyof Database];

async function ensureDetectorList(
  ctx: Context,
  detector: string,
  list: DetectorList,
  kind: ListKind,
  defaultAction: 'block' | 'allow',
): Promise<void> {
  if (await findList(ctx.db, list.name)) return;
  await ensureListIn(
    ctx.db,
    systemActor(detector),
    { ...list, kind, defaultAction, unitCode: `${ctx.config.provinceCode}0000` },
    ctx.clock.now(),
  );
}

/** Writes the decision's entry; returns the list it went on (null for a dismissal). */
async function listDecision(
  ctx: Context,
  actor: Actor,
  subject: ReviewSubject,
  input: ReviewDecisionInput,
): Promise<string | null> {
  const source = { kind: 'rule' as const, id: `${subject.detector}:${subject.candidateId}` };
  if (input.decision === 'block') {
    const listName = input.list ?? subject.defaultBlockList.name;
    if (listName === subject.defaultBlockList.name)
      await ensureDetectorList(ctx, subject.detector, subject.defaultBlockList, subject.kind, 'block');
    const list = await findList(ctx.db, listName);
    if (!list) throw new AppError('not_found', `no list ${listName}`);
    if (list.kind !== subject.kind)
      throw new AppError('validation_failed', `${listName} is a ${list.kind} list`, [
        { field: '/list', message: `must be a ${subject.kind} list` },
      ]);
    await addEntries(ctx, actor, listName, [
      {
        value: subject.value,
        source,
        confidence: Math.round(subject.score * 100),
        reason: input.reason,
      },
    ]);
    return listName;
  }
  if (input.decision === 'allow') {
    const { match, ...allowList } = subject.allowList;
    await ensureDetectorList(ctx, subject.detector, allowList, subject.kind, 'allow');
    await addEntries(ctx, actor, allowList.name, [
      { value: subject.value, ...(match ? { match } : {}), source, confidence: 100, reason: input.reason },
    ]);
    return allowList.name;
  }
  return null;
}

/**
 * Lists the decision, then marks the candidate row of `table` decided and audits it. `beforeDecided`
 * runs between the two (e.g. lifting a detector's own mark on an allowed value).
 */
export async function decideReviewCandidate(
  ctx: Context,
  actor: Actor,
  table: CandidateTable,
  subject: ReviewSubject,
  input: ReviewDecisionInput,
  audit: Pick<AuditEvent, 'action' | 'recordType'> & { detail: Record<string, unknown> },
  beforeDecided?: () => Promise<void>,
): Promise<void> {
  const listName = await listDecision(ctx, actor, subject, input);
  if (input.decision === 'allow' && beforeDecided) await beforeDecided();
  const now = ctx.clock.now();
  await sql`UPDATE ${sql.table(table)}
    SET status = ${STATUS[input.decision]}, decided_by = ${actorName(actor)}, decided_at = ${now},
        decision_reason = ${input.reason}, list_name = ${listName}
    WHERE id = ${subject.candidateId}`.execute(ctx.db);
  await recordAudit(
    ctx.db,
    actor,
    {
      ...audit,
      recordId: subject.candidateId,
      reason: input.reason,
      detail: { ...audit.detail, decision: input.decision, list: listName },
    },
    now,
  );
}
