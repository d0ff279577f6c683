import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSmsClassifier, SMS_FRAUD_THRESHOLDS } from './classifier.js';
import { SMS_MODEL_URL } from './index.js';
import type { SmsModelFile } from './model.js';

// The engine never reads files; its tests may, to check the shipped model.
const model = JSON.parse(readFileSync(SMS_MODEL_URL, 'utf8')) as SmsModelFile;
const sut = createSmsClassifier(model);

describe('createSmsClassifier', () => {
  it('marks a fake-police message as fraud and shows why, in the original text', () => {
    const text = '您好，我是深圳市公安局的警察，您的银行卡涉嫌洗钱，请加威/信配合调查，将资金转入安全账户。';
    const result = sut.classify(text);
    expect(result.label).toBe('fraud');
    expect(result.score).toBeGreaterThan(SMS_FRAUD_THRESHOLDS.block);
    expect(result.fraudType).toBe('fake_police');
    const spans = result.evidence.filter((e) => e.kind === 'pattern');
    expect(spans.map((e) => e.text)).toEqual(expect.arrayContaining(['公安局', '安全账户', '加威/信']));
    for (const e of result.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('still sees fraud through evasion', () => {
    const result = sut.classify(
      '您好，我是 公 安 局 民警，您的身份信息涉嫌洗錢，請下載ｚｏｏｍ並共享屏幕，配合資金清查。',
    );
    expect(result.label).toBe('fraud');
  });

  it('tells advertising from fraud', () => {
    const result = sut.classify('亲，三月女人节来啦！本店全场x折，到店送精美礼品一份，欢迎新老顾客光临');
    expect(result.label).toBe('spam');
    expect(result.fraudType).toBeNull();
  });

  it('lets ordinary messages through', () => {
    expect(sut.classify('晚上一起吃饭吗？我七点下班').label).toBe('normal');
    expect(sut.classify('').label).toBe('normal');
  });

  it('names fraud types the model head was not trained on from the pattern set', () => {
    const result = sut.classify(
      '您好，我们招聘刷单兼职，做任务日结佣金，垫付后本金加佣金返利，请加微信领取任务单，稳赚不赔。',
    );
    expect(result.label).toBe('fraud');
    expect(result.fraudType).toBe('click_farming_rebate');
  });

  it('refuses a model trained with another pattern set', () => {
    expect(() => createSmsClassifier({ ...model, patternSetVersion: '0' })).toThrow(/pattern set/);
  });
});
