/**
 * Factories for the warnings tests: a platform on a clock the test moves, the lists the default rules
 * need (with fraud types), an events API key, valid resident IDs, and events sent through the API and
 * handled to the end (stored, correlated, published).
 */
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createApiKey, systemActor } from '../modules/auth/index.js';
import { residentIdCheckCharacter } from '../modules/events/index.js';
import { addEntries, createList } from '../modules/intel/index.js';
import { createTestPlatform, type TestPlatform } from './index.js';

export const START = Date.parse('2026-11-26T08:00:00+08:00');

export interface WarningsTestPlatform extends TestPlatform {
  /** Moves the platform's clock. */
  advance(ms: number): void;
  now(): number;
  /** Sends events through `POST /api/v1/events` and waits until they are handled and published. */
  send(events: object[]): Promise<{ accepted: number; duplicates: number; rejected: unknown[] }>;
  as(
    username: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
}

/** Numbers the lists hold (fake police callers, domains, accounts) and the citizens of the tests. */
export const FAKE_POLICE = '+8617100001111';
export const LISTED_SENDER = '+8617100002222';
export const FRAUD_DOMAIN = 'gov-safe-account.top';
export const MULE_ACCOUNT = '6222020200112233446';

/** An 18-character resident ID of the county `county` with a valid check character. */
export function residentId(county: string, birth = '19800101', serial = '001'): string {
  const first17 = `${county}${birth}${serial}`;
  return first17 + residentIdCheckCharacter(first17);
}

export async function createWarningsPlatform(): Promise<WarningsTestPlatform> {
  let now = START;
  const platform = await createTestPlatform({ clock: { now: () => new Date(now) } });
  const actor = systemActor('warnings-test');
  await createList(platform.ctx, actor, {
    name: 'fake-police-numbers',
    title: '冒充公检法号码',
    kind: 'number',
    defaultAction: 'block',
    fraudType: 'fake_police',
  });
  await createList(platform.ctx, actor, {
    name: 'fraud-domains',
    title: '涉诈域名',
    kind: 'domain',
    defaultAction: 'block',
  });
  await createList(platform.ctx, actor, {
    name: 'mule-accounts',
    title: '涉案账户',
    kind: 'account',
    defaultAction: 'block',
  });
  await addEntries(platform.ctx, actor, 'fake-police-numbers', [
    { value: FAKE_POLICE },
    { value: LISTED_SENDER },
  ]);
  await addEntries(platform.ctx, actor, 'fraud-domains', [{ value: FRAUD_DOMAIN }]);
  await addEntries(platform.ctx, actor, 'mule-accounts', [{ value: MULE_ACCOUNT, accountKind: 'bank_card' }]);
  await platform.app.screening.service.follower.sync();
  await platform.app.warnings.refresh();
  const { key } = await createApiKey(platform.ctx, actor, {
    name: '中国移动江苏公司',
    unitCode: '320000',
    scopes: ['events'],
  });
  await platform.app.screening.apiKeys.refresh(now);

  return {
    ...platform,
    advance: (ms) => (now += ms),
    now: () => now,
    async send(events) {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: { 'x-api-key': key },
        payload: events,
      });
      expect(response.statusCode, response.body).toBe(202);
      await platform.app.eventPipeline.whenIdle();
      await platform.app.warnings.publisher.idle();
      await delivered();
      return response.json();
    },
    async as(username, method, url, payload) {
      const cookie = await platform.login(username);
      return platform.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    },
  };
}

/** Lets the bus deliver what was published (the in-process bus delivers on the next turn). */
export const delivered = () => new Promise((resolve) => setImmediate(resolve));

let serial = 0;

/** A call from the fake police number, `minutesAgo` before the clock. */
export const policeCall = (sut: WarningsTestPlatform, phone: string, idNumber?: string, minutesAgo = 20) => ({
  id: `call-${++serial}`,
  kind: 'call',
  at: new Date(sut.now() - minutesAgo * 60_000).toISOString(),
  phone,
  ...(idNumber ? { idNumber } : {}),
  evidence: { number: FAKE_POLICE, durationSeconds: 95 },
});

/** A visit to the listed domain, `minutesAgo` before the clock (a warning dates from it: a red one is due 5 minutes later). */
export const listedVisit = (sut: WarningsTestPlatform, phone: string, minutesAgo = 1) => ({
  id: `web-${++serial}`,
  kind: 'web',
  at: new Date(sut.now() - minutesAgo * 60_000).toISOString(),
  phone,
  evidence: { url: `https://${FRAUD_DOMAIN}/case/20261126` },
});

/** The red scenario of docs/warnings.md: a fake-police call, then the fake safe-account page. */
export const redScenario = (sut: WarningsTestPlatform, phone: string, idNumber?: string) => [
  policeCall(sut, phone, idNumber),
  listedVisit(sut, phone),
];

export const nextEventId = (prefix: string) => `${prefix}-${++serial}`;
