import { describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/translate';
import { stepsText } from './ruleText';

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
