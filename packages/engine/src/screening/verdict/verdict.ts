/**
 * Verdicts: what the screener answers, and why. Every verdict explains itself: each matching entry
 * becomes a reason naming its list, the rule that matched, its source and when it was added.
 */
import type { EntryAction, EntrySource } from '../index/entry.js';
import type { IndexMatch } from '../index/number-index.js';
import type { ProvenanceTable } from '../index/provenance-table.js';

export type VerdictAction = 'block' | 'mark' | 'allow' | 'pass' | 'invalid';

export interface VerdictReason {
  list: string;
  /** What matched: "number:exact", "number:prefix:+861700", "domain:evil.cn", "url_prefix:…", "account:qq", "app", "imei", or a text rule. */
  rule: string;
  source: EntrySource;
  /** Milliseconds since the epoch. */
  addedAt: number;
  /** The entry's own action (an allow verdict still lists the block entries it overrides). */
  action: EntryAction;
  confidence: number;
  expiresAt: number | null;
}

export interface Verdict {
  action: VerdictAction;
  /** 0–100: the highest confidence among the entries that decided the action. */
  risk: number;
  reasons: VerdictReason[];
  /** The screened value in normalized form; null when invalid. */
  normalized: string | null;
  /** Why the value is not a number / domain / URL / account; null unless `action` is invalid. */
  invalidReason: string | null;
}

const PRECEDENCE: Record<EntryAction, number> = { allow: 0, block: 1, mark: 2 };

export function invalidVerdict(reason: string): Verdict {
  return { action: 'invalid', risk: 0, reasons: [], normalized: null, invalidReason: reason };
}

export function reasonsOf(matches: readonly IndexMatch[], records: ProvenanceTable): VerdictReason[] {
  return matches.map(({ record, rule }) => {
    const { list, action, confidence, source, addedAt, expiresAt } = records.provenanceOf(record);
    return { list, rule, source, addedAt, action, confidence, expiresAt };
  });
}

/**
 * The verdict of a set of reasons: an allow entry overrides everything (an appeal released the value),
 * then block, then mark; the risk is the highest confidence of the deciding action (0 when allowed).
 */
export function decide(normalized: string, reasons: VerdictReason[]): Verdict {
  const sorted = [...reasons].sort(
    (a, b) => PRECEDENCE[a.action] - PRECEDENCE[b.action] || b.confidence - a.confidence,
  );
  const top = sorted[0];
  if (!top) return { action: 'pass', risk: 0, reasons: [], normalized, invalidReason: null };
  const risk = top.action === 'allow' ? 0 : top.confidence;
  return { action: top.action, risk, reasons: sorted, normalized, invalidReason: null };
}
