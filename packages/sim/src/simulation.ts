/**
 * One run: generate the plan, list the gangs' known assets, then walk simulated time tick by tick.
 * Each tick the officers look at their queues and make their calls, partners screen the tick's
 * traffic and send events for whatever the lists flag, citizens report; victims who were not
 * reached pay. At `--speed N` a tick waits for the wall clock; at `max` it does not.
 */
import { performance } from 'node:perf_hooks';
import type { FraudType } from '@fanzha/engine';
import { callerCdrs, generateCallers, type Cdr } from './callers.js';
import type { PartnerEvent, PlatformClient, VerdictAction } from './client.js';
import type { SimPlan, VictimStep } from './model.js';
import { OfficerDesk } from './officers.js';
import { DEFAULT_PLAN_OPTIONS, generatePlan, type PlanOptions } from './plan.js';
import { provinceFromUnits } from './province.js';
import { Rng } from './random.js';
import { computeReport, type SimReport } from './report.js';
import { listGangAssets } from './setup.js';
import { HOUR, isoChina, MINUTE } from './time.js';
import {
  contactSighting,
  DEFAULT_TRAFFIC,
  fraudTypeIndex,
  ordinaryTraffic,
  stepSighting,
  type Sighting,
  type TrafficRates,
} from './traffic.js';
import { stepHappens, victimOutcome, victimStates, type VictimOutcome, type VictimState } from './victims.js';

export type { VictimOutcome } from './victims.js';

export interface SimOptions {
  client: PlatformClient;
  seed: number;
  /** Start of the simulated period, ms since the epoch. */
  start: number;
  hours: number;
  /** Simulated seconds per wall-clock second, or 'max' for as fast as the platform answers. */
  speed: number | 'max';
  population?: number;
  victimsPerDay?: number;
  gangsPerFraudType?: number;
  listedShare?: number;
  traffic?: TrafficRates;
  /** Simulated seconds per tick (default 60). */
  tickSeconds?: number;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
  /** Simulated hours between progress lines (default 1). */
  progressHours?: number;
  /** Share of numbers whose carrier posts CDRs to the platform (default 1; 0: no CDRs). */
  cdrShare?: number;
}

export interface SimResult {
  plan: SimPlan;
  victims: VictimOutcome[];
  report: SimReport;
  eventsSent: number;
  eventsRejected: number;
  /** The SIM-box numbers (the caller-behaviour truth) whose CDRs were posted. */
  simBoxNumbers: string[];
  cdrsSent: number;
}

const EVENTS_PER_REQUEST = 5_000;
const CDRS_PER_REQUEST = 50_000;
const ITEMS_PER_SCREEN = 20_000;
/** Ticks screened in one request. */
const TICKS_PER_WINDOW = 15;

export async function runSimulation(options: SimOptions): Promise<SimResult> {
  const log = options.log ?? (() => {});
  const client = options.client;
  const planOptions: PlanOptions = {
    seed: options.seed,
    start: options.start,
    hours: options.hours,
    population: options.population ?? DEFAULT_PLAN_OPTIONS.population,
    victimsPerDay: options.victimsPerDay ?? DEFAULT_PLAN_OPTIONS.victimsPerDay,
    gangsPerFraudType: options.gangsPerFraudType ?? DEFAULT_PLAN_OPTIONS.gangsPerFraudType,
    listedShare: options.listedShare ?? DEFAULT_PLAN_OPTIONS.listedShare,
  };
  const province = provinceFromUnits(await client.units());
  const plan = generatePlan(province, planOptions);
  const cdrShare = options.cdrShare ?? 1;
  if (cdrShare > 0)
    plan.callers = generateCallers(options.seed, plan.province, plan.people, plan.gangs, cdrShare);
  log(
    `${province.name}: ${plan.people.length} people in ${province.counties.length} counties, ` +
      `${plan.gangs.length} gangs, ${plan.contacts.length} gang contacts, ${plan.victims.length} victims planned`,
  );
  const { listsKeepFraudTypes } = await listGangAssets(client, plan.gangs, log);

  const run = new Run(client, plan, options, log, listsKeepFraudTypes);
  const began = new Date();
  try {
    await run.walk(options.tickSeconds ?? 60);
  } finally {
    run.desk.close();
  }
  await logRuleFigures(client, began, log);
  const markedCallers = await run.markedCallers(began);
  const report = computeReport(plan, {
    warnings: run.desk.warnings,
    outcomes: run.desk.outcomes,
    eventTimes: run.eventTimes,
    eventsAccepted: run.accepted,
    eventsSeconds: run.sendingSeconds,
    markedCallers,
  });
  return {
    plan,
    victims: [...run.victims.values()].map((state) => victimOutcome(plan, state)),
    report,
    eventsSent: run.sent,
    eventsRejected: run.rejected,
    simBoxNumbers: (plan.callers?.simBoxes ?? []).map((box) => box.number),
    cdrsSent: run.cdrsSent,
  };
}

