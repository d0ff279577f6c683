/** Factories for correlation tests: signals and rules with sensible defaults. Not exported by the package. */
import type { CorrelationRule, Signal } from './types.js';

export const MINUTE = 60_000;
export const T0 = Date.UTC(2026, 10, 26, 0, 0, 0);

let sequence = 0;

/** A signal at `T0 + minutes`; unlisted call unless told otherwise. */
export function buildSignal(overrides: Partial<Signal> & { minutes?: number } = {}): Signal {
  const { minutes = 0, ...rest } = overrides;
  return {
    eventId: `e${++sequence}`,
    kind: 'call',
    at: T0 + minutes * MINUTE,
    person: '+8613800000001',
    counterparty: '+8617000000000',
    listed: null,
    lists: [],
    fraudType: null,
    amount: null,
    ...rest,
  };
}

/** Listed fake-police call, then a listed web visit, within 30 minutes: red. */
export function buildRule(overrides: Partial<CorrelationRule> = {}): CorrelationRule {
  return {
    id: 'police-call-then-web',
    version: 1,
    name: '冒充公检法来电后访问涉诈网站',
    level: 'red',
    fraudType: 'fake_police',
    windowMinutes: 30,
    ordered: true,
    steps: [
      { kinds: ['call'], listed: true, fraudTypes: ['fake_police'] },
      { kinds: ['web'], listed: true },
    ],
    enabled: true,
    reason: '冒充公检法号码来电后 {minutes} 分钟内访问涉诈域名 {counterparty}',
    ...overrides,
  };
}

export const policeCall = (minutes: number, overrides: Partial<Signal> = {}): Signal =>
  buildSignal({ minutes, kind: 'call', listed: 'mark', fraudType: 'fake_police', ...overrides });

export const listedVisit = (minutes: number, overrides: Partial<Signal> = {}): Signal =>
  buildSignal({ minutes, kind: 'web', listed: 'block', counterparty: 'safe-account.top', ...overrides });
