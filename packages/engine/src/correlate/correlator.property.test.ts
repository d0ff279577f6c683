import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FraudType } from '../detect/fraud-types.js';
import { Correlator } from './correlator.js';
import { T0, MINUTE } from './test-factories.js';
import { EVENT_KINDS, type CorrelationRule, type Signal, type SignalCondition } from './types.js';

const FEW_TYPES: readonly FraudType[] = ['fake_police', 'romance', 'fake_loan'];

/** `arbitrary` one time in `oneIn`, otherwise absent. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, oneIn: number) =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const conditionArbitrary: fc.Arbitrary<SignalCondition> = fc
  .record({
    kinds: sometimes(fc.subarray(['call', 'sms', 'web'] as const, { minLength: 1 }), 2),
    listed: sometimes(fc.constantFrom(true, false, 'block' as const, 'mark' as const), 2),
    fraudTypes: sometimes(fc.subarray([...FEW_TYPES], { minLength: 1 }), 4),
    lists: sometimes(fc.constantFrom(['numbers'], ['numbers', 'domains']), 6),
    minAmount: sometimes(fc.integer({ min: 0, max: 1000 }), 8),
    minDurationSeconds: sometimes(fc.integer({ min: 0, max: 600 }), 8),
  })
  .map((fields) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));

const ruleArbitrary = (id: string): fc.Arbitrary<CorrelationRule> =>
  fc.record({
    id: fc.constant(id),
    version: fc.constant(1),
    name: fc.constant(id),
    level: fc.constantFrom('red' as const, 'orange' as const, 'yellow' as const),
    fraudType: fc.constantFrom(null, 'fake_police' as const),
    windowMinutes: fc.integer({ min: 1, max: 60 }),
    ordered: fc.boolean(),
    sameFraudType: fc.boolean(),
    steps: fc.array(conditionArbitrary, { minLength: 1, maxLength: 3 }),
    enabled: fc.constant(true),
  });

const signalArbitrary: fc.Arbitrary<Omit<Signal, 'eventId'>> = fc.record({
  kind: fc.oneof(
    fc.constantFrom('call' as const, 'sms' as const, 'web' as const),
    fc.constantFrom(...EVENT_KINDS),
  ),
  at: fc.integer({ min: 0, max: 180 * MINUTE }).map((ms) => T0 + ms),
  person: fc.constantFrom('+8613800000001', '+8613800000002', '+8613800000003'),
  counterparty: fc.constantFrom(null, '+8617000000000', 'fraud.top'),
  listed: fc.constantFrom(null, 'mark' as const, 'block' as const),
  lists: fc.constantFrom([], ['numbers'], ['domains', 'numbers']),
  fraudType: fc.constantFrom(null, ...FEW_TYPES),
  amount: fc.option(fc.integer({ min: 0, max: 2000 })),
  durationSeconds: fc.option(fc.integer({ min: 0, max: 900 })),
});

/** What happens next: a signal (new, or one already sent again), or an eviction. */
type Step = { signal: Omit<Signal, 'eventId'> } | { repeat: number } | { evictMinutes: number };
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: signalArbitrary.map((signal) => ({ signal })) },
  { weight: 1, arbitrary: fc.nat().map((repeat) => ({ repeat })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 180 }).map((evictMinutes) => ({ evictMinutes })) },
);

/** The condition semantics of types.ts, written out plainly. */
function meets(signal: Signal, condition: SignalCondition): boolean {
  const listed = condition.listed;
  if (listed === true || listed === 'mark') {
    if (signal.listed === null) return false;
  } else if (listed === false) {
    if (signal.listed !== null) return false;
  } else if (listed === 'block' && signal.listed !== 'block') return false;
  if (condition.kinds && !condition.kinds.includes(signal.kind)) return false;
  if (condition.fraudTypes && (signal.fraudType === null || !condition.fraudTypes.includes(signal.fraudType)))
    return false;
  if (condition.lists && !signal.lists.some((l) => condition.lists!.includes(l))) return false;
  if (condition.minAmount !== undefined && !(signal.amount !== null && signal.amount >= condition.minAmount))
    return false;
  if (
    condition.minDurationSeconds !== undefined &&
    !(typeof signal.durationSeconds === 'number' && signal.durationSeconds >= condition.minDurationSeconds)
  )
    return false;
  return true;
}

