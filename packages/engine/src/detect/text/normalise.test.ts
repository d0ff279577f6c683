import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSmsText } from './normalise.js';

/** Real-looking evasions and the normalised text the detectors should see. */
const EVASIONS: Array<[string, string]> = [
  ['加 V 信领取补贴', '加微信领取补贴'],
  ['威/信：abc123', '微信:abc123'],
  ['加薇信了解详情', '加微信了解详情'],
  ['请加vx：fz8888', '请加微信:fz8888'],
  ['ｗｘ号：ｆｚ８８８', '微信号:fz888'],
  ['加\u200b微\u200d信', '加微信'],
  ['扣扣：一三八一二三四五六', 'qq:138123456'],
  ['请加🐧群', '请加qq群'],
  ['刷😀单返😀利，日结', '刷单返利,日结'],
  ['這裡是公安局，請轉帳到安全帳戶', '这里是公安局,请转账到安全账户'],
  ['联系电话①③⑧⓪⓪⓪⓪', '联系电话1380000'],
  ['❶❷❸❹❺', '12345'],
  ['Рау支付寶', 'pay支付宝'],
  ['安·全·账·户', '安全账户'],
  ['刷 单 兼 职', '刷单兼职'],
  ['zfb转账', '支付宝转账'],
  ['下载ZOOM共享屏幕', '下载zoom共享屏幕'],
];

describe('normaliseSmsText', () => {
  it.each(EVASIONS)('undoes %s', (input, expected) => {
    expect(normaliseSmsText(input).text).toBe(expected);
  });

  it('leaves ordinary words and URLs alone', () => {
    expect(normaliseSmsText('一个人去看电影').text).toBe('一个人去看电影');
    expect(normaliseSmsText('点击 https://u.10010.cn/qAE9U 参与').text).toBe(
      '点击https://u.10010.cn/qae9u参与',
    );
    expect(normaliseSmsText('wxyz').text).toBe('wxyz');
  });

  it('maps every output character back into the original message', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
        const n = normaliseSmsText(input);
        expect(n.codes.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.originStart[i]).toBeGreaterThanOrEqual(0);
          expect(n.originEnd[i]).toBeGreaterThan(n.originStart[i]!);
          expect(n.originEnd[i]).toBeLessThanOrEqual(input.length);
        }
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (input) => {
        const once = normaliseSmsText(input).text;
        expect(normaliseSmsText(once).text).toBe(once);
      }),
    );
  });

  it('sees through separators, zero-width characters and full-width forms inserted into a key word', () => {
    const noise = fc.constantFrom(' ', '/', '.', '·', '\u200b', '\ufeff', '-', '😀', '|');
    fc.assert(
      fc.property(fc.array(noise, { minLength: 3, maxLength: 3 }), ([a, b, c]) => {
        expect(normaliseSmsText(`安${a}全${b}账${c}户`).text).toBe('安全账户');
      }),
    );
  });
});
