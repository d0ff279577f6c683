/**
 * Backtest (回测): what a rule set would have raised over the stored events of a period, before it goes
 * live: warnings (persons warned), firings and persons per rule, and, given the true victims (the
 * simulator's ground truth, or confirmed cases), how many it caught. Events are enriched with today's
 * lists and streamed a page at a time through a fresh Correlator, as the engine's `backtest` does.
 */
import { classifyNumber, Correlator, type CorrelationRule } from '@fanzha/engine';
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import { authorize, type Actor } from '../auth/index.js';
import type { SignalEnricher } from './enrich.js';
import { parseRulesOrFail } from './rules.js';
import { storedEvents } from './stored-events.js';

/** The longest period a backtest reads. */
const MAX_PERIOD_MS = 31 * 86_400_000;
const EVICT_EVERY = 50_000;
const LATENESS_MS = 60 * 60_000;

export interface BacktestInput {
  rules: unknown[];
  from: string;
  to: string;
  /** The true victims' phone numbers (any written form). */
  victims?: string[];
}

/** `steps[1].kinds` → `/rules/<index>/steps/1/kinds`, finding the rule's index by its id. */
function fieldOf(rules: unknown[]) {
  return (rule: string, field: string) => {
    const index = rule.startsWith('#')
      ? Number(rule.slice(1))
      : rules.findIndex(
          (r) => JSON.stringify((r as { id?: unknown })?.id) === rule || (r as { id?: unknown })?.id === rule,
        );
    const path = field
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .filter(Boolean)
      .join('/');
    return `/rules${index >= 0 ? `/${index}` : ''}${path ? `/${path}` : ''}`;
  };
}

export async function runBacktest(
  ctx: Context,
  enricher: SignalEnricher,
  actor: Actor,
  input: BacktestInput,
) {
  authorize(actor, 'rules.manage');
  // Rules tried out need no version of their own: the store gives versions when they go live.
  const rules: CorrelationRule[] = parseRulesOrFail(
    input.rules.map((rule) =>
      rule && typeof rule === 'object' && !('version' in rule) ? { ...rule, version: 1 } : rule,
    ),
    fieldOf(input.rules),
  );
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (!(from < to) || to.getTime() - from.getTime() > MAX_PERIOD_MS)
    throw new AppError('validation_failed', 'the period must run forward and last at most 31 days', [
      { field: '/to', message: 'must be after from, at most 31 days later' },
    ]);
  const victims = input.victims
    ? new Set(input.victims.map((phone) => classifyNumber(phone).normalized ?? phone))
    : null;

  const correlator = new Correlator(rules);
  const byRule = new Map(
    correlator.rules.map((rule) => [rule.id, { firings: 0, persons: new Set<string>() }]),
  );
  const warned = new Set<string>();
  let events = 0;
  let latest = -Infinity;
  for await (const page of storedEvents(ctx.db, from, to)) {
    for (const event of page) {
      const signal = enricher.toSignal(event);
      if (signal.at > latest) latest = signal.at;
      for (const firing of correlator.ingest(signal)) {
        const counts = byRule.get(firing.ruleId);
        if (!counts) continue;
        counts.firings++;
        counts.persons.add(firing.person);
        warned.add(firing.person);
      }
      if (++events % EVICT_EVERY === 0) correlator.evict(latest - correlator.maxWindowMs - LATENESS_MS);
    }
  }
  let victimsCaught: number | null = null;
  if (victims) {
    victimsCaught = 0;
    for (const person of warned) if (victims.has(person)) victimsCaught++;
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    events,
    warnings: warned.size,
    perRule: correlator.rules.map((rule) => {
      const counts = byRule.get(rule.id)!;
      const caught = victims ? [...counts.persons].filter((person) => victims.has(person)).length : null;
      return {
        ruleId: rule.id,
        ruleName: rule.name,
        firings: counts.firings,
        warnings: counts.persons.size,
        victimsCaught: caught,
      };
    }),
    victims: victims ? victims.size : null,
    victimsCaught,
    falseAlarmPersons: victimsCaught === null ? null : warned.size - victimsCaught,
  };
}
