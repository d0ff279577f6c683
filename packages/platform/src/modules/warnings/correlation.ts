/**
 * The correlation of this process: one engine `Correlator` fed by the event handler, its rules loaded
 * from the store (seeded from the shipped defaults), its windows rebuilt at start from the last day
 * of stored events. The handler runs inside the transaction that stores the event: it enriches the
 * event, ingests the signal, and opens or raises the person's warning. Notifications go out once the
 * event is committed.
 *
 * A handler call may be repeated when its transaction failed (nothing of it committed). The
 * correlator ignores a signal it has seen, so what an event produced (signal and firings) is kept for
 * a while and reused on the repeat: the store writes are idempotent, the firing is not lost.
 */
import type { CorrelationRule, RuleFiring, Signal } from '@fanzha/engine';
import { Correlator } from '@fanzha/engine';
import type { Transaction } from 'kysely';
import type { EventBus } from '../../bus/index.js';
import type { Context } from '../../context.js';
import type { Database } from '../../store/schema.js';
import { BoundedMap } from './bounded-map.js';
import { isNoteworthy, type EventForSignal, type SignalEnricher } from './enrich.js';
import type { WarningPublisher } from './publisher.js';
import { addEvidence, raiseWarnings } from './raise.js';
import type { UnitDirectory } from './routing.js';
import { loadAllRules, seedDefaultRules } from './rules.js';
import { findKnownIdNumber, findPersonEvents, findStoredEvents, storedEvents } from './stored-events.js';

/** Published when a rule got a new version, so that every instance puts it live. */
export const WARNING_RULES_CHANGED = 'fanzha.warning-rules.changed';

/** How far back the windows are rebuilt at start (at least the longest rule window). */
const REBUILD_MS = 24 * 3_600_000;
/** How late (event time) a signal may arrive and still be correlated with what came before it. */
const LATENESS_MS = 60 * 60_000;
const EVICT_EVERY_MS = 60_000;

interface Outcome {
  signal: Signal;
  firings: RuleFiring[];
}

