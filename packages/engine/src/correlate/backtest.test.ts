import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backtest, BacktestRun } from './backtest.js';
import { readDefaultRules } from './default-rules.js';
import { generateSyntheticSignals } from './synthetic.js';
import { buildRule, buildSignal, listedVisit, policeCall } from './test-factories.js';

const victim = '+8613800000001';
const bystander = '+8613800000002';
const reporter = '+8613800000003';

describe('backtest', () => {
  const rules = [
    buildRule(),
    buildRule({
      id: 'report',
      level: 'orange',
      fraudType: null,
      steps: [{ kinds: ['report'] }],
      reason: '群众举报',
    }),
    buildRule({ id: 'never', steps: [{ kinds: ['app'], listed: 'block' }] }),
  ];
  const signals = [
    policeCall(0, { person: victim }),
    buildSignal({ minutes: 1, person: bystander }),
    listedVisit(10, { person: victim }),
    buildSignal({ minutes: 11, person: reporter, kind: 'report', fraudType: 'fake_police' }),
    policeCall(12, { person: reporter }),
    listedVisit(13, { person: reporter }),
    listedVisit(14, { person: victim }),
  ];

  it('counts distinct persons warned, firings and persons per rule, victims caught and false alarms', () => {
    expect(backtest(rules, signals, new Set([victim, '+8613800000009']))).toEqual({
      signals: 7,
      warnings: 2,
      firingsByRule: [
        { ruleId: 'police-call-then-web', firings: 2, persons: 2, victimsCaught: 1 },
        { ruleId: 'report', firings: 1, persons: 1, victimsCaught: 0 },
        { ruleId: 'never', firings: 0, persons: 0, victimsCaught: 0 },
      ],
      victimsCaught: 1,
      victimsTotal: 2,
      falseAlarmPersons: 1,
    });
  });

  it('leaves the victim figures null without victims', () => {
    const result = backtest(rules, signals);
    expect([result.warnings, result.victimsCaught, result.victimsTotal, result.falseAlarmPersons]).toEqual([
      2,
      null,
      null,
      null,
    ]);
    expect(result.firingsByRule.map((r) => r.victimsCaught)).toEqual([null, null, null]);
  });

  it('gives the same figures fed one signal at a time', () => {
    const run = new BacktestRun(rules);
    for (const signal of signals) run.add(signal);
    expect(run.result()).toEqual(backtest(rules, signals));
  });

  it('with the default rules, catches most synthetic victims and warns few others', () => {
    const data = generateSyntheticSignals({ persons: 20_000, victimShare: 0.01, seed: 3 });
    const result = backtest(
      readDefaultRules((url) => readFileSync(url, 'utf8')),
      data.signals,
      data.victims,
    );
    expect(result.victimsCaught! / result.victimsTotal!).toBeGreaterThan(0.8);
    expect(result.falseAlarmPersons! / 20_000).toBeLessThan(0.01);
  });
});
