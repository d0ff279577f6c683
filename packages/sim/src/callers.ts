/**
 * Who calls, as carriers' call detail records (CDRs) show it: the population's ordinary calls, the
 * gangs' SIM boxes, GOIP gateways and call farms dialling strangers in bulk (high volume, many distinct
 * callees, short and unanswered calls, SIMs rotating through a gateway's ports, some at night), and
 * busy honest callers — couriers and sales — as the hard negatives. Carriers post the CDRs of their
 * subscribers; `cdrShare` is the share of numbers whose carrier takes part (a sample, so that CDR
 * volume stays in proportion). Deterministic: its own random streams, so the rest of the plan is the
 * same with or without CDRs.
 */
import type { Gang, Person, VictimPlan } from './model.js';
import { mobileOfCity, mobileOutsideProvince, virtualOperatorNumber, citiesWithPrefixes } from './phones.js';
import { Rng } from './random.js';
import type { Sighting } from './traffic.js';
import { chinaHour, HOUR, MINUTE } from './time.js';

/** A CDR as carriers post it (docs/detection.md): from the served subscriber's side. */
export interface Cdr {
  caller: string;
  callee: string;
  /** Epoch milliseconds. */
  start: number;
  duration: number;
  direction: 'outbound' | 'inbound';
  cell: string;
  imei: string;
}

export type SimBoxKind = 'goip' | 'sim_box' | 'call_farm';

/** One SIM of a gang's bulk-calling device: the ground truth the caller-behaviour figures are scored on. */
export interface SimBoxNumber {
  number: string;
  gangId: string;
  kind: SimBoxKind;
  /** The device: SIMs of one device share its handsets (ports) and cell. */
  device: string;
  /** IMEIs this SIM is seen with: a gateway's ports (rotating), or one phone of a call farm. */
  imeis: string[];
  cell: string;
  callsPerHour: number;
  /** Share of calls nobody answers. */
  unanswered: number;
  /** Also works 22:00–02:00. */
  nights: boolean;
}

export type BusyKind = 'courier' | 'sales';

/** An honest subscriber who calls a lot: the detector must not mark them. */
export interface BusyCaller {
  number: string;
  kind: BusyKind;
  imei: string;
  cell: string;
  callsPerHour: number;
  unanswered: number;
  /** Calls back in per call out. */
  inbound: number;
}

export interface CallerPlan {
  simBoxes: SimBoxNumber[];
  busy: BusyCaller[];
  /** Share of numbers whose carrier posts CDRs. */
  cdrShare: number;
}

/** Busy honest callers per 1,000 people. */
const BUSY_PER_THOUSAND = 4;

function imei(rng: Rng): string {
  return `86${rng.digits(13)}`;
}

