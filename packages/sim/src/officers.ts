/**
 * The officers: they follow the live queue (or, without one, look at it: red every minute, orange
 * every five, yellow every quarter hour), open each new warning, and some minutes later call the person. What they record follows the ground
 * truth: a victim reached before the money left is dissuaded (with the amount), one reached after has
 * paid, anyone else is a false alarm; now and then nobody answers (retried, then a visit).
 */
import type { AttemptInput, PlatformClient, WarningSummary, WarningWatch } from './client.js';
import type { ObservedWarning, RecordedOutcome } from './report.js';
import { Rng } from './random.js';
import { isoChina, MINUTE } from './time.js';
import { readWarning } from './warning-view.js';
import type { VictimState } from './victims.js';

const LEVEL_RANK: Record<string, number> = { red: 3, orange: 2, yellow: 1 };
/** How often the queue of each level is looked at, simulated ms. */
const POLL_EVERY: Record<string, number> = { red: MINUTE, orange: 5 * MINUTE, yellow: 15 * MINUTE };
/** Minutes from seeing a warning to the first call, by level (deadlines: red 5, orange 30, yellow 24 h). */
const FIRST_CALL_MINUTES: Record<string, readonly [number, number]> = {
  red: [1, 6],
  orange: [4, 35],
  yellow: [20, 360],
};
/** With the live queue: how often the whole queue is read anyway (simulated ms). */
const FULL_LOOK_EVERY = 30 * MINUTE;
const REACH_PROBABILITY = 0.85;
const ATTEMPTS_BEFORE_VISIT = 3;

interface Tracked {
  id: string;
  level: string;
  person: number | null;
  /** When the next attempt is due; null when closed or never to be worked. */
  dueAt: number | null;
  attempts: number;
  rng: Rng;
}

export interface WhoIs {
  byPhone(phone: string): number | undefined;
  /** The one person whose number masks to this (138****5678); undefined when none or several. */
  byMaskedPhone(masked: string): number | undefined;
  byEventId(eventId: string): number | undefined;
}

export class OfficerDesk {
  readonly warnings: ObservedWarning[] = [];
  readonly outcomes: RecordedOutcome[] = [];
  /** False once the platform turned out to have no warnings API. */
  available = true;
  readonly #tracked = new Map<string, Tracked>();
  readonly #lastPoll = new Map<string, number>();
  readonly #seenPerPerson = new Map<number, number>();
  /** The live queue; undefined until tried, null when the platform has none. */
  #watch: WarningWatch | null | undefined;

