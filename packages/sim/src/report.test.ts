import { describe, expect, it } from 'vitest';
import type { SimPlan, VictimPlan } from './model.js';
import { computeReport, type Observations } from './report.js';

const start = Date.parse('2026-11-25T00:00:00Z');
const minute = 60_000;

function victim(
  id: string,
  person: number,
  contactAt: number,
  paymentAt: number,
  amount: number,
): VictimPlan {
  return {
    id,
    person,
    fraudType: 'fake_police',
    gangId: 'fake_police-1',
    steps: [
      { role: 'contact', channel: 'call', at: contactAt, counterparty: '17001234567', durationSeconds: 600 },
      { role: 'lure', channel: 'web', at: contactAt + 10 * minute, counterparty: 'gaj-anquan1.top' },
      { role: 'payment', channel: 'transfer', at: paymentAt - 5 * minute, counterparty: '6222', amount },
    ],
    paymentAt,
    amount,
    reportsAfterPayment: false,
  };
}

const person = (phone: string) => ({
  phone,
  idNumber: '11010519491231002X',
  countyCode: '110105',
  phoneCity: null,
  carrierKnowsId: true,
});

/** Four victims (one whose payment falls after the end) and two bystanders. */
const plan: SimPlan = {
  seed: 1,
  province: '江苏省',
  start,
  end: start + 24 * 60 * minute,
  people: ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005', '13800000006'].map(
    person,
  ),
  gangs: [],
  contacts: [],
  victims: [
    victim('v1', 0, start + 60 * minute, start + 120 * minute, 50_000),
    victim('v2', 1, start + 60 * minute, start + 90 * minute, 20_000),
    victim('v3', 2, start + 200 * minute, start + 260 * minute, 8_000),
    victim('v4', 5, start + 23 * 60 * minute, start + 25 * 60 * minute, 1_000_000),
  ],
};

const observed: Observations = {
  warnings: [
    // v1: first event 5 minutes after contact, warned 10 minutes after contact: before payment.
    { id: 'w1', person: 0, warnedAt: start + 70 * minute },
    // v2: warned after the payment.
    { id: 'w2', person: 1, warnedAt: start + 100 * minute },
    // Bystanders: false alarms, one of them twice.
    { id: 'w3', person: 3, warnedAt: start + 30 * minute },
    { id: 'w4', person: 4, warnedAt: start + 40 * minute },
    { id: 'w5', person: 4, warnedAt: start + 400 * minute },
    // Not a simulated person: ignored.
    { id: 'w6', person: null, warnedAt: start + 40 * minute },
    // A warning on v3 before their contact does not count as warning them.
    { id: 'w7', person: 2, warnedAt: start + 10 * minute },
  ],
  outcomes: [
    { warningId: 'w1', person: 0, outcome: 'dissuaded', amount: 50_000 },
    { warningId: 'w2', person: 1, outcome: 'paid', amount: 20_000 },
    { warningId: 'w3', person: 3, outcome: 'false_alarm', amount: null },
    { warningId: 'w5', person: 4, outcome: 'unreachable', amount: null },
  ],
  eventTimes: new Map([
    [0, [start + 65 * minute, start + 70 * minute]],
    [1, [start + 61 * minute]],
    [2, [start + 5 * minute]],
  ]),
  eventsAccepted: 1_000,
  eventsSeconds: 0.5,
};

describe('computeReport', () => {
  it('scores the platform against the ground truth', () => {
    expect(computeReport(plan, observed)).toEqual({
      victims: 3,
      warnedBeforePayment: 0.3333,
      // v1: 70 - 65 = 5 min; v2: 100 - 61 = 39 min → median 22 min.
      medianSecondsToWarning: 1_320,
      // w3, w4, w5 of six warnings tied to people (w7 is on a victim, if early).
      falseAlarmRate: 0.5,
      dissuaded: 1,
      lossAvoided: 50_000,
      eventsPerSecond: 2_000,
      callerBehaviour: null,
    });
  });

  it('answers with empty figures when nothing was observed', () => {
    expect(
      computeReport(plan, {
        warnings: [],
        outcomes: [],
        eventTimes: new Map(),
        eventsAccepted: 0,
        eventsSeconds: 0,
      }),
    ).toEqual({
      victims: 3,
      warnedBeforePayment: 0,
      medianSecondsToWarning: null,
      falseAlarmRate: null,
      dissuaded: 0,
      lossAvoided: 0,
      eventsPerSecond: 0,
      callerBehaviour: null,
    });
  });

  it('scores the caller-behaviour marks against the SIM boxes whose CDRs were posted', () => {
    const box = (number: string) => ({
      number,
      gangId: 'g',
      kind: 'goip' as const,
      device: 'd',
      imeis: ['i'],
      cell: 'c',
      callsPerHour: 50,
      unanswered: 0.5,
      nights: false,
    });
    const withCallers: SimPlan = {
      ...plan,
      callers: {
        simBoxes: [box('17000000001'), box('17000000002'), box('17000000003'), box('17000000004')],
        busy: [
          {
            number: '13800000009',
            kind: 'sales',
            imei: 'i',
            cell: 'c',
            callsPerHour: 30,
            unanswered: 0.4,
            inbound: 0.05,
          },
        ],
        cdrShare: 1,
      },
    };
    const marked = ['17000000001', '17000000002', '17000000003', '13800000009', '13900000000'];
    expect(computeReport(withCallers, { ...observed, markedCallers: marked }).callerBehaviour).toEqual({
      simBoxes: 4,
      marked: 5,
      caught: 3,
      busyMarked: 1,
      precision: 0.6,
      recall: 0.75,
    });
    expect(computeReport(withCallers, { ...observed, markedCallers: null }).callerBehaviour).toBeNull();
  });
});
