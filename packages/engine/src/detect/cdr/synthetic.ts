/**
 * Synthetic CDR traffic for tests and benchmarks: ordinary subscribers, busy but honest ones (couriers,
 * salespeople) and SIM boxes, with ground truth. Seeded and deterministic. Not a model of a province:
 * the warnings issue's simulator will replace it; this is enough to check that the features and the
 * score separate what they should.
 */
import { mulberry32 } from '../random.js';
import type { CallDetailRecord } from './record.js';

export interface SyntheticCdrOptions {
  readonly seed?: number;
  readonly hours?: number;
  readonly ordinary?: number;
  readonly busy?: number;
  readonly simBoxes?: number;
  /** Epoch ms of the first hour. Default 2026-11-02T00:00:00+08:00. */
  readonly from?: number;
}

export interface SyntheticCdrs {
  /** All records, sorted by start. */
  readonly records: CallDetailRecord[];
  readonly simBoxNumbers: ReadonlySet<string>;
  /** Numbers that later became victims: some of the SIM boxes' answered callees. */
  readonly victims: ReadonlySet<string>;
}

export function generateSyntheticCdrs(options: SyntheticCdrOptions = {}): SyntheticCdrs {
  const random = mulberry32(options.seed ?? 7);
  const hours = options.hours ?? 24;
  const from = options.from ?? Date.parse('2026-11-02T00:00:00+08:00');
  const records: CallDetailRecord[] = [];
  const simBoxNumbers = new Set<string>();
  const victims = new Set<string>();
  let serial = 0;
  const number = (prefix: string) => `${prefix}${String(10_000_000 + serial++ * 7919).slice(-8)}`;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const poisson = (mean: number) => {
    let k = 0;
    for (let p = Math.exp(-mean), s = random(); s > p; s *= random()) k++;
    return k;
  };
  const localHour = (h: number) => (h + 24) % 24;
  const dayActivity = (h: number) => (localHour(h) >= 8 && localHour(h) < 22 ? 1 : 0.08);

  const person = (rate: number, contactsCount: number, busy: boolean) => {
    const me = number('138');
    const contacts = Array.from({ length: contactsCount }, () => number('139'));
    const cells = Array.from(
      { length: 2 + Math.floor(random() * 4) },
      (_, i) => `460-00-${me.slice(-4)}-${i}`,
    );
    const imei = `86${me}`;
    for (let h = 0; h < hours; h++) {
      const n = poisson(rate * dayActivity(h));
      for (let i = 0; i < n; i++) {
        const outbound = random() < (busy ? 0.7 : 0.5);
        // Busy callers reach customers once each; ordinary people call the same few contacts.
        const other = busy && random() < 0.8 ? number('15') : pick(contacts);
        const answered = random() < (busy ? 0.8 : 0.9);
        records.push({
          caller: outbound ? me : other,
          callee: outbound ? other : me,
          start: from + h * 3_600_000 + Math.floor(random() * 3_600_000),
          duration: answered ? Math.round((busy ? 20 : 40) + random() * (busy ? 90 : 400)) : 0,
          direction: outbound ? 'outbound' : 'inbound',
          cell: pick(cells),
          imei,
        });
      }
    }
  };

  for (let i = 0; i < (options.ordinary ?? 2000); i++) person(0.3 + random() * 1.5, 20, false);
  for (let i = 0; i < (options.busy ?? 100); i++) person(8 + random() * 32, 60, true);
  for (let i = 0; i < (options.simBoxes ?? 20); i++) {
    const me = number('170');
    simBoxNumbers.add(me);
    const cell = `460-01-gw-${i}`;
    // A third are single-SIM gateways (one handset identity); the rest rotate SIMs through 4 to 16 slots.
    const slotCount = random() < 0.33 ? 1 : 4 + Math.floor(random() * 12);
    const slots = Array.from({ length: slotCount }, (_, k) => `35${i}${k}0000000000`.slice(0, 15));
    // A gateway runs for part of the day, at 15 to 150 calls an hour; slow ones hide among busy people.
    const rate = 15 + random() * 135;
    const startHour = Math.floor(random() * hours);
    const span = 2 + Math.floor(random() * 8);
    for (let h = startHour; h < Math.min(hours, startHour + span); h++) {
      const n = poisson(rate);
      for (let k = 0; k < n; k++) {
        const callee = number('13');
        const answered = random() < 0.25 + random() * 0.4;
        if (answered && random() < 0.05) victims.add(callee);
        records.push({
          caller: me,
          callee,
          start: from + h * 3_600_000 + Math.floor(random() * 3_600_000),
          duration: answered ? Math.round(3 + random() * 40) : 0,
          direction: 'outbound',
          cell,
          imei: pick(slots),
        });
      }
    }
  }
  records.sort((a, b) => a.start - b.start);
  return { records, simBoxNumbers, victims };
}
