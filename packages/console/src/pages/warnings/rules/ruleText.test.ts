import { describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/translate';
import { ruleBody, stepsText, windowText } from './ruleText';

const t = translator('zh-CN');

describe('stepsText', () => {
  it('says an ordered rule as steps with arrows, with what each signal must carry', () => {
    expect(
      stepsText(t, {
        ordered: true,
        steps: [
          { kinds: ['call'], listed: true, fraudTypes: ['fake_police'] },
          { kinds: ['web'], listed: 'block' },
        ],
      }),
    ).toBe('来电（名单命中，冒充公检法） → 访问网站（名单拦截）');
  });
  it('joins unordered steps with plus and names amounts and lists', () => {
    expect(
      stepsText(t, {
        ordered: false,
        steps: [{ kinds: ['transfer'], minAmount: 5000, lists: ['mule-accounts'] }, {}],
      }),
    ).toBe('转账（mule-accounts，金额不低于 5000 元） + 任意信号');
  });
});

describe('ruleBody', () => {
  it('sends the engine only the fields of a rule', () => {
    const stored = {
      id: 'police-then-safe-account',
      version: 2,
      name: '冒充公检法来电后访问涉诈网站',
      level: 'red' as const,
      fraudType: 'fake_police',
      windowMinutes: 30,
      ordered: true,
      steps: [{ kinds: ['call'] }, { kinds: ['web'] }],
      enabled: true,
      createdAt: '2026-11-26T08:00:00.000Z',
      createdBy: 'province-analyst',
      versions: [],
    };
    expect(Object.keys(ruleBody(stored)).sort()).toEqual(
      ['enabled', 'fraudType', 'id', 'level', 'name', 'ordered', 'steps', 'version', 'windowMinutes'].sort(),
    );
  });
});

describe('windowText', () => {
  it('says whole hours and days as such', () => {
    expect([30, 120, 1440, 2880, 90].map((minutes) => windowText(t, minutes))).toEqual([
      '30 分钟',
      '2 小时',
      '1 天',
      '2 天',
      '90 分钟',
    ]);
  });
});
