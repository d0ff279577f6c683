/**
 * New-name watch: from a batch of newly registered domains or certificate-transparency names, the
 * candidates an analyst should review (score at or above the threshold), highest first, each with
 * its contributions. Pure: the platform feeds names in and files the candidates in its review queue.
 */
import type { DomainScore, DomainScorer } from './scorer.js';

export interface NewNameWatchOptions {
  /** Defaults to the scorer's threshold. */
  readonly threshold?: number;
  /** Keep at most this many candidates (the highest). */
  readonly limit?: number;
}

export function watchNewNames(
  scorer: DomainScorer,
  names: Iterable<string>,
  options: NewNameWatchOptions = {},
): DomainScore[] {
  const threshold = options.threshold ?? scorer.threshold;
  const seen = new Set<string>();
  const candidates: DomainScore[] = [];
  for (const raw of names) {
    // CT logs repeat names and list wildcards; score each name once, without the wildcard.
    const name = raw.trim().toLowerCase().replace(/^\*\./, '');
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    const result = scorer.score(name);
    if (result.score >= threshold) candidates.push(result);
  }
  candidates.sort((a, b) => b.score - a.score || (a.domain < b.domain ? -1 : 1));
  return options.limit === undefined ? candidates : candidates.slice(0, options.limit);
}
