import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSmsClassifier, SMS_FRAUD_THRESHOLDS } from './classifier.js';
import { SMS_MODEL_URL } from './index.js';
import { evaluateSmsClassifier } from './evaluate.js';
import type { SmsModelFile } from './model.js';
import type { SmsExample } from './train.js';

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
    for (const e of result.evidence) if (e.kind !== 'signal') expect(text.slice(e.start, e.end)).toBe(e.text);
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

  // The cases issue 6 was reopened for: out of the dev data's style, obvious to any officer.
  it.each([
    ['【工商银行】您的账户存在异常，请立即点击 icbc-verify.top 进行身份核验，否则将冻结', 'fraud'],
    ['jia wei xin领取刷单佣金，日赚三百', 'fraud'],
    ['亲，双十一全场五折，退订回T', 'spam'],
  ])('reads %s as %s', (text, label) => {
    const result = sut.classify(text);
    expect(result.label).toBe(label);
    if (label === 'fraud') expect(result.score).toBeGreaterThanOrEqual(SMS_FRAUD_THRESHOLDS.block);
  });

  it('explains a phishing SMS by its patterns, its words and its shape', () => {
    const text = '【工商银行】您的账户存在异常，请立即点击 icbc-verify.top 进行身份核验，否则将冻结';
    const result = sut.classify(text);
    expect(result.fraudType).toBe('fake_customer_service');
    const patterns = result.evidence.filter((e) => e.kind === 'pattern').map((e) => e.patternId);
    expect(patterns).toEqual(expect.arrayContaining(['generic.account_alert', 'generic.alert_link']));
    expect(result.evidence.some((e) => e.kind === 'feature')).toBe(true);
    const signals = result.evidence.filter((e) => e.kind === 'signal');
    expect(signals.length).toBeGreaterThan(0);
    for (const s of signals) expect(s.weight).toBeGreaterThan(0);
  });

  // Short messages written by hand for this test (not from any template), one or more per kind.
  it.each([
    ['fraud', '【建设银行】您的手机银行登录异常，已临时冻结，请访问 ccb-jiedong.top 解除限制。'],
    ['fraud', '尊敬的ETC用户：您的车辆ETC信息未更新，明日起将无法通行，请速点 etc-gengxin.xyz 更新。'],
    ['fraud', '【医保】您的医保账户余额将于本月底清零，请点击 ybzx-ling.cc 领取返还金额。'],
    ['fraud', '在家也能赚钱！手机做任务，一单一结，佣金秒到，加vx：qq9988'],
    ['fraud', '淘宝刷单，垫付500返560，做完就结，联系扣扣 556677889'],
    ['fraud', '我是市公安局反诈中心，你的账户涉嫌洗钱，需将存款转入安全账户核查，否则冻结。'],
    ['fraud', '无需征信，身份证即可贷5万，当天放款，联系客服 vx：daik88'],
    ['fraud', '您的征信有逾期，我们可以帮您修复征信，铲除不良记录，费用面议。'],
    ['fraud', '您好，我是京东客服，您开通了京东金条学生账户，不注销会影响征信，请加QQ 88776655。'],
    ['fraud', '出售和平精英号，全皮肤，只要300，支付宝先付款再给账号。'],
    ['fraud', '我是你王叔，换号了，家里出了点急事，能先借我5000吗？明天就还。'],
    ['fraud', '在吗？上次在婚恋网认识的，我是小琪，最近在一个平台投资赚了不少，带你一起呀'],
    ['fraud', '老师带你买原始股，上市翻十倍，名额有限，加群领取内幕消息。'],
    ['fraud', '【顺丰速运】您的快件因地址不详无法派送，请点击 sf-bu.top 补充地址信息。'],
    ['fraud', '您已欠费停机，请点击 10086-jf.xyz 缴费恢复。'],
    ['spam', '【京东】亲爱的会员，年货节全场低至5折，满299减50，点击 jd.com/n 抢购，退订回T'],
    ['spam', '本店新到一批秋装，全场6折，欢迎新老顾客光临！地址：幸福路88号'],
    ['spam', '【瑞幸咖啡】送你一张9.9元券，今天有效，戳 lkcf.cn/a 领取，拒收请回复R'],
    ['spam', '装修找我们！全包99800元起，免费量房设计，电话 13800001111'],
    ['normal', '【腾讯】验证码 553281，用于QQ登录，5分钟内有效，请勿泄露。'],
    ['normal', '【中通快递】您的包裹已到达幸福里驿站，取件码 5-2-3301，请及时领取。'],
    ['normal', '【工商银行】您尾号6789卡11月26日10:02工资收入8,500.00元，余额12,306.21元。'],
    ['normal', '下午三点在二楼开周会，大家带上本周进度。'],
    ['normal', '今天降温了，出门多穿点衣服'],
    ['normal', '好的，明天见'],
    ['normal', '【滴滴出行】您的验证码是 8842，请勿告诉他人。'],
  ])('reads a realistic short %s message right: %s', (label, text) => {
    expect(sut.classify(text).label).toBe(label);
  });

  it('scores the realistic short-SMS set (fixtures/realistic-short-sms.jsonl) as docs/performance.md says', () => {
    const rows = readFileSync(new URL('./fixtures/realistic-short-sms.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as SmsExample);
    const { perLabel } = evaluateSmsClassifier(createSmsClassifier(model, { topFeatures: 0 }), rows);
    // The shipped model never saw these templates; its figures are close to the held-out recipe's.
    expect(perLabel.fraud.f1).toBeGreaterThanOrEqual(0.95);
    expect(perLabel.fraud.precision).toBeGreaterThanOrEqual(0.98);
    expect(perLabel.normal.recall).toBeGreaterThanOrEqual(0.97);
    expect(perLabel.spam.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the hand-written short SMS (fixtures/handwritten-short-sms.jsonl) as docs/performance.md says', () => {
    const rows = readFileSync(new URL('./fixtures/handwritten-short-sms.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as SmsExample);
    expect(rows).toHaveLength(40);
    const { perLabel, confusion } = evaluateSmsClassifier(
      createSmsClassifier(model, { topFeatures: 0 }),
      rows,
    );
    expect(perLabel.fraud.recall).toBeGreaterThanOrEqual(0.9);
    expect(confusion.normal.fraud + confusion.spam.fraud).toBe(0);
    expect(perLabel.normal.recall).toBeGreaterThanOrEqual(0.9);
    expect(perLabel.spam.recall).toBeGreaterThanOrEqual(0.6);
  });

  it('refuses a model trained with another pattern set', () => {
    expect(() => createSmsClassifier({ ...model, patternSetVersion: '0' })).toThrow(/pattern set/);
  });
});
