/**
 * ROC AUC and recall at a fixed false-positive rate for a domain scorer on labelled domains.
 */
import type { DomainScorer } from './scorer.js';
import type { DomainExample } from './train.js';

export interface DomainEvaluation {
  readonly rocAuc: number;
  /** Recall on scam domains at the threshold where 1% of benign domains score above it. */
  readonly recallAt1PercentFpr: number;
  readonly thresholdAt1PercentFpr: number;
  /** At the scorer's own threshold. */
  readonly precision: number;
  readonly recall: number;
  readonly falsePositiveRate: number;
  readonly scam: number;
  readonly benign: number;
}

export function evaluateDomainScorer(
  scorer: DomainScorer,
  examples: readonly DomainExample[],
): DomainEvaluation {
  const scored = examples.map((e) => ({ scam: e.scam, score: scorer.score(e.domain).score }));
  const pos = scored.filter((s) => s.scam).map((s) => s.score);
  const neg = scored
    .filter((s) => !s.scam)
    .map((s) => s.score)
    .sort((a, b) => a - b);
  // AUC by ranks (Mann-Whitney U), ties counted half.
  let wins = 0;
  for (const p of pos) {
    let lo = 0;
    let hi = neg.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (neg[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    let tieEnd = lo;
    while (tieEnd < neg.length && neg[tieEnd] === p) tieEnd++;
    wins += lo + (tieEnd - lo) / 2;
  }
  const auc = pos.length && neg.length ? wins / (pos.length * neg.length) : 0;
  const cut = neg[Math.min(neg.length - 1, Math.ceil(neg.length * 0.99))] ?? 1;
  const recallAt1 = pos.length ? pos.filter((p) => p > cut).length / pos.length : 0;
  const tp = pos.filter((p) => p >= scorer.threshold).length;
  const fp = neg.filter((n) => n >= scorer.threshold).length;
  const round = (v: number) => Number(v.toFixed(4));
  return {
    rocAuc: round(auc),
    recallAt1PercentFpr: round(recallAt1),
    thresholdAt1PercentFpr: round(cut),
    precision: round(tp + fp ? tp / (tp + fp) : 0),
    recall: round(pos.length ? tp / pos.length : 0),
    falsePositiveRate: round(neg.length ? fp / neg.length : 0),
    scam: pos.length,
    benign: neg.length,
  };
}
