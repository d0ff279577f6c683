/**
 * The Correlator combines each person's signals over sliding windows by correlation rules and returns
 * the firings each new signal completes. It owns per-person state only; it never reads a clock (time is
 * the signals' `at`) and never does I/O.
 *
 * Semantics:
 * - A rule fires for a person when distinct signals meeting each of its steps (in step order when
 *   `ordered`: each no earlier than the one before) lie within `windowMinutes` of each other (inclusive)
 *   and the signal just ingested is one of them (with `sameFraudType`, all naming one fraud type).
 * - Episodes: after a rule fires for a person, it stays quiet for that person until its steps are met
 *   again by signals that all came after the last firing's evidence, with the newest more than one
 *   window after it; so it never fires again on the same evidence nor on every later signal.
 * - Idempotent: a signal whose `eventId` the person's state already holds, or let go of recently (the
 *   ring's capacity, a rule change), returns [] and changes nothing. Only a redelivery older than the
 *   last `forgottenIdsPerPerson` signals let go of counts as new.
 * - `evict(before)` forgets signals older than `before`; signals older than the latest eviction are then
 *   ignored (they could not be told apart from duplicates of forgotten ones).
 * - Only signals that meet some step condition are kept, at most `maxSignalsPerPerson` per person (the
 *   oldest go first).
 */
import type { FraudType } from '../detect/fraud-types.js';
import { ConditionTableBuilder, hasBit, markMet, type ConditionTable } from './conditions.js';
import { PersonSignals } from './person-state.js';
import { fillReason } from './reason.js';
import type { CorrelationRule, RuleFiring, Signal } from './types.js';

export interface CorrelatorOptions {
  /** How many condition-meeting signals are kept per person (default 64). */
  maxSignalsPerPerson?: number;
  /**
   * How many ids of signals pushed out of a person's ring are remembered to refuse redeliveries
   * (default 16 × maxSignalsPerPerson).
   */
  forgottenIdsPerPerson?: number;
}

interface CompiledRule {
  rule: CorrelationRule;
  windowMs: number;
  /** The condition bit of each step. */
  stepBits: readonly number[];
  /** The bits of all its steps, to skip the rule for signals that meet none of them. */
  anyStep: Uint32Array;
}

interface CompiledRules {
  table: ConditionTable;
  rules: readonly CompiledRule[];
  /** Rule id → window, for evicting firing memories. */
  windowById: ReadonlyMap<string, number>;
  maxWindowMs: number;
  maxSteps: number;
}

/** The live rules: the highest version of each id, if that version is enabled. */
export function liveRules(rules: readonly CorrelationRule[]): CorrelationRule[] {
  const latest = new Map<string, CorrelationRule>();
  for (const rule of rules) {
    const known = latest.get(rule.id);
    if (!known || rule.version > known.version) latest.set(rule.id, rule);
  }
  return [...latest.values()].filter((rule) => rule.enabled && rule.steps.length > 0);
}

function compileRules(rules: readonly CorrelationRule[]): CompiledRules {
  const builder = new ConditionTableBuilder();
  const live = liveRules(rules);
  const stepBits = live.map((rule) => rule.steps.map((step) => builder.add(step)));
  const table = builder.build();
  const compiled = live.map((rule, i): CompiledRule => {
    const anyStep = new Uint32Array(table.words);
    for (const bit of stepBits[i]!) anyStep[bit >>> 5]! |= 1 << (bit & 31);
    return { rule, windowMs: rule.windowMinutes * 60_000, stepBits: stepBits[i]!, anyStep };
  });
  return {
    table,
    rules: compiled,
    windowById: new Map(compiled.map((c) => [c.rule.id, c.windowMs])),
    maxWindowMs: Math.max(0, ...compiled.map((c) => c.windowMs)),
    maxSteps: Math.max(0, ...compiled.map((c) => c.stepBits.length)),
  };
}

export class Correlator {
  readonly #capacity: number;
  readonly #forgottenCapacity: number;
  #compiled: CompiledRules;
  readonly #persons = new Map<string, PersonSignals>();
  #horizon = -Infinity;
  /** The bits of the signal being ingested (and scratch for rebuilding). */
  #met: Uint32Array;
  /** Ring index chosen for each step during the search. */
  #chosen: Int32Array;
  /** During a search: steps must be later than this (the last firing's evidence). */
  #after = -Infinity;
  /** During a search: candidates it may still try. */
  #budget = 0;