/** The platform's own view of its rules' precision, from the officers' outcomes: a diagnostic for stderr. */
async function logRuleFigures(
  client: PlatformClient,
  since: Date,
  log: (line: string) => void,
): Promise<void> {
  // Warnings are stamped with the platform's clock: those of this run were created since it began.
  const rules = await client.ruleFigures(new Date(since.getTime() - MINUTE)).catch(() => null);
  for (const rule of rules ?? []) {
    const rate = rule.rate === null ? '—' : `${(rule.rate * 100).toFixed(1)}%`;
    log(
      `rule ${rule.ruleId}: fired ${rule.fired}, closed ${rule.closed}, false alarms ${rule.falseAlarms} (${rate})`,
    );
  }
}

/** The part of a number that masking leaves (first three and last four digits), e.g. `138|5678`. */
function maskedKey(phone: string): string | null {
  const match = /^(?:\+?86)?(1\d{2})[\d*]+?(\d{4})$/.exec(phone);
  return match ? `${match[1]}|${match[2]}` : null;
}

interface ScheduledReport {
  at: number;
  person: number;
  /** A victim reporting their own case (a signal of their fraud), not a bystander reporting a number. */
  byVictim: boolean;
  evidence: Record<string, unknown>;
}

class Run {
  readonly victims: Map<number, VictimState>;
  readonly desk: OfficerDesk;
  /** Per victim, when the platform got events of their fraud (their steps, their report). */
  readonly eventTimes = new Map<number, number[]>();
  readonly #fraudSignals = new Set<string>();
  sent = 0;
  accepted = 0;
  rejected = 0;
  sendingSeconds = 0;
  cdrsSent = 0;
  cdrSeconds = 0;
  #cdrsEnabled = true;
  screeningSeconds = 0;
  officerSeconds = 0;
  settlingSeconds = 0;
  #settling = true;
  #eventsEnabled = true;
  #sequence = 0;
  readonly #runId: string;
  readonly #personOfEvent = new Map<string, number>();
  readonly #personOfPhone: Map<string, number>;
  readonly #personOfMasked = new Map<string, number | null>();
  readonly #fraudTypeOf: Map<string, FraudType>;
  readonly #steps: Array<{ person: number; step: VictimStep }>;
  #reports: ScheduledReport[] = [];
  #contactIndex = 0;
  #stepIndex = 0;

