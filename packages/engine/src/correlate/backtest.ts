/**
 * Backtest: what a rule set would have raised over past signals — warnings (one per person), firings
 * per rule, and, given the true victims (the simulator's ground truth, or confirmed cases), how many it
 * caught and how many warned persons were not victims.
 */
import { Correlator } from './correlator.js';
import type { CorrelationRule, Signal } from './types.js';

export interface RuleBacktest {
  ruleId: string;
  /** Times the rule fired. */
  firings: number;
  /** Distinct persons it fired for. */
  persons: number;
}

export interface BacktestResult {
  /** Distinct persons warned (one open warning per person). */
  warnings: number;
  /** Every live rule, in rule order, including those that never fired. */
  firingsByRule: RuleBacktest[];
  /** Victims warned at least once; null without `victims`. */
  victimsCaught: number | null;
  /** How many victims were given; null without `victims`. */
  victimsTotal: number | null;
  /** Warned persons who are not victims; null without `victims`. */
  falseAlarmPersons: number | null;
}

/** Signals between two evictions of state that no window can reach any more. */
const EVICT_EVERY = 50_000;
/** How late (event time) a signal may come after a later one and still count (ms). */
const LATENESS_MS = 60 * 60_000;

/**
 * Runs `rules` (the live version of each id) over `signals`, given in time order (up to an hour late
 * is fine), as the Correlator would have; state older than the longest window is dropped as it goes.
 */
export function backtest(
  rules: readonly CorrelationRule[],
  signals: Iterable<Signal>,
  victims?: ReadonlySet<string>,
): BacktestResult {
  const correlator = new Correlator(rules);
  const byRule = new Map<string, { firings: number; persons: Set<string> }>(
    correlator.rules.map((rule) => [rule.id, { firings: 0, persons: new Set() }]),
  );
  const warned = new Set<string>();
  let latest = -Infinity;
  let sinceEviction = 0;
  for (const signal of signals) {
    if (signal.at > latest) latest = signal.at;
    for (const firing of correlator.ingest(signal)) {
      const counts = byRule.get(firing.ruleId)!;
      counts.firings++;
      counts.persons.add(firing.person);
      warned.add(firing.person);
    }
    if (++sinceEviction === EVICT_EVERY) {
      sinceEviction = 0;
      correlator.evict(latest - correlator.maxWindowMs - LATENESS_MS);
    }
  }
  let victimsCaught: number | null = null;
  if (victims) {
    victimsCaught = 0;
    for (const person of warned) if (victims.has(person)) victimsCaught++;
  }
  return {
    warnings: warned.size,
    firingsByRule: [...byRule].map(([ruleId, c]) => ({
      ruleId,
      firings: c.firings,
      persons: c.persons.size,
    })),
    victimsCaught,
    victimsTotal: victims ? victims.size : null,
    falseAlarmPersons: victimsCaught === null ? null : warned.size - victimsCaught,
  };
}
