/**
 * Synthetic signal streams for tests, backtests and benchmarks, with ground truth: most persons with
 * one ordinary (unlisted) signal, some targeted by a listed call or SMS they ignore or report, and a few
 * victims who go through contact → lure → payment after the schemes of domain.md. Seeded and
 * deterministic. Not the province simulator (packages/sim): enough to exercise the rules.
 */
import type { FraudType } from '../detect/fraud-types.js';
import { mulberry32 } from '../detect/random.js';
import type { EventKind, Signal } from './types.js';

export interface SyntheticSignalOptions {
  readonly seed?: number;
  /** Persons with one ordinary signal (default 100,000). */
  readonly persons?: number;
  /** Share of persons contacted by a listed number who do not fall for it (default 0.03). */
  readonly targetedShare?: number;
  /** Share of persons who become victims (default 0.002). */
  readonly victimShare?: number;
  /** Epoch ms of the start (default 2026-11-26T00:00:00+08:00). */
  readonly from?: number;
  readonly hours?: number;
}

export interface SyntheticSignals {
  /** All signals, sorted by `at`. */
  readonly signals: Signal[];
  /** The persons who paid (ground truth). */
  readonly victims: ReadonlySet<string>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Draft = Omit<Signal, 'eventId' | 'person' | 'at'> & { after: number };

const TARGETED_TYPES: readonly FraudType[] = [
  'fake_police',
  'fake_customer_service',
  'fake_loan',
  'fake_investment',
  'click_farming_rebate',
  'fake_credit_repair',
];

/** Every signal with the same fields in the same order, as the platform makes them (one object shape). */
function toSignal(draft: Draft, eventId: string, person: string, at: number): Signal {
  return {
    eventId,
    kind: draft.kind,
    at,
    person,
    counterparty: draft.counterparty,
    listed: draft.listed,
    lists: draft.lists,
    fraudType: draft.fraudType,
    amount: draft.amount,
    durationSeconds: draft.durationSeconds ?? null,
  };
}

export function generateSyntheticSignals(options: SyntheticSignalOptions = {}): SyntheticSignals {
  const random = mulberry32(options.seed ?? 26);
  const persons = options.persons ?? 100_000;
  const from = options.from ?? Date.parse('2026-11-26T00:00:00+08:00');
  const span = (options.hours ?? 24) * HOUR;
  const signals: Signal[] = [];
  const victims = new Set<string>();
  let serial = 0;
  const between = (low: number, high: number) => low + random() * (high - low);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number) => String(Math.floor(random() * 10 ** n)).padStart(n, '0');
  const gangNumber = () => `+86${pick(['170', '171', '165', '167'])}${digits(8)}`;
  const domain = () =>
    `${pick(['safe', 'aq', 'gov-check', 'tz', 'vip', 'cs'])}${digits(4)}.${pick(['top', 'vip', 'xyz'])}`;
  const account = () => `62${digits(17)}`;

  const contact = (kind: EventKind, fraudType: FraudType, listedChance: number, after: number): Draft => {
    const listed = random() < listedChance;
    return {
      kind,
      after,
      counterparty: kind === 'app' ? `com.${pick(['chat', 'invest', 'loan'])}${digits(3)}` : gangNumber(),
      listed: listed ? pick(['mark', 'block'] as const) : null,
      lists: listed ? [kind === 'app' ? 'apps-fraud' : 'numbers-fraud'] : [],
      // An unlisted contact's scheme is unknown unless the SMS model or the app store names it.
      fraudType: listed || kind !== 'call' ? fraudType : null,
      amount: null,
      ...(kind === 'call' ? { durationSeconds: Math.round(between(120, 1800)) } : {}),
    };
  };
  const visit = (after: number, fraudType: FraudType): Draft => ({
    kind: 'web',
    after,
    counterparty: domain(),
    listed: random() < 0.8 ? 'block' : null,
    lists: ['domains-fraud'],
    fraudType,
    amount: null,
  });
  const payment = (after: number, low: number, high: number, listedChance: number): Draft => {
    const listed = random() < listedChance;
    return {
      kind: 'transfer',
      after,
      counterparty: account(),
      listed: listed ? 'block' : null,
      lists: listed ? ['accounts-fraud'] : [],
      fraudType: null,
      amount: Math.round(between(low, high)),
    };
  };
  /** A victim's steps, each `after` ms after the one before. */
  const scheme = (): Draft[] => {
    switch (Math.floor(random() * 5)) {
      case 0:
        return [
          contact('call', 'fake_police', 0.7, 0),
          visit(between(3, 25) * MINUTE, 'fake_police'),
          payment(between(10, 60) * MINUTE, 10_000, 500_000, 0.5),
        ];
      case 1:
        return [
          contact('call', 'fake_customer_service', 0.7, 0),
          { ...contact('app', 'fake_customer_service', 0, between(3, 20) * MINUTE), lists: [] },
          payment(between(10, 40) * MINUTE, 3_000, 50_000, 0.4),
        ];
      case 2: {
        const type = pick(['romance', 'fake_investment'] as const);
        return [
          contact('app', type, 0.6, 0),
          visit(between(2, 30) * HOUR, 'fake_investment'),
          payment(between(0.5, 5) * HOUR, 1_000, 200_000, 0.3),
        ];
      }
      case 3:
        return [
          contact('sms', 'click_farming_rebate', 0.7, 0),
          visit(between(1, 60) * MINUTE, 'click_farming_rebate'),
          payment(between(1, 3) * HOUR, 500, 5_000, 0.3),
        ];
      default:
        return [
          contact('sms', 'fake_loan', 0.7, 0),
          contact('app', 'fake_loan', 0.8, between(10, 120) * MINUTE),
          payment(between(30, 180) * MINUTE, 1_000, 10_000, 0.5),
        ];
    }
  };
  /** Someone a gang reached who did not engage: a short listed call or SMS, sometimes reported. */
  const ignored = (): Draft[] => {
    const type = pick(TARGETED_TYPES);
    const first = contact(random() < 0.5 ? 'call' : 'sms', type, 1, 0);
    if (first.kind === 'call') first.durationSeconds = Math.round(between(3, 60));
    const steps = [first];
    if (random() < 0.1)
      steps.push({
        ...first,
        kind: 'report',
        after: between(1, 30) * MINUTE,
        fraudType: type,
        listed: null,
        lists: [],
      });
    return steps;
  };
  const ordinary = (): Draft[] => {
    // Banks that report large transfers report honest ones too.
    if (random() < 0.02) return [{ ...payment(0, 500, 50_000, 0), lists: [] }];
    const kind = pick(['call', 'call', 'sms', 'web'] as const);
    return [
      {
        kind,
        after: 0,
        counterparty: kind === 'web' ? `site${digits(5)}.cn` : `+86139${digits(8)}`,
        listed: null,
        lists: [],
        fraudType: null,
        amount: null,
        ...(kind === 'call' ? { durationSeconds: Math.round(between(5, 600)) } : {}),
      },
    ];
  };

  for (let i = 0; i < persons; i++) {
    const person = `+86138${String(i).padStart(8, '0')}`;
    const roll = random();
    const isVictim = roll < (options.victimShare ?? 0.002);
    const drafts = isVictim ? scheme() : roll < (options.targetedShare ?? 0.03) ? ignored() : ordinary();
    if (isVictim) victims.add(person);
    let at = from + Math.floor(random() * span);
    for (const draft of drafts) {
      at += Math.round(draft.after);
      signals.push(toSignal(draft, `syn-${++serial}`, person, at));
    }
  }
  signals.sort((a, b) => a.at - b.at);
  return { signals, victims };
}