export function generateCallers(
  seed: number,
  province: string,
  people: readonly Person[],
  gangs: readonly Gang[],
  cdrShare: number,
): CallerPlan {
  const rng = Rng.derive(seed, 'callers');
  const cities = citiesWithPrefixes(province);
  const used = new Set<string>(people.map((person) => person.phone));
  for (const gang of gangs) for (const asset of gang.numbers) used.add(asset.value);
  const fresh = (make: () => string) => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  const simBoxes: SimBoxNumber[] = [];
  gangs.forEach((gang, g) => {
    const kind = rng.weighted<SimBoxKind>([
      ['goip', 45],
      ['sim_box', 30],
      ['call_farm', 25],
    ]);
    const device = `${gang.id}-${kind}`;
    const cell = `460-00-${rng.int(10_000, 65_000)}-${rng.int(1, 255)}`;
    const ports = Array.from({ length: kind === 'goip' ? rng.pick([8, 16, 32]) : 4 }, () => imei(rng));
    const sims = kind === 'goip' ? rng.int(3, 6) : rng.int(2, 4);
    const nights = rng.chance(0.4);
    for (let s = 0; s < sims; s++) {
      const number = fresh(() =>
        rng.weighted<() => string>([
          [() => virtualOperatorNumber(rng), 3],
          [() => mobileOfCity(rng, province, rng.pick(cities)), 4],
          [() => mobileOutsideProvince(rng, province), 3],
        ])(),
      );
      simBoxes.push({
        number,
        gangId: gang.id,
        kind,
        device,
        // A call farm's phone keeps its handset; a gateway's SIM is seen on whichever port is free.
        imeis: kind === 'call_farm' ? [ports[s % ports.length]!] : ports,
        cell,
        // Some dial slowly to stay under the carriers' radar: the hard positives.
        callsPerHour: rng.chance(0.25) ? rng.int(12, 25) : rng.int(30, 120),
        unanswered: 0.35 + rng.next() * 0.4,
        nights: nights || (g % 5 === 0 && kind === 'call_farm'),
      });
    }
  });
  const busy: BusyCaller[] = [];
  const busyCount = Math.round((people.length * BUSY_PER_THOUSAND) / 1000);
  for (let i = 0; i < busyCount; i++) {
    const kind: BusyKind = rng.chance(0.6) ? 'courier' : 'sales';
    busy.push({
      number: fresh(() => mobileOfCity(rng, province, rng.pick(cities))),
      kind,
      imei: imei(rng),
      cell: `460-00-${rng.int(10_000, 65_000)}-${rng.int(1, 255)}`,
      callsPerHour: kind === 'courier' ? rng.int(12, 40) : rng.int(10, 45),
      unanswered: kind === 'courier' ? 0.1 + rng.next() * 0.15 : 0.3 + rng.next() * 0.25,
      inbound: kind === 'courier' ? 0.15 + rng.next() * 0.2 : 0.03 + rng.next() * 0.07,
    });
  }
  return { simBoxes, busy, cdrShare };
}

