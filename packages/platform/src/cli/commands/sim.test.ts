/**
 * The simulator against a real platform (demo org tree and accounts, store per test file), over HTTP
 * as `fanzha sim` drives it: a short simulated hour, and the red scenario of the browser test.
 */
import { HttpPlatformClient, injectScenario, runSimulation } from '@fanzha/sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, DEMO_PASSWORD, type TestPlatform } from '../../test-support/index.js';

/** A busy hour (gangs work 08:00–22:00 China time) that has passed, whenever the test runs. */
function yesterdayAtTenInChina(): number {
  const day = 86_400_000;
  const chinaOffset = 8 * 3_600_000;
  const todayInChina = Math.floor((Date.now() + chinaOffset) / day) * day - chinaOffset;
  return todayInChina - day + 10 * 3_600_000;
}

describe('fanzha sim against a platform', () => {
  let platform: TestPlatform;
  let client: HttpPlatformClient;

  beforeAll(async () => {
    platform = await createTestPlatform();
    const url = await platform.app.listen({ port: 0, host: '127.0.0.1' });
    client = HttpPlatformClient.forDemo(url, DEMO_PASSWORD);
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('simulates an hour: the platform takes every event, raises warnings, and the officers work them', async () => {
    const result = await runSimulation({
      client,
      seed: 11,
      start: yesterdayAtTenInChina(),
      hours: 1,
      speed: 'max',
      population: 1_000,
      victimsPerDay: 1_500,
      tickSeconds: 120,
    });
    expect(result.eventsSent).toBeGreaterThan(20);
    expect(result.eventsRejected).toBe(0);
    const figures = result.report;
    expect(figures.eventsPerSecond).toBeGreaterThan(0);
    expect(figures.falseAlarmRate).not.toBeNull();
    // The carriers posted CDRs, SIM boxes among them, and the platform took every one.
    expect(result.cdrsSent).toBeGreaterThan(1_000);
    expect(figures.callerBehaviour?.simBoxes).toBe(result.simBoxNumbers.length);
    const stats = await platform.app.inject({
      url: '/api/v1/intel/caller-behaviour/stats',
      headers: { cookie: await platform.login('province-analyst') },
    });
    expect(stats.json().records).toBe(result.cdrsSent);
    const officer = await platform.login('province-officer');
    const closed = await platform.app.inject({
      url: '/api/v1/warnings?status=closed&pageSize=200',
      headers: { cookie: officer },
    });
    expect(closed.statusCode).toBe(200);
    const items = (closed.json() as { items: Array<{ outcome: string }> }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => ['dissuaded', 'paid', 'false_alarm'].includes(item.outcome))).toBe(true);
  }, 300_000);

  it('injects a red scenario for a person of 玄武区 that reaches the county’s queue as red', async () => {
    const scenario = await injectScenario(client, { kind: 'red', countyCode: '320102', seed: 5 });
    const officer = await platform.login('xuanwu-officer');
    let found: { id: string; level: string } | undefined;
    for (let attempt = 0; attempt < 100 && !found; attempt++) {
      const response = await platform.app.inject({
        url: '/api/v1/warnings?status=open&level=red&pageSize=200',
        headers: { cookie: officer },
      });
      const page = response.json() as { items: Array<{ id: string; level: string; phoneMasked: string }> };
      found = page.items.find((item) => item.phoneMasked.endsWith(scenario.phone.slice(-4)));
      if (!found) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(found?.level).toBe('red');
    const detail = await platform.app.inject({
      url: `/api/v1/warnings/${found!.id}`,
      headers: { cookie: officer },
    });
    expect((detail.json() as { phone: string }).phone).toBe(`+86${scenario.phone}`);
    expect(scenario.idNumber.slice(0, 6)).toBe('320102');
  });
});
