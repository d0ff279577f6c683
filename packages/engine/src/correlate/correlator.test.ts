import { describe, expect, it } from 'vitest';
import { Correlator } from './correlator.js';
import { buildRule, buildSignal, listedVisit, MINUTE, policeCall, T0 } from './test-factories.js';

describe('Correlator.ingest', () => {
  it('fires when the second step follows the first within the window, with the reason filled', () => {
    const sut = new Correlator([buildRule()]);
    const call = policeCall(0);
    const visit = listedVisit(12);
    expect(sut.ingest(call)).toEqual([]);
    expect(sut.ingest(visit)).toEqual([
      {
        ruleId: 'police-call-then-web',
        ruleVersion: 1,
        level: 'red',
        fraudType: 'fake_police',
        person: call.person,
        at: visit.at,
        eventIds: [call.eventId, visit.eventId],
        reason: '冒充公检法号码来电后 12 分钟内访问涉诈域名 safe-account.top',
      },
    ]);
  });

  it('fires just inside the window (exactly windowMinutes apart) and not just outside', () => {
    const inside = new Correlator([buildRule()]);
    inside.ingest(policeCall(0));
    expect(inside.ingest(listedVisit(30))).toHaveLength(1);

    const outside = new Correlator([buildRule()]);
    outside.ingest(policeCall(0));
    expect(outside.ingest(listedVisit(30, { at: T0 + 30 * MINUTE + 1 }))).toEqual([]);
  });

  it('keeps the order of ordered steps and ignores it for unordered ones', () => {
    const ordered = new Correlator([buildRule()]);
    ordered.ingest(listedVisit(0));
    expect(ordered.ingest(policeCall(5))).toEqual([]);

    const unordered = new Correlator([buildRule({ ordered: false })]);
    const visit = listedVisit(0);
    const call = policeCall(5);
    unordered.ingest(visit);
    const firings = unordered.ingest(call);
    expect(firings.map((f) => f.eventIds)).toEqual([[call.eventId, visit.eventId]]);
  });

  it('fires for a late signal that completes an ordered rule in event time', () => {
    const sut = new Correlator([buildRule()]);
    const visit = listedVisit(10);
    sut.ingest(visit);
    const call = policeCall(2);
    expect(sut.ingest(call).map((f) => f.eventIds)).toEqual([[call.eventId, visit.eventId]]);
  });

  it('does not fire on signals that miss a condition or belong to another person', () => {
    const sut = new Correlator([buildRule()]);
    sut.ingest(policeCall(0));
    expect(sut.ingest(buildSignal({ minutes: 1, kind: 'web', listed: null }))).toEqual([]);
    expect(sut.ingest(listedVisit(2, { person: '+8613900000002' }))).toEqual([]);
    expect(sut.ingest(policeCall(3, { fraudType: 'romance' }))).toEqual([]);
  });

  it('fires once per episode, and again after the window with new evidence', () => {
    const sut = new Correlator([buildRule()]);
    sut.ingest(policeCall(0));
    expect(sut.ingest(listedVisit(5))).toHaveLength(1);
    expect(sut.ingest(listedVisit(6))).toEqual([]);
    expect(sut.ingest(policeCall(20))).toEqual([]);
    expect(sut.ingest(listedVisit(25))).toEqual([]);
    sut.ingest(policeCall(40));
    expect(sut.ingest(listedVisit(45))).toHaveLength(1);
  });

  it('is idempotent: the same eventId twice returns [] and changes nothing', () => {
    const sut = new Correlator([
      buildRule({
        steps: [
          { kinds: ['web'], listed: true },
          { kinds: ['web'], listed: true },
        ],
        ordered: false,
      }),
    ]);
    const visit = listedVisit(0);
    expect(sut.ingest(visit)).toEqual([]);
    expect(sut.ingest({ ...visit })).toEqual([]);
    expect(sut.ingest(listedVisit(1))).toHaveLength(1);
  });

  it('does not let one signal meet two steps', () => {
    const sut = new Correlator([buildRule({ steps: [{ listed: true }, { listed: true }], ordered: false })]);
    expect(sut.ingest(policeCall(0))).toEqual([]);
    expect(sut.ingest(policeCall(1))).toHaveLength(1);
  });

  it('without a reason template, says the rule name and the minutes', () => {
    const sut = new Correlator([buildRule({ reason: undefined })]);
    sut.ingest(policeCall(0));
    expect(sut.ingest(listedVisit(0.5))[0]?.reason).toBe('冒充公检法来电后访问涉诈网站（1 分钟内）');
  });

  it('takes the fraud type from the signals when the rule has none', () => {
    const sut = new Correlator([buildRule({ fraudType: null, steps: [{ kinds: ['call'], listed: true }] })]);
    expect(sut.ingest(policeCall(0, { fraudType: 'romance' }))[0]?.fraudType).toBe('romance');
  });
});

