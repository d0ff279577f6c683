/**
 * Screening: answers partners' questions from the in-memory screener (never the database), turns
 * verdicts into their API form and hands block and mark answers to the hit recorder.
 */
import { classifyNumber, plainMobileE164Value, type ScreenItem, type Verdict } from '@fanzha/engine';
import type { Actor } from '../auth/actor.js';
import type { IntelFollower } from './follower.js';
import type { HitRecorder } from './hit-recorder.js';
import { invalidJson, passE164Json, verdictJson } from './verdict-json.js';

export const MAX_BATCH_ITEMS = 100_000;

/** Numbers looked up together by the batch fast path (the engine overlaps their cache misses). */
const CHUNK = 1024;

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
  private readonly chunk = {
    values: new Float64Array(CHUNK),
    actions: new Uint8Array(CHUNK),
    positions: new Int32Array(CHUNK),
    normalized: new Array<string>(CHUNK),
  };

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

  /** `screen`, answered as the API's JSON text (see verdict-json.ts). */
  screenJson(item: ScreenItem, actor: Actor | null): string {
    const now = this.now();
    const verdict = this.follower.screener.screen(item, now);
    this.note(item, verdict, actor, now);
    return verdictJson(verdict);
  }

  /**
   * `screenBatch`, answered as JSON text: a JSON array, or NDJSON (one verdict a line). Same verdicts,
   * faster for the common item: a number (or an SMS sender without text) listed nowhere. Those are
   * classified, looked up together through the engine's batch path, and answered from their
   * normalized form without building a verdict; anything listed or of another kind takes the full
   * screener path, reasons and hit recording included.
   */
  screenBatchJson(items: readonly unknown[], actor: Actor | null, ndjson = false): string {
    const now = this.now();
    const screener = this.follower.screener;
    const parts = new Array<string>(items.length);
    const { values, actions, positions, normalized } = this.chunk;
    let pending = 0;
    const flush = () => {
      screener.numbers.actionsOfE164Batch(values.subarray(0, pending), now, actions);
      for (let j = 0; j < pending; j++) {
        const position = positions[j]!;
        if (actions[j] === 0) {
          this.decisions++;
          parts[position] = passE164Json(normalized[j]!);
        } else {
          parts[position] = this.screenOneJson(items[position] as ScreenItem, actor, now);
        }
      }
      pending = 0;
    };
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as ScreenItem | null;
      if (
        item !== null &&
        typeof item === 'object' &&
        typeof item.value === 'string' &&
        (item.kind === 'number' || (item.kind === 'sms' && item.text === undefined))
      ) {
        // The commonest item, 11 bare digits of a mobile range, is read without classifying it.
        const mobile = plainMobileE164Value(item.value);
        if (mobile >= 0) {
          values[pending] = mobile;
          positions[pending] = i;
          normalized[pending++] = '+86' + item.value;
          if (pending === CHUNK) flush();
          continue;
        }
        const number = classifyNumber(item.value);
        const e164 = number.normalized;
        if (e164 === null) {
          this.decisions++;
          parts[i] = invalidJson(number.reason ?? 'not_a_number');
          continue;
        }
        if (e164.charCodeAt(0) === 43 /* + */) {
          values[pending] = Number(e164.slice(1));
          positions[pending] = i;
          normalized[pending++] = e164;
          if (pending === CHUNK) flush();
          continue;
        }
      }
      parts[i] = this.screenOneJson(item as ScreenItem, actor, now);
    }
    if (pending > 0) flush();
    if (ndjson) return parts.length ? parts.join('\n') + '\n' : '';
    return `[${parts.join(',')}]`;
  }

  private screenOneJson(item: ScreenItem, actor: Actor | null, now: number): string {
    const verdict = this.follower.screener.screen(item, now);
    this.note(item, verdict, actor, now);
    return verdictJson(verdict);
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