/** Whether some distinct signals of `pool` (which holds `last`) meet the rule's steps with `last` among them. */
function completes(rule: CorrelationRule, pool: readonly Signal[], last: Signal): boolean {
  const chosen: Signal[] = [];
  const search = (step: number): boolean => {
    if (step === rule.steps.length) {
      const times = chosen.map((s) => s.at);
      return (
        chosen.includes(last) &&
        Math.max(...times) - Math.min(...times) <= rule.windowMinutes * MINUTE &&
        (!rule.ordered || chosen.every((s, i) => i === 0 || s.at >= chosen[i - 1]!.at)) &&
        (!rule.sameFraudType ||
          chosen.every((s) => s.fraudType !== null && s.fraudType === chosen[0]!.fraudType))
      );
    }
    for (const candidate of pool) {
      if (chosen.includes(candidate) || !meets(candidate, rule.steps[step]!)) continue;
      chosen.push(candidate);
      if (search(step + 1)) return true;
      chosen.pop();
    }
    return false;
  };
  return search(0);
}

describe('Correlator (property)', () => {
  it('on a stream in time order, fires exactly when a brute-force search finds the steps, once per episode', () => {
    let firings = 0;
    fc.assert(
      fc.property(
        fc.tuple(ruleArbitrary('a'), ruleArbitrary('b')),
        fc.array(signalArbitrary, { minLength: 10, maxLength: 40 }),
        (rules, drafts) => {
          const sut = new Correlator(rules, { maxSignalsPerPerson: 100 });
          const signals = drafts.map((d, i) => ({ ...d, eventId: `e${i}` })).sort((a, b) => a.at - b.at);
          const lastFired = new Map<string, number>();
          signals.forEach((signal, i) => {
            const pool = signals.slice(0, i + 1).filter((s) => s.person === signal.person);
            const expected = rules
              .filter((rule) => {
                if (!completes(rule, pool, signal)) return false;
                const key = `${signal.person} ${rule.id}`;
                const last = lastFired.get(key);
                if (last !== undefined && signal.at <= last + rule.windowMinutes * MINUTE) return false;
                lastFired.set(key, signal.at);
                return true;
              })
              .map((rule) => rule.id);
            const actual = sut.ingest(signal).map((f) => f.ruleId);
            firings += actual.length;
            expect(actual).toEqual(expected);
          });
        },
      ),
      { numRuns: 300 },
    );
    expect(firings).toBeGreaterThan(100);
  });

  it('never throws, and every firing is made of distinct signals of that person meeting its steps within its window', () => {
    let firings = 0;
    fc.assert(
      fc.property(
        fc.tuple(ruleArbitrary('a'), ruleArbitrary('b'), ruleArbitrary('c')),
        fc.array(stepArbitrary, { minLength: 10, maxLength: 80 }),
        (rules, steps) => {
          // A small ring, so that signals are pushed out of it; the ids it lets go of (16 × 8) outnumber
          // the steps, so every repeat is a known duplicate.
          const sut = new Correlator(rules, { maxSignalsPerPerson: 8 });
          const byId = new Map<string, Signal>();
          const sent: Signal[] = [];
          /** Per person and rule, the newest step time of the firings so far. */
          const lastNewest = new Map<string, number>();
          for (const step of steps) {
            if ('evictMinutes' in step) {
              sut.evict(T0 + step.evictMinutes * MINUTE);
              continue;
            }
            let signal: Signal;
            if ('repeat' in step) {
              if (sent.length === 0) continue;
              signal = { ...sent[step.repeat % sent.length]! };
            } else {
              signal = { ...step.signal, eventId: `e${sent.length}` };
              byId.set(signal.eventId, signal);
            }
            sent.push(signal);
            const made = sut.ingest(signal);
            if ('repeat' in step) expect(made).toEqual([]);
            firings += made.length;
            for (const firing of made) {
              const rule = rules.find((r) => r.id === firing.ruleId)!;
              expect(firing.person).toBe(signal.person);
              expect(firing.at).toBe(signal.at);
              expect(firing.eventIds).toContain(signal.eventId);
              expect(new Set(firing.eventIds).size).toBe(rule.steps.length);
              const used = firing.eventIds.map((id) => byId.get(id)!);
              used.forEach((s, i) => {
                expect(s.person).toBe(firing.person);
                expect(meets(s, rule.steps[i]!)).toBe(true);
                if (rule.ordered && i > 0) expect(s.at).toBeGreaterThanOrEqual(used[i - 1]!.at);
                if (rule.sameFraudType) expect(s.fraudType).toBe(used[0]!.fraudType);
              });
              const times = used.map((s) => s.at);
              const newest = Math.max(...times);
              expect(newest - Math.min(...times)).toBeLessThanOrEqual(rule.windowMinutes * MINUTE);
              const key = `${firing.person} ${rule.id}`;
              const previous = lastNewest.get(key);
              if (previous !== undefined)
                expect(newest).toBeGreaterThan(previous + rule.windowMinutes * MINUTE);
              lastNewest.set(key, Math.max(previous ?? -Infinity, newest));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(firings).toBeGreaterThan(100);
  });
});
