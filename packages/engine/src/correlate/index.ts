/**
 * Signal correlation (预警研判): per-person sliding windows over enriched partner signals, versioned
 * data-driven rules, their validation, the shipped default rules and backtests. Pure: no I/O, no clock.
 */
export * from './types.js';
export { Correlator, liveRules, type CorrelatorOptions } from './correlator.js';
export { fillReason, REASON_PLACEHOLDERS, type ReasonPlaceholder } from './reason.js';
export { parseRules, RuleValidationError, RULE_LIMITS, type RuleIssue } from './validate.js';
export { readDefaultRules, DEFAULT_RULES_URL } from './default-rules.js';
export {
  backtest,
  BacktestRun,
  BACKTEST_LATENESS_MS,
  type BacktestResult,
  type RuleBacktest,
} from './backtest.js';
export { generateSyntheticSignals, type SyntheticSignalOptions, type SyntheticSignals } from './synthetic.js';
