/**
 * Turns rule firings into warnings, inside the event handler's transaction: one open warning per
 * person, opened on the first firing (routed, with a deadline to first contact), raised by later ones
 * (red > orange > yellow; the deadline only ever moves closer), with the firing and the signals that
 * made it fire on its timeline. Idempotent by event id: a firing already recorded (same rule, same
 * completing event) and a signal already on the timeline change nothing.
 */
import type { RuleFiring, Signal, WarningLevel } from '@fanzha/engine';
import type { WarningDeadlines } from '../../config.js';
import type { WarningRow } from '../../store/warnings-schema.js';
import type { UnitDirectory } from './routing.js';
import {
  findOpenWarningOf,
  firingRecorded,
  insertOpenWarning,
  insertTimeline,
  updateWarning,
  type Db,
  type TimelineInsert,
} from './store.js';

const RANK: Record<WarningLevel, number> = { red: 0, orange: 1, yellow: 2 };

export const higherLevel = (a: WarningLevel, b: WarningLevel): WarningLevel => (RANK[a] <= RANK[b] ? a : b);

export const firingKey = (firing: RuleFiring, completingEventId: string) =>
  `firing:${firing.ruleId}:${completingEventId}`;
export const signalKey = (eventId: string) => `signal:${eventId}`;

/** What the timeline keeps of a signal: enough to read the evidence without the event store. */
export function signalDetail(signal: Signal) {
  return {
    kind: signal.kind,
    counterparty: signal.counterparty,
    listed: signal.listed,
    lists: signal.lists,
    fraudType: signal.fraudType,
    amount: signal.amount,
    ...(signal.durationSeconds != null ? { durationSeconds: signal.durationSeconds } : {}),
  };
}

export interface RaiseContext {
  db: Db;
  now: Date;
  deadlines: WarningDeadlines;
  units: UnitDirectory;
  /** The person's resident ID when some event said it. */
  idNumber: string | null;
  /** The signals of the firings' events, where known (else the timeline names only the event id). */
  signals: ReadonlyMap<string, Signal>;
  ruleName: (ruleId: string) => string | undefined;
}

export interface RaiseResult {
  warning: WarningRow;
  created: boolean;
}

/** Applies the firings of one signal (all for the same person); returns the warnings it opened or changed. */
export async function raiseWarnings(
  ctx: RaiseContext,
  signal: Signal,
  firings: readonly RuleFiring[],
): Promise<RaiseResult | null> {
  const fresh: RuleFiring[] = [];
  for (const firing of firings)
    if (!(await firingRecorded(ctx.db, firingKey(firing, signal.eventId)))) fresh.push(firing);
  if (fresh.length === 0) return null;

  const top = fresh.reduce((a, b) => (RANK[b.level] < RANK[a.level] ? b : a));
  const deadlineFrom = (level: WarningLevel) => new Date(ctx.now.getTime() + ctx.deadlines[level]);
  let warning = await findOpenWarningOf(ctx.db, signal.person, { lock: true });
  let created = false;
  if (!warning) {
    const route = ctx.units.route(signal.person, ctx.idNumber);
    warning = await insertOpenWarning(ctx.db, {
      phone: signal.person,
      id_number: ctx.idNumber,
      unit_code: route.unitCode,
      routed_by: route.routedBy,
      level: top.level,
      fraud_type: top.fraudType ?? fresh.find((f) => f.fraudType !== null)?.fraudType ?? null,
      rule_ids: [...new Set(fresh.map((f) => f.ruleId))],
      created_at: ctx.now,
      updated_at: ctx.now,
      deadline_at: deadlineFrom(top.level),
    });
    created = warning !== undefined;
    // Another handler opened it between our read and insert: raise that one instead.
    warning ??= await findOpenWarningOf(ctx.db, signal.person, { lock: true });
    if (!warning) throw new Error(`no open warning for ${signal.person} after a conflicting insert`);
  }
  if (!created) {
    const level = higherLevel(warning.level, top.level);
    const raised = level !== warning.level;
    const deadline = new Date(
      Math.min(new Date(warning.deadline_at).getTime(), deadlineFrom(level).getTime()),
    );
    warning = await updateWarning(ctx.db, warning.id, {
      level,
      deadline_at: deadline,
      fraud_type: (raised ? top.fraudType : null) ?? warning.fraud_type ?? top.fraudType,
      rule_ids: [...new Set([...warning.rule_ids, ...fresh.map((f) => f.ruleId)])],
      id_number: warning.id_number ?? ctx.idNumber,
      updated_at: ctx.now,
    });
  }

  const entries: TimelineInsert[] = [];
  for (const firing of fresh) {
    for (const eventId of firing.eventIds) {
      const step = eventId === signal.eventId ? signal : ctx.signals.get(eventId);
      entries.push({
        warning_id: warning.id,
        key: signalKey(eventId),
        kind: 'signal',
        event_id: eventId,
        rule_id: null,
        at: new Date(step?.at ?? firing.at),
        detail: step ? signalDetail(step) : {},
      });
    }
    entries.push({
      warning_id: warning.id,
      key: firingKey(firing, signal.eventId),
      kind: 'firing',
      event_id: signal.eventId,
      rule_id: firing.ruleId,
      at: new Date(firing.at),
      detail: {
        ruleVersion: firing.ruleVersion,
        ruleName: ctx.ruleName(firing.ruleId) ?? firing.ruleId,
        level: firing.level,
        fraudType: firing.fraudType,
        reason: firing.reason,
        eventIds: firing.eventIds,
      },
    });
  }
  const unique = new Map(entries.map((entry) => [entry.key, entry]));
  await insertTimeline(ctx.db, [...unique.values()]);
  return { warning, created };
}

/**
 * Adds a noteworthy signal that completed no rule to the person's open warning, if there is one;
 * returns that warning when the signal was new to it.
 */
export async function addEvidence(db: Db, now: Date, signal: Signal): Promise<WarningRow | null> {
  const warning = await findOpenWarningOf(db, signal.person);
  if (!warning) return null;
  const added = await insertTimeline(db, [
    {
      warning_id: warning.id,
      key: signalKey(signal.eventId),
      kind: 'signal',
      event_id: signal.eventId,
      rule_id: null,
      at: new Date(signal.at),
      detail: signalDetail(signal),
    },
  ]);
  if (added === 0) return null;
  return updateWarning(db, warning.id, { updated_at: now });
}
