import { describe, expect, it } from 'vitest';
import { FakePlatform } from './fake-platform.js';
import { runSimulation, type SimOptions } from './simulation.js';
import { TEST_UNITS } from './test-province.js';

const start = Date.parse('2026-11-25T08:00:00+08:00');

function options(client: FakePlatform): SimOptions {
  return {
    client,
    seed: 7,
    start,
    hours: 6,
    speed: 'max',
    population: 2_000,
    victimsPerDay: 200,
    gangsPerFraudType: 1,
  };
}

describe('runSimulation', () => {
  it('sends events only for flagged traffic, with simulated times inside the period and unique ids', async () => {
    const platform = new FakePlatform(TEST_UNITS);
    const result = await runSimulation(options(platform));
    expect(platform.events.length).toBeGreaterThan(50);
    expect(new Set(platform.events.map((event) => event.id)).size).toBe(platform.events.length);
    for (const event of platform.events) {
      const at = Date.parse(event.at);
      expect(at).toBeGreaterThanOrEqual(result.plan.start);
      expect(at).toBeLessThan(result.plan.end);
      expect(event.at).toMatch(/\+08:00$/);
      const large = event.kind === 'transfer' && Number(event.evidence.amount) >= 10_000;
      if (event.kind !== 'report' && !large) {
        const counterparty = String(event.evidence.number ?? event.evidence.domain ?? event.evidence.account);
        expect(platform.listed.has(counterparty) || /^1(70|71|62|65|67)/.test(counterparty)).toBe(true);
      }
    }
    expect(result.eventsSent).toBe(platform.events.length);
  });

  it('has the officers record what the ground truth says, and dissuaded victims do not pay', async () => {
    const platform = new FakePlatform(TEST_UNITS);
    const result = await runSimulation(options(platform));
    const victimByPhone = new Map(result.plan.victims.map((v) => [result.plan.people[v.person]!.phone, v]));
    expect(platform.attempts.length).toBeGreaterThan(5);
    for (const attempt of platform.attempts) {
      const at = Date.parse(attempt.at);
      const victim = victimByPhone.get(attempt.phone);
      if (attempt.outcome === 'false_alarm') expect(!victim || victim.steps[0]!.at > at).toBe(true);
      // A later warning on someone already dissuaded is confirmed without a second amount.
      if (attempt.outcome === 'dissuaded' && attempt.amount) expect(at).toBeLessThan(victim!.paymentAt);
      if (attempt.outcome === 'paid') expect(at).toBeGreaterThanOrEqual(victim!.paymentAt);
    }
    const dissuaded = result.victims.filter((victim) => victim.outcome === 'dissuaded');
    expect(dissuaded.length).toBeGreaterThan(0);
    for (const victim of dissuaded) {
      const after = platform.events.filter(
        (event) =>
          event.phone === victim.phone && event.kind === 'transfer' && event.at > victim.dissuadedAt!,
      );
      expect(after).toEqual([]);
    }
    expect(result.report.dissuaded).toBe(dissuaded.length);
    expect(result.report.lossAvoided).toBe(dissuaded.reduce((sum, victim) => sum + victim.amount, 0));
    expect(result.report.victims).toBeGreaterThan(0);
    expect(result.report.falseAlarmRate).toBeGreaterThan(0);
  });

  it('runs the same way twice with the same seed', async () => {
    const first = await runSimulation(options(new FakePlatform(TEST_UNITS)));
    const second = await runSimulation(options(new FakePlatform(TEST_UNITS)));
    expect({ ...second.report, eventsPerSecond: 0 }).toEqual({ ...first.report, eventsPerSecond: 0 });
    expect(second.victims).toEqual(first.victims);
  });

  it('posts CDRs with SIM boxes among ordinary and busy callers, and scores the marks against them', async () => {
    const platform = new FakePlatform(TEST_UNITS);
    const result = await runSimulation(options(platform));
    const callers = result.plan.callers!;
    expect(result.simBoxNumbers.length).toBeGreaterThanOrEqual(10);
    expect(new Set(callers.simBoxes.map((box) => box.kind)).size).toBeGreaterThan(1);
    expect(callers.busy.length).toBe(8);
    expect(result.cdrsSent).toBe(platform.cdrs.length);
    const served = (cdr: (typeof platform.cdrs)[number]) =>
      cdr.direction === 'outbound' ? cdr.caller : cdr.callee;
    const boxes = new Set(result.simBoxNumbers);
    const boxCdrs = platform.cdrs.filter((cdr) => boxes.has(served(cdr)));
    const ordinary = platform.cdrs.filter((cdr) => !boxes.has(served(cdr)));
    expect(boxCdrs.length).toBeGreaterThan(1_000);
    expect(ordinary.length).toBeGreaterThan(boxCdrs.length);
    // A gateway's SIM is seen on several ports; bulk calls are mostly short or unanswered.
    const goip = callers.simBoxes.find((box) => box.kind === 'goip');
    if (goip)
      expect(
        new Set(boxCdrs.filter((c) => c.caller === goip.number).map((c) => c.imei)).size,
      ).toBeGreaterThan(1);
    const short = boxCdrs.filter((cdr) => cdr.duration < 10).length / boxCdrs.length;
    expect(short).toBeGreaterThan(0.5);
    for (const cdr of platform.cdrs) {
      expect(cdr.start).toBeGreaterThanOrEqual(result.plan.start);
      expect(cdr.start).toBeLessThan(result.plan.end);
    }
    const figures = result.report.callerBehaviour!;
    expect(figures).toMatchObject({ simBoxes: result.simBoxNumbers.length });
    expect(figures.recall).toBeGreaterThan(0.5);
    expect(figures.precision).toBeGreaterThan(0);
  });

  it('posts no CDRs with a CDR share of 0, and reports no caller figures', async () => {
    const platform = new FakePlatform(TEST_UNITS);
    const result = await runSimulation({ ...options(platform), cdrShare: 0 });
    expect(platform.cdrs).toEqual([]);
    expect(result.report.callerBehaviour).toBeNull();
    expect(result.plan.callers).toBeUndefined();
  });
});
