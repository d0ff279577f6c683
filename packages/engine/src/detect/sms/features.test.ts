import { describe, expect, it } from 'vitest';
import { normaliseSmsText } from '../text/normalise.js';
import { readSmsShape, SHAPE_FEATURE_NAMES, SmsFeatureExtractor } from './features.js';

const shape = (text: string) => {
  const { codes } = normaliseSmsText(text);
  return readSmsShape(codes, codes.length);
};

describe('readSmsShape', () => {
  it.each([
    ['请立即点击 icbc-verify.top 进行身份核验', 'top', true],
    ['详情戳https://u.10010.cn/qAE9U立即参与', 'cn', false],
    ['登录 WWW.CCB-JIEDONG.XYZ 解除', 'xyz', true],
    ['点击t.cn/A6x9kQ领取', 'cn', false],
  ])('finds the link in %s', (text, tld, hyphen) => {
    expect(shape(text)).toMatchObject({ linkTld: tld, linkHyphen: hyphen });
  });

  it.each(['全场8.8折，欢迎光临', '活动时间x.xx-x.x日，详情进店咨询', '余额12,306.21元', '晚上一起吃饭吗？'])(
    'finds no link in %s',
    (text) => {
      expect(shape(text).linkTld).toBeNull();
    },
  );

  it.each(['退订回T', '拒收请回复R', '回复TD退订', '回N退订', '如需退订请回复T.'])(
    'reads %s as an opt-out line',
    (text) => {
      expect(shape(`本店全场五折，${text}`).optOut).toBe(true);
    },
  );

  it.each(['我回头再说', '回town了', '回复我一下'])('does not read %s as an opt-out line', (text) => {
    expect(shape(text).optOut).toBe(false);
  });

  it('reads a 【brand】 header and a signature, and the length class', () => {
    expect(shape('【工商银行】您尾号6789卡支出100元')).toMatchObject({
      header: true,
      signature: false,
      length: 'short',
    });
    expect(shape('您的验证码为123456【美团】')).toMatchObject({ header: false, signature: true });
    expect(shape('好'.repeat(200)).length).toBe('verylong');
  });
});

describe('SmsFeatureExtractor', () => {
  it('puts the n-grams first and names every shape feature it adds', () => {
    const { codes } = normaliseSmsText('【工商银行】请点击 icbc-verify.top，退订回T');
    const features = new SmsFeatureExtractor(15).extract(codes, codes.length, []);
    for (let f = 0; f < features.ngramCount; f++) expect(features.lengths[f]).toBeGreaterThan(0);
    const names = [];
    for (let f = features.ngramCount; f < features.count; f++)
      names.push(SHAPE_FEATURE_NAMES[-2 - features.positions[f]!]);
    expect(names).toEqual(
      expect.arrayContaining([
        'len:short',
        'link',
        'link&short',
        'link:hyphen',
        'link:tld:top',
        'header',
        'optout&short',
        'ev0',
      ]),
    );
  });
});