export class CorrelationService {
  private correlator = new Correlator([]);
  private ruleNames = new Map<string, string>();
  /** What recent events produced, for a repeated handler call (see the top comment). */
  private readonly outcomes = new BoundedMap<string, Outcome>(50_000);
  /** Recent noteworthy signals, for the timeline of a firing on them. */
  private readonly signals = new BoundedMap<string, Signal>(200_000);
  /** The resident ID last given for a phone (banks know it; carriers do not). */
  private readonly idNumbers = new BoundedMap<string, string>(200_000);
  private evictTimer: NodeJS.Timeout | undefined;
  /**
   * Whether other instances may handle some of the events (they share the JetStream consumer): then a
   * person's recent events are read from the store before a signal that may complete a rule.
   */
  catchUpFromStore: boolean;
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    private readonly ctx: Context,
    private readonly deps: {
      enricher: SignalEnricher;
      units: UnitDirectory;
      publisher: WarningPublisher;
      bus?: EventBus;
    },
  ) {
    this.catchUpFromStore = ctx.config.natsUrl !== null;
  }

  /** Seeds and loads the rules, rebuilds the windows, and keeps them trimmed. */
  async start(): Promise<void> {
    await seedDefaultRules(this.ctx.db, this.ctx.clock.now());
    await this.reloadRules();
    await this.rebuild();
    this.evictTimer = setInterval(() => this.evict(), EVICT_EVERY_MS);
    this.evictTimer.unref();
    if (this.deps.bus)
      this.unsubscribe = await this.deps.bus.subscribe(WARNING_RULES_CHANGED, () => {
        void this.reloadRules().catch(() => undefined);
      });
  }

  async stop(): Promise<void> {
    clearInterval(this.evictTimer);
    await this.unsubscribe?.();
  }

  /** The live rules (the highest enabled version of each id). */
  get liveRules(): readonly CorrelationRule[] {
    return this.correlator.rules;
  }

  get trackedPersons(): number {
    return this.correlator.trackedPersons;
  }

  ruleName(id: string): string | undefined {
    return this.ruleNames.get(id);
  }

  /** Puts the stored rules live; kept signals are matched anew. */
  async reloadRules(): Promise<void> {
    const rules = await loadAllRules(this.ctx.db);
    this.correlator.replaceRules(rules);
    const names = new Map<string, string>();
    for (const rule of rules) names.set(rule.id, rule.name);
    this.ruleNames = names;
  }

  /** Tells the other instances (and this one, through the bus) to reload the rules. */
  async announceRulesChanged(): Promise<void> {
    await this.reloadRules();
    await this.deps.bus?.publish(WARNING_RULES_CHANGED, { at: this.ctx.clock.now().toISOString() });
  }

  /** Replays the stored events of the last day into fresh windows; their firings were handled already. */
  async rebuild(): Promise<number> {
    const rules = await loadAllRules(this.ctx.db);
    this.correlator = new Correlator(rules);
    const now = this.ctx.clock.now().getTime();
    const from = new Date(now - Math.max(REBUILD_MS, this.correlator.maxWindowMs + LATENESS_MS));
    let count = 0;
    for await (const page of storedEvents(this.ctx.db, from, new Date(now + 3_600_000))) {
      for (const event of page) {
        if (event.idNumber) this.idNumbers.set(event.phone, event.idNumber);
        const signal = this.deps.enricher.toSignal(event);
        if (isNoteworthy(signal)) this.signals.set(signal.eventId, signal);
        this.correlator.ingest(signal);
        count++;
      }
    }
    return count;
  }

  evict(): void {
    const before = this.ctx.clock.now().getTime() - this.correlator.maxWindowMs - LATENESS_MS;
    this.correlator.evict(before);
  }

  /** The events module's handler: `(event, trx) => Promise<void>`. */
  readonly handle = async (event: EventForSignal, trx: Transaction<Database>): Promise<void> => {
    const { signal, firings } = await this.outcomeOf(event, trx);
    if (firings.length === 0 && !isNoteworthy(signal)) return;
    // A warning dates from the evidence that raised it, not from when the event was handled: a late or
    // replayed event keeps its place in time, and its deadline runs from then (the person's time does
    // not wait for the partner's delivery).
    const now = new Date(Math.min(this.ctx.clock.now().getTime(), signal.at));
    if (firings.length === 0) {
      const warning = await addEvidence(trx, now, signal);
      if (warning) this.deps.publisher.afterCommit(event.id, warning.id, 'updated');
      return;
    }
    const result = await raiseWarnings(
      {
        db: trx,
        now,
        deadlines: this.ctx.config.warningDeadlines,
        units: this.deps.units,
        idNumber:
          event.idNumber ?? this.idNumbers.get(event.phone) ?? (await findKnownIdNumber(trx, event.phone)),
        signals: await this.signalsOf(trx, firings),
        ruleName: (id) => this.ruleNames.get(id),
      },
      signal,
      firings,
    );
    if (result)
      this.deps.publisher.afterCommit(event.id, result.warning.id, result.created ? 'created' : 'updated');
  };

  private async outcomeOf(event: EventForSignal, trx: Transaction<Database>): Promise<Outcome> {
    const known = this.outcomes.get(event.id);
    if (known) return known;
    if (event.idNumber) this.idNumbers.set(event.phone, event.idNumber);
    const signal = this.deps.enricher.toSignal(event);
    const noteworthy = isNoteworthy(signal);
    if (this.catchUpFromStore && (noteworthy || signal.kind === 'app')) await this.catchUp(trx, signal);
    const outcome = { signal, firings: this.correlator.ingest(signal) };
    if (noteworthy) this.signals.set(signal.eventId, signal);
    if (noteworthy || outcome.firings.length > 0) this.outcomes.set(event.id, outcome);
    return outcome;
  }

  /**
   * Ingests the person's recent stored events this process may not have seen (the correlator skips
   * those it holds): with several instances sharing the event consumer, the earlier steps of a rule
   * may have arrived at another instance. Their own firings were found where they arrived.
   */
  private async catchUp(trx: Transaction<Database>, signal: Signal): Promise<void> {
    const from = new Date(signal.at - this.correlator.maxWindowMs);
    for (const event of await findPersonEvents(trx, signal.person, from, signal.eventId)) {
      const earlier = this.deps.enricher.toSignal(event);
      if (isNoteworthy(earlier)) this.signals.set(earlier.eventId, earlier);
      this.correlator.ingest(earlier);
    }
  }

  /** The signals behind the firings: remembered, else read back from the stored events. */
  private async signalsOf(db: Transaction<Database>, firings: readonly RuleFiring[]) {
    const found = new Map<string, Signal>();
    const missing: string[] = [];
    for (const firing of firings)
      for (const id of firing.eventIds) {
        const signal = this.signals.get(id);
        if (signal) found.set(id, signal);
        else missing.push(id);
      }
    for (const event of await findStoredEvents(db, missing))
      found.set(event.id, this.deps.enricher.toSignal(event));
    return found;
  }
}
