import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { invalidReasonText, labelOf, ruleText } from './labelText';

const zh = translator('zh-CN');
const en = translator('en-US');

describe('intercept labels', () => {
  it('names the engine’s rules, including the SMS detector’s fraud types', () => {
    expect(ruleText(zh, 'number:exact')).toBe('号码精确匹配');
    expect(ruleText(zh, 'number:prefix:+86170')).toBe('号段匹配');
    expect(ruleText(zh, 'domain:icbc-login.com')).toBe('域名及子域名');
    expect(ruleText(zh, 'sms:fake_police:公安局|安全账户')).toBe('短信内容识别 · 冒充公检法');
    expect(ruleText(en, 'account:qq')).toBe('Account');
    expect(ruleText(zh, 'behaviour:simbox')).toBe('behaviour');
  });

  it('falls back to the code for what the console has no words for', () => {
    expect(labelOf(zh, 'intel.source.', 'case')).toBe('案件');
    expect(labelOf(zh, 'intel.source.', 'feed')).toBe('feed');
    expect(invalidReasonText(zh, 'too_short')).toBe('位数过短（too_short）');
    expect(invalidReasonText(zh, 'must be a string')).toBe('must be a string');
  });
});