  constructor(
    private readonly client: PlatformClient,
    private readonly whoIs: WhoIs,
    private readonly victims: ReadonlyMap<number, VictimState>,
    private readonly seed: number,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Takes in the warnings that appeared (the live queue when the platform has one, with a full look
   * every half hour in case the stream missed something; otherwise the queues by level as they come
   * due for a look), then makes the attempts due before `until`.
   */
  async work(now: number, until: number): Promise<void> {
    if (!this.available) return;
    if (this.#watch === undefined) this.#watch = await this.client.watchWarnings().catch(() => null);
    if (this.#watch) {
      for (const row of this.#watch.drain()) {
        if (row.raw.status === 'closed') this.#closed(row.id);
        else await this.#see(row, now);
      }
    }
    for (const level of ['red', 'orange', 'yellow']) {
      const every = this.#watch ? FULL_LOOK_EVERY : POLL_EVERY[level]!;
      const last = this.#lastPoll.get(level);
      if (last !== undefined && now - last < every) continue;
      this.#lastPoll.set(level, now);
      const rows = await this.client.openWarnings(level);
      if (rows === null) {
        this.available = false;
        this.log('the platform has no warnings API (GET /api/v1/warnings answered 404): officers stay home');
        return;
      }
      for (const row of rows) await this.#see(row, now);
    }
    const due = [...this.#tracked.values()]
      .filter((warning) => warning.dueAt !== null && warning.dueAt < until)
      .sort((a, b) => a.dueAt! - b.dueAt! || a.id.localeCompare(b.id));
    for (const warning of due) await this.#attempt(warning);
  }

  /** Stops following the live queue. */
  close(): void {
    this.#watch?.close();
  }

  #closed(id: string): void {
    const known = this.#tracked.get(id);
    if (known) known.dueAt = null;
  }

  async #see(row: WarningSummary, now: number): Promise<void> {
    const known = this.#tracked.get(row.id);
    if (known) {
      if (known.dueAt !== null && (LEVEL_RANK[row.level] ?? 0) > (LEVEL_RANK[known.level] ?? 0)) {
        // Raised (e.g. yellow → red): the call moves up the list.
        known.level = row.level;
        known.dueAt = Math.min(known.dueAt, now + this.#delay(known.rng, row.level));
      }
      return;
    }
    // The queue shows the number masked; where that names one simulated person who is not a victim,
    // the detail (an audited read, and the slowest request) adds nothing to the figures.
    const masked =
      typeof row.raw.phoneMasked === 'string' ? this.whoIs.byMaskedPhone(row.raw.phoneMasked) : undefined;
    let person: number | null = masked ?? null;
    let warnedAt = now;
    if (masked === undefined || this.victims.has(masked)) {
      const view = readWarning(await this.client.warning(row.id));
      person = this.#personOf(view.phone, view.eventIds);
      const fired = view.firedAt[0];
      // Firings carry event time; a time far from the simulated clock is the platform's wall clock.
      if (fired !== undefined && fired <= now + MINUTE && fired >= now - 24 * 60 * MINUTE) warnedAt = fired;
    }
    const seen = (this.#seenPerPerson.get(person ?? -1) ?? 0) + 1;
    this.#seenPerPerson.set(person ?? -1, seen);
    const rng = Rng.derive(this.seed, person === null ? `warning:${row.id}` : `warning:${person}:${seen}`);
    const tracked: Tracked = {
      id: row.id,
      level: row.level,
      person,
      dueAt: person === null ? null : Math.max(now, warnedAt + this.#delay(rng, row.level)),
      attempts: 0,
      rng,
    };
    this.#tracked.set(row.id, tracked);
    this.warnings.push({ id: row.id, person, warnedAt });
    if (person === null) this.log(`warning ${row.id}: not a simulated person, left to real officers`);
  }

  #personOf(phone: string | null, eventIds: readonly string[]): number | null {
    if (phone) {
      const person = this.whoIs.byPhone(phone);
      if (person !== undefined) return person;
    }
    for (const id of eventIds) {
      const person = this.whoIs.byEventId(id);
      if (person !== undefined) return person;
    }
    return null;
  }

  #delay(rng: Rng, level: string): number {
    const [min, max] = FIRST_CALL_MINUTES[level] ?? FIRST_CALL_MINUTES.yellow!;
    return rng.int(min * 60, max * 60) * 1000;
  }

  async #attempt(warning: Tracked): Promise<void> {
    const at = warning.dueAt!;
    const person = warning.person!;
    warning.attempts += 1;
    const visit = warning.attempts > ATTEMPTS_BEFORE_VISIT;
    const channel = visit
      ? 'visit'
      : warning.attempts === 1
        ? 'call'
        : warning.rng.pick(['call', 'sms'] as const);
    const reached = visit || warning.rng.chance(REACH_PROBABILITY);
    const attempt: AttemptInput = reached
      ? this.#outcome(person, at, channel)
      : { channel, outcome: 'unreachable', at: isoChina(at), note: '无人接听' };
    if (attempt.outcome === 'unreachable') {
      warning.dueAt = at + (visit ? 30 : warning.rng.int(5, 15)) * MINUTE;
      if (warning.attempts === ATTEMPTS_BEFORE_VISIT) warning.dueAt = at + warning.rng.int(30, 90) * MINUTE;
    } else {
      warning.dueAt = null;
    }
    try {
      await this.client.recordAttempt(warning.id, attempt);
    } catch (error) {
      // Closed meanwhile (another officer, a transfer out of our reach): nothing more to do here.
      warning.dueAt = null;
      this.log(`warning ${warning.id}: the attempt was not recorded (${(error as Error).message})`);
      return;
    }
    const victim = this.victims.get(person);
    if (victim && attempt.outcome === 'dissuaded' && victim.dissuadedAt === null) victim.dissuadedAt = at;
    if (victim && attempt.outcome === 'paid') victim.paidRecorded = true;
    this.outcomes.push({
      warningId: warning.id,
      person,
      outcome: attempt.outcome,
      amount: attempt.amount ?? null,
    });
  }

  /** What the officer learns on reaching the person, from the ground truth. */
  #outcome(person: number, at: number, channel: AttemptInput['channel']): AttemptInput {
    const victim = this.victims.get(person);
    const when = isoChina(at);
    if (!victim || victim.plan.steps[0]!.at > at) {
      return { channel, outcome: 'false_alarm', at: when, note: '经核实未受骗' };
    }
    // A second warning on someone already dealt with records no second amount.
    if (victim.dissuadedAt !== null) {
      return { channel, outcome: 'dissuaded', amount: 0, at: when, note: '此前已劝阻，再次确认' };
    }
    if (at < victim.plan.paymentAt) {
      return { channel, outcome: 'dissuaded', amount: victim.plan.amount, at: when, note: '已劝阻，未转账' };
    }
    const amount = victim.paidRecorded ? 0 : victim.plan.amount;
    return { channel, outcome: 'paid', amount, at: when, note: '已转账，引导报案' };
  }
}