  constructor(rules: readonly CorrelationRule[], options: CorrelatorOptions = {}) {
    this.#capacity = Math.max(1, Math.floor(options.maxSignalsPerPerson ?? 64));
    this.#forgottenCapacity = Math.max(0, Math.floor(options.forgottenIdsPerPerson ?? this.#capacity * 16));
    this.#compiled = compileRules(rules);
    this.#met = new Uint32Array(this.#compiled.table.words);
    this.#chosen = new Int32Array(this.#compiled.maxSteps);
  }

  /** The longest window of the live rules (ms): evicting before `now - maxWindowMs` loses no firing. */
  get maxWindowMs(): number {
    return this.#compiled.maxWindowMs;
  }

  /** How many persons have state (signals kept or a recent firing). */
  get trackedPersons(): number {
    return this.#persons.size;
  }

  /** The live rules (highest enabled version of each id), in the order given. */
  get rules(): readonly CorrelationRule[] {
    return this.#compiled.rules.map((c) => c.rule);
  }

  /** The firings `signal` completes (usually none). */
  ingest(signal: Signal): RuleFiring[] {
    if (!(signal.at >= this.#horizon)) return [];
    const { table } = this.#compiled;
    const met = this.#met;
    if (!markMet(table, signal, met)) return [];
    let person = this.#persons.get(signal.person);
    if (person === undefined) {
      person = new PersonSignals(this.#capacity, table.words, this.#forgottenCapacity);
      this.#persons.set(signal.person, person);
    } else if (person.hasEvent(signal.eventId)) return [];
    const index = person.add(signal, met);
    const firings: RuleFiring[] = [];
    for (const compiled of this.#compiled.rules) {
      if (!meetsAnyStep(compiled.anyStep, met, table.words)) continue;
      const firing = this.#fire(compiled, person, index, signal);
      if (firing !== null) firings.push(firing);
    }
    return firings;
  }

  /** Forgets signals older than `before` (ms) and firing memories whose quiet period ended before it. */
  evict(before: number): void {
    if (before > this.#horizon) this.#horizon = before;
    const { table, windowById } = this.#compiled;
    const keepBits = (signal: Signal, out: Uint32Array) => signal.at >= before && markMet(table, signal, out);
    for (const [key, person] of this.#persons) {
      person.rebuild(table.words, keepBits, this.#met, this.#horizon);
      if (person.lastFired !== null) {
        for (const [ruleId, at] of person.lastFired) {
          const windowMs = windowById.get(ruleId);
          if (windowMs === undefined || at + windowMs < before) person.lastFired.delete(ruleId);
        }
      }
      if (person.isEmpty) this.#persons.delete(key);
    }
  }

  /** Puts `rules` live (the highest enabled version of each id); kept signals are matched anew. */
  replaceRules(rules: readonly CorrelationRule[]): void {
    this.#compiled = compileRules(rules);
    const { table } = this.#compiled;
    this.#met = new Uint32Array(table.words);
    this.#chosen = new Int32Array(this.#compiled.maxSteps);
    const remask = (signal: Signal, out: Uint32Array) => markMet(table, signal, out);
    for (const [key, person] of this.#persons) {
      person.rebuild(table.words, remask, this.#met, this.#horizon);
      if (person.isEmpty) this.#persons.delete(key);
    }
    // rebuild used #met as scratch; the next ingest clears it.
  }

  #fire(compiled: CompiledRule, person: PersonSignals, index: number, signal: Signal): RuleFiring | null {
    const { stepBits, rule, windowMs } = compiled;
    const words = this.#compiled.table.words;
    const chosen = this.#chosen;
    if (rule.sameFraudType === true && signal.fraudType === null) return null;
    const last = person.lastFired?.get(rule.id);
    // A firing after the last one is made of signals that all came after its evidence.
    if (last !== undefined && signal.at <= last) return null;
    this.#after = last ?? -Infinity;
    if (stepBits.length > 1 && !this.#everyStepWithinReach(compiled, person, signal.at)) return null;
    this.#budget = SEARCH_BUDGET;
    let found = false;
    for (let k = 0; k < stepBits.length && !found; k++) {
      if (!hasBit(person.masks, index * words, stepBits[k]!)) continue;
      chosen.fill(-1, 0, stepBits.length);
      chosen[k] = index;
      found = this.#assign(compiled, person, k, 0, signal.at, signal.at);
    }
    if (!found) return null;
    const steps: Signal[] = [];
    let newest = -Infinity;
    for (let s = 0; s < stepBits.length; s++) {
      const step = person.signals[chosen[s]!]!;
      steps.push(step);
      if (step.at > newest) newest = step.at;
    }
    if (last !== undefined && newest <= last + windowMs) return null;
    (person.lastFired ??= new Map()).set(rule.id, last === undefined ? newest : Math.max(last, newest));
    const fraudType: FraudType | null =
      rule.fraudType ?? steps.find((s) => s.fraudType !== null)?.fraudType ?? null;
    return {
      ruleId: rule.id,
      ruleVersion: rule.version,
      level: rule.level,
      fraudType,
      person: signal.person,
      at: signal.at,
      eventIds: steps.map((s) => s.eventId),
      reason: fillReason(rule, steps, signal, fraudType),
    };
  }

  /** Whether every step is met by some kept signal within one window of `at` (a cheap test first). */
  #everyStepWithinReach(compiled: CompiledRule, person: PersonSignals, at: number): boolean {
    const words = this.#compiled.table.words;
    for (const bit of compiled.stepBits) {
      let met = false;
      for (let index = 0; index < person.size && !met; index++) {
        const other = person.signals[index]!.at;
        met =
          Math.abs(other - at) <= compiled.windowMs &&
          other > this.#after &&
          hasBit(person.masks, index * words, bit);
      }
      if (!met) return false;
    }
    return true;
  }

  /**
   * Backtracking: fills step `step` onwards (skipping the fixed step `fixed`, the new signal) with
   * distinct kept signals meeting each step, within the window (`first`..`last` so far) and, for
   * ordered rules, in order. Tries the newest signals first, so the evidence is the most recent.
   */
  #assign(
    compiled: CompiledRule,
    person: PersonSignals,
    fixed: number,
    step: number,
    first: number,
    last: number,
  ): boolean {
    const { stepBits, windowMs, rule } = compiled;
    if (step === stepBits.length) return true;
    if (step === fixed) return this.#assign(compiled, person, fixed, step + 1, first, last);
    const chosen = this.#chosen;
    const words = this.#compiled.table.words;
    const fixedSignal = person.signals[chosen[fixed]!]!;
    const fixedAt = fixedSignal.at;
    const fraudType = rule.sameFraudType === true ? fixedSignal.fraudType : undefined;
    // Steps are filled in order around the fixed one, so the step before is always chosen.
    const previousAt = step > 0 ? person.signals[chosen[step - 1]!]!.at : -Infinity;
    for (let n = 0; n < person.size; n++) {
      if (--this.#budget < 0) return false;
      const index = person.newest(n);
      if (!hasBit(person.masks, index * words, stepBits[step]!)) continue;
      if (isChosen(chosen, index, stepBits.length)) continue;
      const candidate = person.signals[index]!;
      if (fraudType !== undefined && candidate.fraudType !== fraudType) continue;
      const at = candidate.at;
      if (at <= this.#after) continue;
      const low = at < first ? at : first;
      const high = at > last ? at : last;
      if (high - low > windowMs) continue;
      if (rule.ordered && (at < previousAt || (step < fixed && at > fixedAt))) continue;
      chosen[step] = index;
      if (this.#assign(compiled, person, fixed, step + 1, low, high)) return true;
      chosen[step] = -1;
    }
    return false;
  }
}

/**
 * Candidates tried per rule and signal before the search gives up. A rule of a few steps needs a few
 * hundred at most; only a many-step rule over a person with dozens of look-alike signals comes near, and
 * then it does not fire on that signal rather than stall the stream.
 */
const SEARCH_BUDGET = 20_000;

function meetsAnyStep(anyStep: Uint32Array, met: Uint32Array, words: number): boolean {
  for (let w = 0; w < words; w++) if ((anyStep[w]! & met[w]!) !== 0) return true;
  return false;
}

function isChosen(chosen: Int32Array, index: number, steps: number): boolean {
  for (let s = 0; s < steps; s++) if (chosen[s] === index) return true;
  return false;
}