  constructor(
    private readonly client: PlatformClient,
    private readonly plan: SimPlan,
    private readonly options: SimOptions,
    private readonly log: (line: string) => void,
    listsKeepFraudTypes: boolean,
  ) {
    this.#runId = `sim${options.seed}-${Math.floor(plan.start / 1000).toString(36)}`;
    this.victims = victimStates(plan.victims);
    this.#personOfPhone = new Map(plan.people.map((person, index) => [person.phone, index]));
    for (const [phone, index] of this.#personOfPhone) {
      const key = maskedKey(phone);
      // null: several people share the masked form.
      if (key !== null) this.#personOfMasked.set(key, this.#personOfMasked.has(key) ? null : index);
    }
    // Partners name a fraud type only where the platform cannot take it from the list that matched.
    this.#fraudTypeOf = listsKeepFraudTypes ? new Map() : fraudTypeIndex(plan.gangs);
    this.#steps = plan.victims
      .flatMap((victim) => victim.steps.map((step) => ({ person: victim.person, step })))
      .sort((a, b) => a.step.at - b.step.at || a.person - b.person);
    this.desk = new OfficerDesk(
      client,
      {
        byPhone: (phone) => this.#personOfPhone.get(phone),
        byMaskedPhone: (masked) => {
          const key = maskedKey(masked);
          return key === null ? undefined : (this.#personOfMasked.get(key) ?? undefined);
        },
        byEventId: (id) => this.#personOfEvent.get(id),
      },
      this.victims,
      options.seed,
      log,
    );
    for (const contact of plan.contacts)
      if (contact.reported)
        this.#reports.push({
          at: contact.at + 10 * MINUTE,
          person: contact.person,
          byVictim: false,
          evidence: { number: contact.from, note: '接到可疑来电/短信，市民举报' },
        });
  }

  async walk(tickSeconds: number): Promise<void> {
    const { plan, options } = this;
    const tick = tickSeconds * 1000;
    const wallStart = performance.now();
    const progressEvery = (options.progressHours ?? 1) * HOUR;
    let nextProgress = plan.start + progressEvery;
    let tickNumber = 0;
    for (let windowFrom = plan.start; windowFrom < plan.end;) {
      // Partners' verdicts do not depend on what officers do, so a window of ticks is screened at once.
      const ticks = this.#sightingsAhead(windowFrom, tick, tickNumber);
      await this.#screen(ticks.flatMap((ahead) => ahead.sightings));
      await this.#sendCdrs(
        ticks.flatMap(({ from, to, sightings }, i) => this.#cdrs(tickNumber + i, sightings, from, to)),
      );
      for (const { from, to, sightings } of ticks) {
        const officersBegan = performance.now();
        await this.desk.work(from, to);
        this.officerSeconds += (performance.now() - officersBegan) / 1000;
        this.#paymentsIn(from, to);
        const events = sightings.filter((sighting) => this.#reported(sighting)).map((s) => this.#event(s));
        events.push(...this.#reportsDue(to));
        await this.#send(events);
        if (options.speed === 'max' && events.length > 0) await this.#settle();
        if (options.speed !== 'max') {
          const wait = wallStart + (to - plan.start) / options.speed - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
        if (to >= nextProgress || to >= plan.end) {
          nextProgress += progressEvery;
          this.#progress(to, wallStart);
        }
      }
      tickNumber += ticks.length;
      windowFrom = ticks[ticks.length - 1]!.to;
    }
  }

  /** What partners will see in the next ticks (a window of them): ordinary traffic, gang contacts, victims' steps. */
  #sightingsAhead(
    windowFrom: number,
    tick: number,
    firstTick: number,
  ): Array<{ from: number; to: number; sightings: Sighting[] }> {
    const { plan, options } = this;
    const ticks: Array<{ from: number; to: number; sightings: Sighting[] }> = [];
    for (
      let from = windowFrom, n = firstTick;
      from < plan.end && ticks.length < TICKS_PER_WINDOW;
      from += tick, n++
    ) {
      const to = Math.min(from + tick, plan.end);
      const rng = Rng.derive(options.seed, `traffic:${n}`);
      const traffic = options.traffic ?? DEFAULT_TRAFFIC;
      const sightings = ordinaryTraffic(rng, plan.people, plan.province, traffic, from, to);
      const contacts = plan.contacts;
      for (
        ;
        this.#contactIndex < contacts.length && contacts[this.#contactIndex]!.at < to;
        this.#contactIndex++
      )
        sightings.push(contactSighting(contacts[this.#contactIndex]!));
      for (
        ;
        this.#stepIndex < this.#steps.length && this.#steps[this.#stepIndex]!.step.at < to;
        this.#stepIndex++
      ) {
        const { person, step } = this.#steps[this.#stepIndex]!;
        sightings.push(stepSighting(person, step));
      }
      ticks.push({ from, to, sightings });
    }
    return ticks;
  }

  /** Whether the partner reports the sighting: flagged (or a large transfer), and it still happens. */
  #reported(sighting: Sighting): boolean {
    if (sighting.victimStep && !stepHappens(this.victims.get(sighting.person)!, sighting.at)) return false;
    return sighting.action === 'block' || sighting.action === 'mark' || sighting.reportedAnyway === true;
  }

  /** Victims whose money leaves in [from, to) and who were not reached: paid; some report it later. */
  #paymentsIn(from: number, to: number): void {
    for (const victim of this.victims.values()) {
      const { plan: planned } = victim;
      if (planned.paymentAt < from || planned.paymentAt >= to || !stepHappens(victim, planned.paymentAt))
        continue;
      if (!planned.reportsAfterPayment) continue;
      const contact = planned.steps[0]!;
      const payment = planned.steps[planned.steps.length - 1]!;
      this.#reports.push({
        at: planned.paymentAt + Rng.derive(this.options.seed, planned.id).int(30, 240) * MINUTE,
        person: planned.person,
        byVictim: true,
        evidence: {
          fraudType: planned.fraudType,
          ...(contact.channel === 'call' || contact.channel === 'sms'
            ? { number: contact.counterparty }
            : {}),
          account: payment.counterparty,
          note: `被骗 ${planned.amount} 元后报警`,
        },
      });
    }
  }

  /** What carriers log of the tick's calls: the ordinary and gang calls among the sightings, the bulk callers. */
  #cdrs(tick: number, sightings: readonly Sighting[], from: number, to: number): Cdr[] {
    const callers = this.plan.callers;
    if (!callers || !this.#cdrsEnabled) return [];
    // Only those who paid are called again by the gang.
    const paid = this.plan.victims.filter((victim) => this.victims.get(victim.person)?.dissuadedAt === null);
    return callerCdrs(this.options.seed, tick, callers, this.plan.people, paid, sightings, from, to);
  }

  async #sendCdrs(cdrs: Cdr[]): Promise<void> {
    if (!this.#cdrsEnabled || cdrs.length === 0) return;
    const began = performance.now();
    cdrs.sort((a, b) => a.start - b.start);
    for (let offset = 0; offset < cdrs.length; offset += CDRS_PER_REQUEST) {
      const answer = await this.client.sendCdrs(cdrs.slice(offset, offset + CDRS_PER_REQUEST));
      if (answer === null) {
        this.#cdrsEnabled = false;
        this.log('the platform takes no CDRs (POST /api/v1/partner/cdrs: 404, or the key lacks scope cdr)');
        return;
      }
      this.cdrsSent += answer.records;
    }
    this.cdrSeconds += (performance.now() - began) / 1000;
  }

  /** After the walk: the numbers the platform's caller-behaviour detector raised during the run; null: none taken. */
  async markedCallers(since: Date): Promise<string[] | null> {
    if (!this.plan.callers || !this.#cdrsEnabled || this.cdrsSent === 0) return null;
    const began = performance.now();
    while (performance.now() - began < 120_000) {
      const pending = await this.client.pendingCdrs();
      if (pending === null || pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.client.markedCallers(new Date(since.getTime() - MINUTE));
  }

  async #screen(sightings: Sighting[]): Promise<void> {
    const began = performance.now();
    for (let offset = 0; offset < sightings.length; offset += ITEMS_PER_SCREEN) {
      const chunk = sightings.slice(offset, offset + ITEMS_PER_SCREEN);
      const actions: VerdictAction[] = await this.client.screen(chunk.map((sighting) => sighting.screen));
      chunk.forEach((sighting, index) => (sighting.action = actions[index]));
    }
    this.screeningSeconds += (performance.now() - began) / 1000;
  }

  #event(sighting: Sighting): PartnerEvent {
    const person = this.plan.people[sighting.person]!;
    const kind = sighting.event.kind;
    const knowsId = kind === 'transfer' || ((kind === 'call' || kind === 'sms') && person.carrierKnowsId);
    const fraudType = this.#fraudTypeOf.get(sighting.screen.value);
    const event = this.#withId(sighting.person, {
      kind,
      at: isoChina(sighting.at),
      phone: person.phone,
      ...(knowsId ? { idNumber: person.idNumber } : {}),
      evidence: fraudType ? { ...sighting.event.evidence, fraudType } : sighting.event.evidence,
    });
    if (sighting.victimStep) this.#fraudSignals.add(event.id);
    return event;
  }

  #reportsDue(to: number): PartnerEvent[] {
    const due = this.#reports.filter((report) => report.at < to).sort((a, b) => a.at - b.at);
    if (due.length === 0) return [];
    this.#reports = this.#reports.filter((report) => report.at >= to);
    return due.map((report) => {
      const event = this.#withId(report.person, {
        kind: 'report',
        at: isoChina(report.at),
        phone: this.plan.people[report.person]!.phone,
        evidence: report.evidence,
      });
      if (report.byVictim) this.#fraudSignals.add(event.id);
      return event;
    });
  }

  #withId(person: number, event: Omit<PartnerEvent, 'id'>): PartnerEvent {
    const id = `${this.#runId}-${++this.#sequence}`;
    this.#personOfEvent.set(id, person);
    return { id, ...event };
  }

  async #send(events: PartnerEvent[]): Promise<void> {
    if (!this.#eventsEnabled || events.length === 0) return;
    events.sort((a, b) => a.at.localeCompare(b.at));
    for (let offset = 0; offset < events.length; offset += EVENTS_PER_REQUEST) {
      const chunk = events.slice(offset, offset + EVENTS_PER_REQUEST);
      const began = performance.now();
      const answer = await this.client.sendEvents(chunk);
      this.sendingSeconds += (performance.now() - began) / 1000;
      if (answer === null) {
        this.#eventsEnabled = false;
        this.log('the platform has no events API (POST /api/v1/events answered 404): no events are sent');
        return;
      }
      this.sent += chunk.length;
      this.accepted += answer.accepted;
      this.rejected += answer.rejected.length;
      for (const rejection of answer.rejected.slice(0, 3))
        this.log(`event ${rejection.id} rejected: ${rejection.reason}`);
      const rejectedIds = new Set(answer.rejected.map((rejection) => rejection.id));
      for (const event of chunk) {
        if (rejectedIds.has(event.id) || !this.#fraudSignals.has(event.id)) continue;
        const person = this.#personOfEvent.get(event.id)!;
        let times = this.eventTimes.get(person);
        if (!times) this.eventTimes.set(person, (times = []));
        times.push(Date.parse(event.at));
      }
    }
  }

  /**
   * As fast as possible means as fast as the platform handles events: before the clock moves on, wait
   * until the events sent are handled, so that the officers see warnings at the right simulated time.
   */
  async #settle(): Promise<void> {
    if (!this.#settling) return;
    const began = performance.now();
    while (performance.now() - began < 60_000) {
      const pending = await this.client.pendingEvents();
      if (pending === null) {
        this.#settling = false;
        this.log('the platform does not show its event queue (/metrics): not waiting for it');
        return;
      }
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    this.settlingSeconds += (performance.now() - began) / 1000;
  }

  #progress(simNow: number, wallStart: number): void {
    let paid = 0;
    let dissuaded = 0;
    for (const victim of this.victims.values()) {
      if (victim.dissuadedAt !== null) dissuaded += 1;
      else if (victim.plan.paymentAt <= simNow) paid += 1;
    }
    const seconds = (value: number) => value.toFixed(0);
    this.log(
      `${isoChina(simNow).slice(0, 16)} (+08) · ${seconds((performance.now() - wallStart) / 1000)}s` +
        ` (screening ${seconds(this.screeningSeconds)}s, events ${seconds(this.sendingSeconds)}s, CDRs ${seconds(this.cdrSeconds)}s,` +
        ` waiting ${seconds(this.settlingSeconds)}s, officers ${seconds(this.officerSeconds)}s) · events ${this.accepted}/${this.sent}` +
        ` · warnings ${this.desk.warnings.length} · victims paid ${paid}, dissuaded ${dissuaded}`,
    );
  }
}