/** Whether the carrier of `number` posts CDRs (a fixed sample of numbers). */
export function covered(plan: CallerPlan, number: string): boolean {
  if (plan.cdrShare >= 1) return true;
  let h = 0x811c9dc5;
  for (let i = 0; i < number.length; i++) h = Math.imul(h ^ number.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 10_000 < plan.cdrShare * 10_000;
}

/** An ordinary subscriber's handset and cell: fixed per number. */
function ownDevice(number: string): { imei: string; cell: string } {
  let h = 7;
  for (let i = 0; i < number.length; i++) h = (Math.imul(h, 31) + number.charCodeAt(i)) >>> 0;
  return { imei: `86${String(h).padStart(13, '0')}`, cell: `460-00-${20_000 + (h % 30_000)}-${h % 200}` };
}

const working = (at: number, from: number, to: number) => {
  const hour = chinaHour(at);
  return hour >= from && hour < to;
};

/**
 * The CDRs of [from, to): both sides of every call between covered subscribers — the ordinary calls
 * and gang calls among `sightings`, the SIM boxes' bulk calls, the busy callers' calls — sorted by
 * start. Victims known to a gang are called back by its SIM boxes after they paid (the gang's "refund"
 * call), which is what the detector's victim-callee feature looks for.
 */
export function callerCdrs(
  seed: number,
  tick: number,
  plan: CallerPlan,
  people: readonly Person[],
  victims: readonly VictimPlan[],
  sightings: readonly Sighting[],
  from: number,
  to: number,
): Cdr[] {
  const rng = Rng.derive(seed, `cdrs:${tick}`);
  const cdrs: Cdr[] = [];
  const push = (caller: string, callee: string, start: number, duration: number, own: Cdr['imei'] | null) => {
    if (covered(plan, caller)) {
      const device = ownDevice(caller);
      cdrs.push({
        caller,
        callee,
        start,
        duration,
        direction: 'outbound',
        cell: device.cell,
        imei: own ?? device.imei,
      });
    }
    if (covered(plan, callee)) {
      const device = ownDevice(callee);
      cdrs.push({ caller, callee, start, duration, direction: 'inbound', ...device });
    }
  };
  for (const sighting of sightings) {
    if (sighting.event.kind !== 'call') continue;
    const callee = people[sighting.person]!.phone;
    const caller = sighting.screen.value;
    if (caller.length !== 11) continue; // service numbers (95588, 10086) have no subscriber CDR
    const duration = Number(sighting.event.evidence.durationSeconds ?? 60);
    push(caller, callee, sighting.at, duration, null);
  }
  const hours = (to - from) / HOUR;
  const anyone = () =>
    rng.chance(0.85) ? people[rng.int(0, people.length - 1)]!.phone : virtualOperatorNumber(rng);
  const when = () => from + Math.floor(rng.next() * (to - from));
  for (const box of plan.simBoxes) {
    if (!covered(plan, box.number)) continue;
    const at = from;
    const active = working(at, 9, 21) || (box.nights && (working(at, 22, 24) || working(at, 0, 2)));
    if (!active) continue;
    for (let n = rng.poisson(box.callsPerHour * hours); n > 0; n--) {
      const start = when();
      const answered = !rng.chance(box.unanswered);
      const duration = !answered ? 0 : rng.chance(0.55) ? rng.int(2, 9) : rng.int(15, 240);
      cdrs.push({
        caller: box.number,
        callee: anyone(),
        start,
        duration,
        direction: 'outbound',
        cell: box.cell,
        imei: rng.pick(box.imeis),
      });
      // Now and then someone calls the number back.
      if (answered && rng.chance(0.03))
        cdrs.push({
          caller: anyone(),
          callee: box.number,
          start: Math.min(to - 1, start + rng.int(1, 10) * MINUTE),
          duration: rng.int(5, 60),
          direction: 'inbound',
          cell: box.cell,
          imei: rng.pick(box.imeis),
        });
    }
  }
  // The gang's boxes call its paid victims again within hours ("we can recover your money").
  const boxesOf = new Map<string, SimBoxNumber[]>();
  for (const box of plan.simBoxes) boxesOf.set(box.gangId, [...(boxesOf.get(box.gangId) ?? []), box]);
  for (const victim of victims) {
    const recallAt = victim.paymentAt + (2 + (victim.amount % 5)) * HOUR;
    const boxes = boxesOf.get(victim.gangId);
    if (!boxes || recallAt < from || recallAt >= to || victim.amount % 3 === 0) continue;
    const box = boxes[victim.amount % boxes.length]!;
    if (!covered(plan, box.number)) continue;
    cdrs.push({
      caller: box.number,
      callee: people[victim.person]!.phone,
      start: recallAt,
      duration: 40,
      direction: 'outbound',
      cell: box.cell,
      imei: rng.pick(box.imeis),
    });
  }
  for (const caller of plan.busy) {
    if (!covered(plan, caller.number)) continue;
    const hoursFrom = caller.kind === 'courier' ? 8 : 9;
    const hoursTo = caller.kind === 'courier' ? 19 : 18;
    if (!working(from, hoursFrom, hoursTo)) continue;
    for (let n = rng.poisson(caller.callsPerHour * hours); n > 0; n--) {
      const start = when();
      const answered = !rng.chance(caller.unanswered);
      const duration = !answered
        ? 0
        : caller.kind === 'courier'
          ? rng.int(8, 60)
          : rng.chance(0.4)
            ? rng.int(3, 9)
            : rng.int(20, 300);
      const other = anyone();
      cdrs.push({
        caller: caller.number,
        callee: other,
        start,
        duration,
        direction: 'outbound',
        cell: caller.cell,
        imei: caller.imei,
      });
      if (rng.chance(caller.inbound))
        cdrs.push({
          caller: anyone(),
          callee: caller.number,
          start: Math.min(to - 1, start + rng.int(1, 20) * MINUTE),
          duration: rng.int(10, 90),
          direction: 'inbound',
          cell: caller.cell,
          imei: caller.imei,
        });
    }
  }
  return cdrs.sort((a, b) => a.start - b.start);
}
