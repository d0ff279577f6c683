/**
 * The new-name watch: feeds of newly registered and certificate-transparency names are scored by the
 * lookalike detector; names above its threshold wait for an analyst, whose decision becomes a block
 * entry (on a domain list) or an allow entry, with the candidate as the source.
 */
import { readFileSync } from 'node:fs';
import { createDomainScorer, readShippedDomainModel, watchNewNames, type DomainScorer } from '@fanzha/engine';
import type { Selectable } from 'kysely';
import type { Context } from '../../context.js';
import type { DomainCandidateTable } from '../../store/schema.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { decideReviewCandidate } from '../intel/index.js';

export const MAX_NAMES_PER_REQUEST = 100_000;
export const ALLOW_LIST = 'domain-watch-allow';
export const DEFAULT_BLOCK_LIST = 'fraud-domains';

let scorer: DomainScorer | undefined;
const domainScorer = (): DomainScorer =>
  (scorer ??= createDomainScorer(readShippedDomainModel((url) => readFileSync(url, 'utf8'))));

export interface DomainCandidate {
  id: string;
  name: string;
  score: number;
  contributions: Array<{ feature: string; value: number; brand?: string }>;
  feed: string;
  status: 'pending' | 'blocked' | 'allowed' | 'dismissed';
  seenAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  listName: string | null;
}

type CandidateRow = Selectable<DomainCandidateTable>;

const toCandidate = (row: CandidateRow): DomainCandidate => ({
  id: String(row.id),
  name: row.name,
  score: Math.round(row.score * 1000) / 1000,
  contributions: row.contributions as DomainCandidate['contributions'],
  feed: row.feed,
  status: row.status,
  seenAt: new Date(row.seen_at).toISOString(),
  decidedBy: row.decided_by,
  decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
  decisionReason: row.decision_reason,
  listName: row.list_name,
});

function findCandidates(ctx: Context) {
  return ctx.db.selectFrom('domain_candidates').selectAll();
}

/** Scores a feed's names and keeps the candidates above the threshold; a name seen before is skipped. */
export async function submitNames(ctx: Context, actor: Actor, feed: string, names: string[]) {
  if (names.length > MAX_NAMES_PER_REQUEST)
    throw new AppError('payload_too_large', `at most ${MAX_NAMES_PER_REQUEST} names per request`);
  const candidates = watchNewNames(domainScorer(), names);
  const now = ctx.clock.now();
  let raised = 0;
  for (let i = 0; i < candidates.length; i += 1_000) {
    const inserted = await ctx.db
      .insertInto('domain_candidates')
      .values(
        candidates.slice(i, i + 1_000).map((c) => ({
          name: c.domain,
          score: c.score,
          contributions: JSON.stringify(c.contributions.slice(0, 8)),
          feed,
          seen_at: now,
        })),
      )
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('id')
      .execute();
    raised += inserted.length;
  }
  await recordAudit(
    ctx.db,
    actor,
    { action: 'domain_watch.submit', detail: { feed, names: names.length, raised } },
    now,
  );
  return { received: names.length, candidates: candidates.length, raised };
}

export interface CandidateFilter {
  page: number;
  pageSize: number;
  status: DomainCandidate['status'];
}

export async function listCandidates(ctx: Context, actor: Actor, filter: CandidateFilter) {
  authorize(actor, 'intel.read');
  const base = ctx.db.selectFrom('domain_candidates').where('status', '=', filter.status);
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

export interface CandidateDecision {
  decision: 'block' | 'allow' | 'dismiss';
  reason: string;
  /** The domain list a blocked name goes on (default fraud-domains). */
  list?: string;
}

export async function decideCandidate(
  ctx: Context,
  actor: Actor,
  id: string,
  input: CandidateDecision,
): Promise<DomainCandidate> {
  authorize(actor, 'intel.write');
  const row = /^\d{1,18}$/.test(id)
    ? await findCandidates(ctx).where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw new AppError('not_found', `no domain candidate ${id}`);
  if (row.status !== 'pending')
    throw new AppError('conflict', `the candidate ${row.name} was already decided (${row.status})`);
  const subject = {
    detector: 'domain-watch',
    candidateId: row.id,
    kind: 'domain' as const,
    value: row.name,
    score: row.score,
    defaultBlockList: { name: DEFAULT_BLOCK_LIST, title: '涉诈域名' },
    allowList: { name: ALLOW_LIST, title: '新域名监测放行', match: 'host' as const },
  };
  const audit = { action: 'domain_watch.decide', recordType: 'domain_candidate', detail: { name: row.name } };
  await decideReviewCandidate(ctx, actor, 'domain_candidates', subject, input, audit);
  return toCandidate((await findCandidates(ctx).where('id', '=', row.id).executeTakeFirst())!);
}
