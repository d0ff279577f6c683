import { describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/translate';
import { contributionText, scoreLevel, topContributions } from './contributions';

const zh = translator('zh-CN');
const en = translator('en-US');

// As the platform returns them for icbc-login-verify.top.
const icbc = [
  { feature: 'tld', value: 7.652 },
  { feature: 'name', value: -4.511 },
  { feature: 'brand_added_words', value: 4.5, brand: 'icbc' },
  { feature: 'entropy', value: 3.962 },
  { feature: 'length', value: 2.086 },
  { feature: 'hyphens', value: -1.27 },
];

describe('domain-watch contributions', () => {
  it('names the signals that raised the score, largest first, with the imitated brand', () => {
    const labels = topContributions(zh, icbc, 3);
    expect(labels.map((label) => label.text)).toEqual(['高风险后缀', '品牌加词：中国工商银行', '字符随机']);
    expect(labels[1]).toMatchObject({ code: 'brand_added_words:icbc', brand: true, value: 4.5 });
    expect(topContributions(en, icbc, 2).map((label) => label.text)).toEqual([
      'Risky suffix',
      'Brand plus words: ICBC',
    ]);
  });

  it('leaves out what lowered the score', () => {
    expect(topContributions(zh, icbc).map((label) => label.code)).not.toContain('hyphens');
    expect(topContributions(zh, [{ feature: 'tld', value: -2.1 }])).toEqual([]);
  });

  it('shows unknown features and brands as their codes, and reads the older names of signals', () => {
    expect(contributionText(zh, { feature: 'whois_age', value: 1 })).toBe('whois_age');
    expect(contributionText(zh, { feature: 'brand_homograph', value: 6, brand: 'acme' })).toBe(
      '形近字仿冒：acme',
    );
    expect(contributionText(zh, { feature: 'brand_edit_distance', value: 5, brand: 'ccb' })).toBe(
      '拼写近似：中国建设银行',
    );
    expect(contributionText(en, { feature: 'digits', value: 0.4 })).toBe('Many digits');
  });

  it('grades scores for their colour', () => {
    expect([0.99, 0.9, 0.75, 0.5].map(scoreLevel)).toEqual(['high', 'high', 'medium', 'low']);
  });
});
