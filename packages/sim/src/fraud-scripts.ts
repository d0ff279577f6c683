/**
 * How each fraud type of domain.md plays out against one victim: how the gang makes contact, which
 * lures follow and how long the victim takes to pay, and how much. Numbers are rough field knowledge
 * (fake police moves in minutes, investment and romance over hours), tuned so that a day has victims
 * that officers can still reach and victims they cannot.
 */
import type { FraudType } from '@fanzha/engine';

export interface LureTemplate {
  channel: 'call' | 'sms' | 'web';
  /** Minutes after the previous step. */
  delayMinutes: readonly [number, number];
  /** Chance the step happens at all. */
  probability: number;
}

export interface FraudScript {
  /** How the first contact reaches the victim, with weights. */
  contact: ReadonlyArray<readonly ['call' | 'sms', number]>;
  lures: readonly LureTemplate[];
  /** Minutes from the last lure to the start of the transfer. */
  paymentDelayMinutes: readonly [number, number];
  /** Yuan, drawn log-uniformly. */
  amount: readonly [number, number];
  /** Seconds of the contact call. */
  callSeconds: readonly [number, number];
  /** SMS texts; `{url}` is replaced with one of the gang's domains. */
  texts: readonly string[];
  /** Words for the gang's domain names. */
  domainWords: readonly string[];
  /** Chance that a person the gang contacts is hooked. */
  hookRate: number;
}

const web = (delay: readonly [number, number], probability = 1): LureTemplate => ({
  channel: 'web',
  delayMinutes: delay,
  probability,
});
const call = (delay: readonly [number, number], probability = 1): LureTemplate => ({
  channel: 'call',
  delayMinutes: delay,
  probability,
});
const sms = (delay: readonly [number, number], probability = 1): LureTemplate => ({
  channel: 'sms',
  delayMinutes: delay,
  probability,
});

export const FRAUD_SCRIPTS: Readonly<Record<FraudType, FraudScript>> = {
  fake_police: {
    contact: [['call', 1]],
    lures: [call([3, 15], 0.5), web([5, 25])],
    paymentDelayMinutes: [10, 60],
    amount: [20_000, 500_000],
    callSeconds: [300, 1800],
    texts: ['【公安机关】您涉嫌一起洗钱案件，请立即登录 {url} 配合调查，否则将冻结您名下账户'],
    domainWords: ['gaj-anquan', 'police-safe', 'jiancha-zhanghu', 'court-check'],
    hookRate: 0.03,
  },
  click_farming_rebate: {
    contact: [
      ['sms', 3],
      ['call', 1],
    ],
    lures: [web([10, 120]), web([30, 180], 0.6)],
    paymentDelayMinutes: [30, 240],
    amount: [2_000, 60_000],
    callSeconds: [60, 300],
    texts: ['【兼职】动动手指日赚300-500元，点赞关注即可返佣，详询 {url}'],
    domainWords: ['jianzhi-fanli', 'dianzan-vip', 'shuadan-task'],
    hookRate: 0.02,
  },
  fake_investment: {
    contact: [
      ['sms', 2],
      ['call', 1],
    ],
    lures: [web([20, 180]), call([30, 240], 0.5), web([30, 240])],
    paymentDelayMinutes: [60, 360],
    amount: [30_000, 1_000_000],
    callSeconds: [120, 900],
    texts: ['【内部消息】导师带你炒股，日收益15%，免费进群 {url}'],
    domainWords: ['touzi-licai', 'gupiao-vip', 'jijin-daoshi'],
    hookRate: 0.015,
  },
  fake_loan: {
    contact: [
      ['sms', 3],
      ['call', 1],
    ],
    lures: [web([5, 60]), call([10, 60], 0.4)],
    paymentDelayMinutes: [20, 180],
    amount: [2_000, 30_000],
    callSeconds: [60, 400],
    texts: ['【惠民贷】您有一笔50000元低息贷款额度待领取，无需征信，点击 {url} 立即到账'],
    domainWords: ['daikuan-kuai', 'loan-easy', 'jiekuan-vip'],
    hookRate: 0.03,
  },
  fake_customer_service: {
    contact: [['call', 1]],
    lures: [web([3, 20]), call([5, 20], 0.4)],
    paymentDelayMinutes: [10, 60],
    amount: [5_000, 100_000],
    callSeconds: [180, 1200],
    texts: ['【快递理赔】您的包裹已丢失，我司将双倍赔付，请访问 {url} 办理退款'],
    domainWords: ['taobao-tuikuan', 'jd-refund', 'kuaidi-lipei'],
    hookRate: 0.035,
  },
  fake_credit_repair: {
    contact: [['call', 1]],
    lures: [web([10, 60]), call([10, 60], 0.5)],
    paymentDelayMinutes: [20, 120],
    amount: [5_000, 80_000],
    callSeconds: [180, 900],
    texts: ['【征信中心】您的征信存在逾期记录，将影响贷款买房，可协助修复，详询 {url}'],
    domainWords: ['zhengxin-xiufu', 'credit-clear', 'pboc-check'],
    hookRate: 0.025,
  },
  fake_shopping: {
    contact: [['sms', 1]],
    lures: [web([5, 60])],
    paymentDelayMinutes: [5, 40],
    amount: [300, 10_000],
    callSeconds: [60, 200],
    texts: ['【特卖】名牌包包一折清仓，仅限今日，抢购 {url}'],
    domainWords: ['mingpai-temai', 'shop-sale', 'qingcang-vip'],
    hookRate: 0.02,
  },
  fake_boss_acquaintance: {
    contact: [
      ['sms', 2],
      ['call', 1],
    ],
    lures: [sms([3, 20], 0.5), call([5, 30], 0.6)],
    paymentDelayMinutes: [10, 50],
    amount: [10_000, 300_000],
    callSeconds: [60, 300],
    texts: ['我是你们王总，换了新号码，有急事要办，资料发你了 {url}'],
    domainWords: ['boss-file', 'oa-notice', 'lingdao-doc'],
    hookRate: 0.02,
  },
  fake_game_trading: {
    contact: [['sms', 1]],
    lures: [web([5, 60]), web([10, 60], 0.5)],
    paymentDelayMinutes: [10, 90],
    amount: [200, 8_000],
    callSeconds: [60, 200],
    texts: ['【游戏交易】高价收购您的账号装备，登录 {url} 免费估价'],
    domainWords: ['youxi-jiaoyi', 'game-trade', 'zhuangbei-shou'],
    hookRate: 0.02,
  },
  romance: {
    contact: [
      ['sms', 2],
      ['call', 1],
    ],
    lures: [call([60, 240]), web([60, 300]), web([30, 180], 0.6)],
    paymentDelayMinutes: [60, 360],
    amount: [20_000, 500_000],
    callSeconds: [300, 2400],
    texts: ['你好呀，我是上次同城活动认识的小雅，最近在做一个稳赚的项目，带你看看 {url}'],
    domainWords: ['tongcheng-jiaoyou', 'love-match', 'xiangqin-vip'],
    hookRate: 0.01,
  },
};
