/**
 * What happens to a marked number: it is marked on the `caller-behaviour` list (screening marks its
 * calls at once) and raised to analysts as a candidate, one per number, whose later marked windows
 * raise its count and keep its best score. An analyst's decision becomes a block entry (on a number
 * list, by default `caller-behaviour-block`) or an allow entry (`caller-behaviour-allow`, which also
 * lifts the mark); a number once allowed is not marked again.
 */
import type { CallerScore } from '@fanzha/engine';
import { sql, type Selectable } from 'kysely';
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { CallerCandidateStatus, CallerCandidateTable } from '../../store/callers-schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/actor.js';
import { systemActor } from '../auth/index.js';
import { authorize } from '../auth/policy.js';
import {
  decideReviewCandidate,
  ensureListIn,
  normalizeEntryValue,
  notifyChanges,
  prepareEntries,
  removeEntry,
  writeEntries,
  type EntryInput,
} from '../intel/index.js';

export const CALLER_LIST = 'caller-behaviour';
export const CALLER_ALLOW_LIST = 'caller-behaviour-allow';
export const CALLER_BLOCK_LIST = 'caller-behaviour-block';
const SOURCE = { kind: 'rule' as const, id: 'caller-behaviour' };
const LISTS = {
  [CALLER_LIST]: { title: '异常呼叫行为号码', defaultAction: 'mark' },
  [CALLER_ALLOW_LIST]: { title: '呼叫行为复核放行', defaultAction: 'allow' },
  [CALLER_BLOCK_LIST]: { title: '呼叫行为复核拦截', defaultAction: 'block' },
} as const;

export interface Contribution {
  feature: string;
  value: number;
}

