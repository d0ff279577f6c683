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

  // Short texts of types and styles the training data lacks: the pattern set's vote must carry them.
  it.each([
    [
      'click_farming_rebate',
      '【兼职】在家手机做任务，点赞关注日结200-500元，刷单返佣金，先垫付后返本金，加QQ 123456 领取任务。',
    ],
    [
      'fake_investment',
      '老师带你炒股，内幕消息每天推荐牛股，加入股票群稳赚不赔，数字货币平台收益翻倍，加微信了解。',
    ],
    ['fake_loan', '您好，您有一笔5万元无抵押贷款额度待领取，不看征信秒到账，先交500元保证金激活账户。'],
    [
      'fake_credit_repair',
      '您的京东金条账户存在异常，影响征信，需要注销校园贷账户，请按照指引将借款转到指定账户清空额度。',
    ],
    [
      'fake_game_trading',
      '出售王者荣耀游戏账号，满皮肤低价转让，请到指定交易平台下单，先付款后登录解除防沉迷。',
    ],
    ['romance', '亲爱的，我在一个投资平台赚了很多钱，带你赚钱，我们一起投资吧，这是平台的链接。'],
  ])('marks %s written in an unseen style', (fraudType, text) => {
    const result = sut.classify(text);
    expect(result.score).toBeGreaterThanOrEqual(SMS_FRAUD_THRESHOLDS.mark);
    expect(result.fraudType).toBe(fraudType);
  });

  it('refuses a model trained with another pattern set', () => {
    expect(() => createSmsClassifier({ ...model, patternSetVersion: '0' })).toThrow(/pattern set/);
  });
});
