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
  /** Victims among those persons; null without victims. */
  victimsCaught: number | null;
}

export interface BacktestResult {
  /** Signals read. */
  signals: number;
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
export const BACKTEST_LATENESS_MS = 60 * 60_000;

/**
 * A backtest fed one signal at a time (for sources read a page at a time, e.g. from a store), in time
 * order (up to `BACKTEST_LATENESS_MS` late is fine); state no window can reach is dropped as it goes.
 */
export class BacktestRun {
  readonly #correlator: Correlator;
  readonly #victims: ReadonlySet<string> | null;
  readonly #byRule: Map<string, { firings: number; persons: Set<string> }>;
  readonly #warned = new Set<string>();
  #signals = 0;
  #latest = -Infinity;

  constructor(rules: readonly CorrelationRule[], victims?: ReadonlySet<string>) {
    this.#correlator = new Correlator(rules);
    this.#victims = victims ?? null;
    this.#byRule = new Map(
      this.#correlator.rules.map((rule) => [rule.id, { firings: 0, persons: new Set() }]),
    );
  }

  /** The live rules it runs (the highest enabled version of each id). */
  get rules(): readonly CorrelationRule[] {
    return this.#correlator.rules;
  }

  add(signal: Signal): void {
    if (signal.at > this.#latest) this.#latest = signal.at;
    for (const firing of this.#correlator.ingest(signal)) {
      const counts = this.#byRule.get(firing.ruleId)!;
      counts.firings++;
      counts.persons.add(firing.person);
      this.#warned.add(firing.person);
    }
    if (++this.#signals % EVICT_EVERY === 0)
      this.#correlator.evict(this.#latest - this.#correlator.maxWindowMs - BACKTEST_LATENESS_MS);
  }

  result(): BacktestResult {
    const victims = this.#victims;
    const caught = (persons: ReadonlySet<string>) => {
      if (victims === null) return null;
      let count = 0;
      for (const person of persons) if (victims.has(person)) count++;
      return count;
    };
    const victimsCaught = caught(this.#warned);
    return {
      signals: this.#signals,
      warnings: this.#warned.size,
      firingsByRule: [...this.#byRule].map(([ruleId, c]) => ({
        ruleId,
        firings: c.firings,
        persons: c.persons.size,
        victimsCaught: caught(c.persons),
      })),
      victimsCaught,
      victimsTotal: victims === null ? null : victims.size,
      falseAlarmPersons: victimsCaught === null ? null : this.#warned.size - victimsCaught,
    };
  }
}

/** Runs `rules` (the live version of each id) over `signals` in time order: see `BacktestRun`. */
export function backtest(
  rules: readonly CorrelationRule[],
  signals: Iterable<Signal>,
  victims?: ReadonlySet<string>,
): BacktestResult {
  const run = new BacktestRun(rules, victims);
  for (const signal of signals) run.add(signal);
  return run.result();
}
