/**
 * Screening: answers partners' questions from the in-memory screener (never the database), turns
 * verdicts into their API form and hands block and mark answers to the hit recorder.
 */
import type { ScreenItem, Verdict } from '@fanzha/engine';
import type { Actor } from '../auth/actor.js';
import type { IntelFollower } from './follower.js';
import type { HitRecorder } from './hit-recorder.js';

export const MAX_BATCH_ITEMS = 100_000;

export interface ApiVerdict {
  action: Verdict['action'];
  risk: number;
  reasons: Array<{
    list: string;
    rule: string;
    source: { kind: string; id: string };
    addedAt: string;
    action: string;
    confidence: number;
    expiresAt: string | null;
  }>;
  normalized: string | null;
  invalidReason: string | null;
}

export function toApiVerdict(verdict: Verdict): ApiVerdict {
  return {
    action: verdict.action,
    risk: verdict.risk,
    reasons: verdict.reasons.map((reason) => ({
      list: reason.list,
      rule: reason.rule,
      source: reason.source,
      addedAt: new Date(reason.addedAt).toISOString(),
      action: reason.action,
      confidence: reason.confidence,
      expiresAt: reason.expiresAt === null ? null : new Date(reason.expiresAt).toISOString(),
    })),
    normalized: verdict.normalized,
    invalidReason: verdict.invalidReason,
  };
}

export class ScreeningService {
  decisions = 0;

  constructor(
    readonly follower: IntelFollower,
    private readonly hits: HitRecorder | null,
    private readonly now: () => number = Date.now,
  ) {}

  screen(item: ScreenItem, actor: Actor | null): ApiVerdict {
    const now = this.now();
    const verdict = this.follower.screener.screen(item, now);
    this.note(item, verdict, actor, now);
    return toApiVerdict(verdict);
  }

  screenBatch(items: readonly unknown[], actor: Actor | null): ApiVerdict[] {
    const now = this.now();
    const screener = this.follower.screener;
    const out = new Array<ApiVerdict>(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as ScreenItem;
      const verdict = screener.screen(item, now);
      this.note(item, verdict, actor, now);
      out[i] = toApiVerdict(verdict);
    }
    return out;
  }

  private note(item: ScreenItem, verdict: Verdict, actor: Actor | null, now: number): void {
    this.decisions++;
    if (this.hits && (verdict.action === 'block' || verdict.action === 'mark')) {
      this.hits.record({
        at: new Date(now),
        kind: item.kind,
        value: verdict.normalized ?? String(item.value),
        action: verdict.action,
        risk: verdict.risk,
        lists: [...new Set(verdict.reasons.map((r) => r.list))],
        apiKeyId: actor?.type === 'api_key' ? actor.id : null,
      });
    }
  }
}
