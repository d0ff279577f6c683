/**
 * The evaluation figures of a run, computed from the ground truth and what the platform answered:
 * how many victims, how many were warned before they paid and how fast, how many warnings were false
 * alarms, and what the officers' dissuasions saved. Pure: the run collects, this function judges.
 */
import { covered } from './callers.js';
import type { SimPlan } from './model.js';
import { completedVictims } from './plan.js';

export interface ObservedWarning {
  id: string;
  /** Index into the population; null when the warning could not be tied to a simulated person. */
  person: number | null;
  /** When the warning was raised (its first firing), simulated ms. */
  warnedAt: number;
}

export interface RecordedOutcome {
  warningId: string;
  person: number;
  outcome: 'dissuaded' | 'paid' | 'unreachable' | 'false_alarm';
  amount: number | null;
}

export interface Observations {
  warnings: readonly ObservedWarning[];
  outcomes: readonly RecordedOutcome[];
  /** Per victim, the simulated times of the events sent about their fraud (their steps, their report), ascending. */
  eventTimes: ReadonlyMap<number, readonly number[]>;
  eventsAccepted: number;
  /** Wall-clock seconds spent in the events requests. */
  eventsSeconds: number;
  /** Numbers the platform's caller-behaviour detector marked during the run; null: no CDRs were taken. */
  markedCallers?: readonly string[] | null;
}

/** The caller-behaviour detector against the SIM-box truth (numbers whose CDRs were posted). */
export interface CallerBehaviourFigures {
  /** SIM-box numbers whose carrier posted their CDRs. */
  simBoxes: number;
  /** Numbers marked. */
  marked: number;
  /** SIM-box numbers among them. */
  caught: number;
  /** Busy honest callers (couriers, sales) marked: the hard negatives. */
  busyMarked: number;
  /** caught / marked; null: nothing marked. */
  precision: number | null;
  /** caught / simBoxes; null: no SIM box posted. */
  recall: number | null;
}

export interface SimReport {
  /** Victims whose payment (made or prevented) falls within the period. */
  victims: number;
  /** Share of those victims for whom a warning was raised between first contact and payment. */
  warnedBeforePayment: number;
  /** Median, over warned victims, of seconds from the first event of their fraud to the warning; null: none. */
  medianSecondsToWarning: number | null;
  /** Share of warnings on people who were not victims; null: no warnings. */
  falseAlarmRate: number | null;
  /** Victims the officers dissuaded. */
  dissuaded: number;
  /** Yuan: the sum of the dissuaded victims' amounts. */
  lossAvoided: number;
  /** Events the platform accepted per wall-clock second of sending. */
  eventsPerSecond: number;
  /** Fraud-caller behaviour from the carriers' CDRs; null when the platform took no CDRs. */
  callerBehaviour: CallerBehaviourFigures | null;
}

export function computeReport(plan: SimPlan, observed: Observations): SimReport {
  const victims = completedVictims(plan);
  const victimPeople = new Set(plan.victims.map((victim) => victim.person));
  const warningsByPerson = new Map<number, number[]>();
  for (const warning of observed.warnings) {
    if (warning.person === null) continue;
    let times = warningsByPerson.get(warning.person);
    if (!times) warningsByPerson.set(warning.person, (times = []));
    times.push(warning.warnedAt);
  }
  let warnedBefore = 0;
  const secondsToWarning: number[] = [];
  for (const victim of victims) {
    const contactAt = victim.steps[0]!.at;
    const warnedAt = (warningsByPerson.get(victim.person) ?? [])
      .filter((at) => at >= contactAt)
      .reduce((first, at) => Math.min(first, at), Infinity);
    if (warnedAt === Infinity) continue;
    if (warnedAt < victim.paymentAt) warnedBefore += 1;
    const firstSignal = (observed.eventTimes.get(victim.person) ?? []).find((at) => at >= contactAt);
    if (firstSignal !== undefined) secondsToWarning.push(Math.max(0, (warnedAt - firstSignal) / 1000));
  }
  const tied = observed.warnings.filter((warning) => warning.person !== null);
  const falseAlarms = tied.filter((warning) => !victimPeople.has(warning.person!)).length;
  const dissuasions = observed.outcomes.filter((outcome) => outcome.outcome === 'dissuaded');
  return {
    victims: victims.length,
    warnedBeforePayment: victims.length ? round(warnedBefore / victims.length, 4) : 0,
    medianSecondsToWarning: median(secondsToWarning),
    falseAlarmRate: tied.length ? round(falseAlarms / tied.length, 4) : null,
    dissuaded: new Set(dissuasions.map((outcome) => outcome.person)).size,
    lossAvoided: dissuasions.reduce((sum, outcome) => sum + (outcome.amount ?? 0), 0),
    eventsPerSecond:
      observed.eventsSeconds > 0 ? Math.round(observed.eventsAccepted / observed.eventsSeconds) : 0,
    callerBehaviour: callerFigures(plan, observed.markedCallers ?? null),
  };
}

function callerFigures(plan: SimPlan, marked: readonly string[] | null): CallerBehaviourFigures | null {
  if (marked === null || !plan.callers) return null;
  const callers = plan.callers;
  const simBoxes = new Set(
    callers.simBoxes.filter((box) => covered(callers, box.number)).map((b) => b.number),
  );
  const busy = new Set(callers.busy.map((caller) => caller.number));
  const markedSet = new Set(marked);
  const caught = [...markedSet].filter((number) => simBoxes.has(number)).length;
  return {
    simBoxes: simBoxes.size,
    marked: markedSet.size,
    caught,
    busyMarked: [...markedSet].filter((number) => busy.has(number)).length,
    precision: markedSet.size ? round(caught / markedSet.size, 4) : null,
    recall: simBoxes.size ? round(caught / simBoxes.size, 4) : null,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return round(value, 1);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