describe('Correlator state bounds', () => {
  it('keeps at most maxSignalsPerPerson signals per person, dropping the oldest', () => {
    const sut = new Correlator([buildRule()], { maxSignalsPerPerson: 2 });
    sut.ingest(policeCall(0));
    sut.ingest(listedVisit(40, { fraudType: 'romance' }));
    sut.ingest(listedVisit(41, { fraudType: 'romance' }));
    expect(sut.ingest(policeCall(42))).toEqual([]);
    expect(sut.ingest(listedVisit(43))).toHaveLength(1);
  });

  it('refuses a redelivered signal the ring let go of, up to forgottenIdsPerPerson of them', () => {
    const call = policeCall(0);
    const remembering = new Correlator([buildRule()], { maxSignalsPerPerson: 2 });
    const forgetting = new Correlator([buildRule()], { maxSignalsPerPerson: 2, forgottenIdsPerPerson: 0 });
    for (const sut of [remembering, forgetting]) {
      sut.ingest(call);
      // Two late calls from long before push the call out of the ring; the visit then finds no call.
      sut.ingest(policeCall(-100));
      sut.ingest(policeCall(-100));
      expect(sut.ingest(listedVisit(2))).toEqual([]);
    }
    expect(remembering.ingest({ ...call })).toEqual([]);
    expect(forgetting.ingest({ ...call })).toHaveLength(1);
  });

  it('gives up a hopeless many-step search instead of stalling (no firing)', () => {
    // Eight listed signals within 6 minutes, among signals one minute apart: never more than seven, but
    // a search over the orders of seven neighbours would take minutes for each signal.
    const manySteps = buildRule({
      ordered: false,
      windowMinutes: 6,
      steps: Array.from({ length: 8 }, () => ({ listed: true })),
    });
    const sut = new Correlator([manySteps]);
    const firings = Array.from({ length: 35 }, (_, i) => sut.ingest(policeCall(i)));
    expect(firings.flat()).toEqual([]);
  });
});

describe('Correlator.evict', () => {
  it('forgets signals older than the cut, ignores later signals before it, and drops empty persons', () => {
    const sut = new Correlator([buildRule()]);
    sut.ingest(policeCall(0));
    expect(sut.trackedPersons).toBe(1);
    sut.evict(T0 + MINUTE);
    expect(sut.trackedPersons).toBe(0);
    expect(sut.ingest(listedVisit(5))).toEqual([]);
    expect(sut.ingest(policeCall(0.5))).toEqual([]);
  });

  it('forgets a firing once its quiet period is over, so the rule can fire again', () => {
    const sut = new Correlator([buildRule()]);
    sut.ingest(policeCall(0));
    expect(sut.ingest(listedVisit(5))).toHaveLength(1);
    sut.evict(T0 + 36 * MINUTE);
    expect(sut.trackedPersons).toBe(0);
    sut.ingest(policeCall(36));
    expect(sut.ingest(listedVisit(37))).toHaveLength(1);
  });

  it('keeps signals at or after the cut', () => {
    const sut = new Correlator([buildRule()]);
    sut.ingest(policeCall(10));
    sut.evict(T0 + 10 * MINUTE);
    expect(sut.ingest(listedVisit(15))).toHaveLength(1);
  });
});

describe('Correlator.replaceRules', () => {
  it('puts the highest version live, whatever the order given', () => {
    const sut = new Correlator([buildRule({ version: 3, level: 'orange' }), buildRule()]);
    sut.ingest(policeCall(0));
    expect(sut.ingest(listedVisit(5)).map((f) => [f.ruleVersion, f.level])).toEqual([[3, 'orange']]);
  });

  it('matches the kept signals against the new version', () => {
    const broad = buildRule({
      steps: [
        { kinds: ['call'], listed: true },
        { kinds: ['web'], listed: true },
      ],
    });
    const sut = new Correlator([broad]);
    sut.ingest(policeCall(0));
    sut.replaceRules([
      broad,
      buildRule({
        version: 2,
        steps: [
          { kinds: ['call'], fraudTypes: ['romance'] },
          { kinds: ['web'], listed: true },
        ],
      }),
    ]);
    expect(sut.ingest(listedVisit(5))).toEqual([]);
    sut.ingest(policeCall(6, { fraudType: 'romance' }));
    expect(sut.ingest(listedVisit(7)).map((f) => f.ruleVersion)).toEqual([2]);
  });

  it('keeps a rule quiet across a new version of it', () => {
    const sut = new Correlator([buildRule()]);
    sut.ingest(policeCall(0));
    expect(sut.ingest(listedVisit(5))).toHaveLength(1);
    sut.replaceRules([buildRule({ version: 2, level: 'orange' })]);
    expect(sut.ingest(listedVisit(6))).toEqual([]);
  });

  it('stops firing a rule whose latest version is disabled', () => {
    const sut = new Correlator([buildRule()]);
    sut.ingest(policeCall(0));
    sut.replaceRules([buildRule(), buildRule({ version: 2, enabled: false })]);
    expect(sut.ingest(listedVisit(5))).toEqual([]);
    expect(sut.rules).toEqual([]);
  });
});