export interface CallerCandidate {
  id: string;
  number: string;
  score: number;
  contributions: Contribution[];
  features: Record<string, number>;
  windowStart: string;
  windows: number;
  firstSeenAt: string;
  lastSeenAt: string;
  status: CallerCandidateStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  listName: string | null;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function roundContributions(score: Pick<CallerScore, 'contributions'>): Contribution[] {
  return score.contributions.slice(0, 8).map((c) => ({ feature: c.feature, value: round(c.value) }));
}

const toCandidate = (row: Selectable<CallerCandidateTable>): CallerCandidate => ({
  id: String(row.id),
  number: row.number,
  score: round(row.score),
  contributions: row.contributions as Contribution[],
  features: row.features as Record<string, number>,
  windowStart: new Date(row.window_start).toISOString(),
  windows: row.windows,
  firstSeenAt: new Date(row.first_seen_at).toISOString(),
  lastSeenAt: new Date(row.last_seen_at).toISOString(),
  status: row.status,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
  decisionReason: row.decision_reason,
  listName: row.list_name,
});

/**
 * Records the marked windows of one stream batch in one transaction: candidates upserted, and numbers
 * raised for the first time marked on the list (entry, change log, audit) — so a candidate never
 * exists without its mark. Returns how many numbers were new.
 */
export async function recordMarks(ctx: Context, marks: readonly CallerScore[]): Promise<{ raised: number }> {
  const best = new Map<string, { score: CallerScore; windows: number }>();
  for (const score of marks) {
    const normalized = normalizeEntryValue('number', score.number);
    // A number that is no valid Chinese or international number cannot be listed or screened.
    if (!normalized.ok) continue;
    const seen = best.get(normalized.value);
    if (!seen) best.set(normalized.value, { score, windows: 1 });
    else {
      seen.windows += 1;
      if (score.score > seen.score.score) seen.score = score;
    }
  }
  if (best.size === 0) return { raised: 0 };
  const now = ctx.clock.now();
  const owner = systemActor('caller-behaviour');
  const rows = [...best].map(([number, { score, windows }]) => ({
    number,
    score: score.score,
    contributions: JSON.stringify(roundContributions(score)),
    features: JSON.stringify(score.features),
    window_start: new Date(score.windowStart),
    windows,
    first_seen_at: now,
    last_seen_at: now,
  }));
  const raised = await ctx.db.transaction().execute(async (trx) => {
    const fresh: EntryInput[] = [];
    for (let i = 0; i < rows.length; i += 1_000) {
      const returned = await trx
        .insertInto('caller_candidates')
        .values(rows.slice(i, i + 1_000))
        .onConflict((oc) =>
          oc.column('number').doUpdateSet({
            windows: sql`caller_candidates.windows + excluded.windows`,
            last_seen_at: sql`excluded.last_seen_at`,
            score: sql`greatest(caller_candidates.score, excluded.score)`,
            contributions: sql`CASE WHEN excluded.score > caller_candidates.score THEN excluded.contributions ELSE caller_candidates.contributions END`,
            features: sql`CASE WHEN excluded.score > caller_candidates.score THEN excluded.features ELSE caller_candidates.features END`,
            window_start: sql`CASE WHEN excluded.score > caller_candidates.score THEN excluded.window_start ELSE caller_candidates.window_start END`,
          }),
        )
        // xmax is 0 on a row this statement inserted, not on one it updated.
        .returning(['number', 'status', sql<boolean>`(xmax = 0)`.as('inserted')])
        .execute();
      for (const row of returned) {
        // Newly raised in this batch: mark it (a number marked before keeps its entry).
        if (!row.inserted || row.status === 'allowed') continue;
        const { score } = best.get(row.number)!;
        const contributions = roundContributions(score);
        fresh.push({
          value: row.number,
          confidence: Math.round(score.score * 100),
          source: SOURCE,
          reason: `呼叫行为评分 ${round(score.score)}: ${contributions
            .slice(0, 3)
            .map((c) => c.feature)
            .join(', ')}`,
        });
      }
    }
    if (fresh.length === 0) return 0;
    const list = await ensureListIn(
      trx,
      owner,
      {
        name: CALLER_LIST,
        kind: 'number',
        ...LISTS[CALLER_LIST],
        unitCode: `${ctx.config.provinceCode}0000`,
      },
      now,
    );
    const { rows: entries } = prepareEntries(list, fresh, owner, now);
    const count = await writeEntries(trx, list, entries, owner, now);
    await recordAudit(
      trx,
      owner,
      {
        action: 'intel.entries_add',
        recordType: 'intel_list',
        recordId: list.id,
        detail: { list: list.name, count, sample: entries.slice(0, 5).map((e) => e.value) },
      },
      now,
    );
    return fresh.length;
  });
  if (raised) await notifyChanges(ctx);
  return { raised };
}

export interface CandidateFilter {
  page: number;
  pageSize: number;
  status: CallerCandidateStatus;
}

export async function listCallerCandidates(ctx: Context, actor: Actor, filter: CandidateFilter) {
  authorize(actor, 'intel.read');
  const base = ctx.db.selectFrom('caller_candidates').where('status', '=', filter.status);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('score', 'desc')
      .orderBy('id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(toCandidate),
    total: Number(count.n),
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

export interface CallerDecision {
  decision: 'block' | 'allow' | 'dismiss';
  reason: string;
  /** The number list a blocked number goes on (default caller-behaviour-block). */
  list?: string;
}

const findCandidate = (ctx: Context, id: string) =>
  ctx.db.selectFrom('caller_candidates').selectAll().where('id', '=', id).executeTakeFirst();

export async function decideCallerCandidate(
  ctx: Context,
  actor: Actor,
  id: string,
  input: CallerDecision,
): Promise<CallerCandidate> {
  authorize(actor, 'intel.write');
  const row = /^\d{1,18}$/.test(id) ? await findCandidate(ctx, id) : undefined;
  if (!row) throw new AppError('not_found', `no caller candidate ${id}`);
  if (row.status !== 'pending')
    throw new AppError('conflict', `the candidate ${row.number} was already decided (${row.status})`);
  const subject = {
    detector: 'caller-behaviour',
    candidateId: row.id,
    kind: 'number' as const,
    value: row.number,
    score: row.score,
    defaultBlockList: { name: CALLER_BLOCK_LIST, title: LISTS[CALLER_BLOCK_LIST].title },
    allowList: { name: CALLER_ALLOW_LIST, title: LISTS[CALLER_ALLOW_LIST].title },
  };
  const audit = {
    action: 'caller_behaviour.decide',
    recordType: 'caller_candidate',
    detail: { number: row.number },
  };
  // The allow entry already outranks the mark; lifting the mark keeps the list true.
  const liftMark = async () => {
    await removeEntry(ctx, actor, CALLER_LIST, { value: row.number, reason: input.reason }).catch(
      (error: unknown) => {
        if (!(error instanceof AppError && error.code === 'not_found')) throw error;
      },
    );
  };
  await decideReviewCandidate(ctx, actor, 'caller_candidates', subject, input, audit, liftMark);
  return toCandidate((await findCandidate(ctx, row.id))!);
}
