/**
 * The curated SMS pattern set: key words and regular expressions per fraud type, each with a weight
 * (how strongly one hit points to fraud, 1 = a hint, 3 = close to proof on its own). Written in
 * normalised form (simplified, lower case); the matcher normalises them again anyway.
 *
 * Versioned: bump `SMS_PATTERN_SET_VERSION` on every change, because the trained model reads pattern
 * hits as features and records the version it was trained with. `generic` cues belong to no one type
 * (safe account, screen sharing, verification codes).
 */
import type { FraudType } from '../fraud-types.js';

export const SMS_PATTERN_SET_VERSION = '2026.11.4';

export type PatternCategory = FraudType | 'generic';

export interface SmsKeywordPattern {
  readonly id: string;
  readonly category: PatternCategory;
  readonly keywords: readonly string[];
  readonly weight: number;
}

export interface SmsRegexPattern {
  readonly id: string;
  readonly category: PatternCategory;
  /** Runs only when one of these literals occurs (found by the automaton), so regexes stay cheap. */
  readonly anchors: readonly string[];
  readonly regex: RegExp;
  readonly weight: number;
}

export const SMS_KEYWORD_PATTERNS: readonly SmsKeywordPattern[] = [
  {
    id: 'generic.safe_account',
    category: 'generic',
    weight: 3,
    keywords: ['安全账户', '安全账号', '国家安全账户', '资金清查', '资金核查'],
  },
  {
    id: 'generic.screen_share',
    category: 'generic',
    weight: 3,
    keywords: ['屏幕共享', '共享屏幕', '远程控制', '远程操控', '开启共享', '分享屏幕'],
  },
  {
    id: 'generic.meeting_app',
    category: 'generic',
    weight: 2,
    keywords: ['腾讯会议', 'zoom', '会议app', '云会议', '全视通'],
  },
  {
    id: 'generic.verification_code',
    category: 'generic',
    weight: 2,
    keywords: ['验证码告诉', '提供验证码', '把验证码', '报一下验证码', '验证码发给'],
  },
  {
    id: 'generic.account_alert',
    category: 'generic',
    weight: 2,
    keywords: [
      '账户存在异常',
      '账户异常',
      '账号异常',
      '账户存在风险',
      '已被限制使用',
      '已被停用',
      '将被冻结',
      '否则将冻结',
      '逾期将冻结',
      '身份核验',
      '重新认证',
      '认证已失效',
      '已失效',
    ],
  },
  {
    id: 'generic.transfer',
    category: 'generic',
    weight: 1,
    keywords: ['转账到', '转到这个账户', '汇款到', '打款到', '转账给我'],
  },
  {
    id: 'generic.secrecy',
    category: 'generic',
    weight: 2,
    keywords: ['不要告诉任何人', '不要告诉家人', '保密协议', '不得向任何人透露'],
  },
  {
    id: 'generic.download',
    category: 'generic',
    weight: 1,
    keywords: ['下载app', '下载一个', '下载软件', '指定的软件', '点击链接下载'],
  },
  {
    id: 'generic.contact_move',
    category: 'generic',
    weight: 1,
    keywords: ['加微信', '加qq', '微信号', 'qq号', '添加我的微信', '加我微信'],
  },

  {
    id: 'rebate.task',
    category: 'click_farming_rebate',
    weight: 2,
    keywords: ['刷单', '刷信誉', '点赞关注', '做任务', '垫付', '佣金', '返佣', '日结', '兼职', '任务单'],
  },
  {
    id: 'rebate.rebate',
    category: 'click_farming_rebate',
    weight: 2,
    keywords: ['返利', '本金加佣金', '连单', '卡单', '冲单'],
  },

  {
    id: 'investment.platform',
    category: 'fake_investment',
    weight: 2,
    keywords: [
      '投资平台',
      '理财平台',
      '稳赚不赔',
      '高回报',
      '内幕消息',
      '带单',
      '导师',
      '荐股',
      '虚拟币',
      '数字货币',
      'usdt',
      '期货',
      '外汇平台',
      '博彩',
      '彩票计划',
    ],
  },
  {
    id: 'investment.group',
    category: 'fake_investment',
    weight: 1,
    keywords: ['股票群', '投资群', '收益翻倍', '保本保息', '老师带'],
  },

  {
    id: 'loan.offer',
    category: 'fake_loan',
    weight: 1,
    keywords: ['无抵押', '免息贷款', '低息贷款', '快速放款', '额度', '贷款'],
  },
  {
    id: 'loan.no_check',
    category: 'fake_loan',
    weight: 2,
    keywords: ['不看征信', '不查征信', '黑户可贷', '黑户可办', '秒到账', '无需审核', '秒下款', '白户可贷'],
  },
  {
    id: 'loan.fee',
    category: 'fake_loan',
    weight: 3,
    keywords: [
      '解冻金',
      '刷流水',
      '保证金',
      '手续费',
      '工本费',
      '激活费',
      '银行流水',
      '账户冻结',
      '资金被冻结',
    ],
  },

  {
    id: 'service.refund',
    category: 'fake_customer_service',
    weight: 2,
    keywords: [
      '退款',
      '理赔',
      '赔偿',
      '双倍赔付',
      '质量问题',
      '快递丢失',
      '包裹丢失',
      '取消会员',
      '关闭百万保障',
      '取消vip',
      '自动扣费',
      '百万保障',
      '保障服务',
    ],
  },
  {
    id: 'service.agent',
    category: 'fake_customer_service',
    weight: 1,
    keywords: ['客服', '淘宝客服', '京东客服', '快递公司', '抖音客服', '支付宝客服'],
  },

  {
    id: 'police.authority',
    category: 'fake_police',
    weight: 2,
    keywords: [
      '公安局',
      '公安分局',
      '派出所',
      '警官',
      '民警',
      '检察院',
      '法院',
      '通缉令',
      '逮捕令',
      '冻结令',
      '协查',
    ],
  },
  {
    id: 'police.crime',
    category: 'fake_police',
    weight: 3,
    keywords: [
      '涉嫌洗钱',
      '洗钱',
      '涉嫌犯罪',
      '涉及犯罪',
      '涉案',
      '贩毒',
      '非法集资',
      '传票',
      '医保卡异常',
      '社保卡异常',
    ],
  },

  {
    id: 'credit.repair',
    category: 'fake_credit_repair',
    weight: 3,
    keywords: [
      '征信修复',
      '修复征信',
      '消除逾期',
      '影响征信',
      '征信受损',
      '注销校园贷',
      '注销学生账户',
      '关闭校园贷',
      '逾期记录',
      '征信洗白',
      '呆账',
    ],
  },

  {
    id: 'shopping.cheap',
    category: 'fake_shopping',
    weight: 1,
    keywords: ['低价转让', '代购', '口罩', '演唱会门票', '特价名额'],
  },
  {
    id: 'shopping.prepay',
    category: 'fake_shopping',
    weight: 2,
    keywords: ['先付款后发货', '先付定金', '定金', '预付款', '内部渠道', '拍下不发货'],
  },

  {
    id: 'acquaintance.boss',
    category: 'fake_boss_acquaintance',
    weight: 2,
    keywords: [
      '我是你领导',
      '我是你们领导',
      '我是张总',
      '不方便接电话',
      '明天来我办公室',
      '先帮我转',
      '你孙子',
      '你儿子',
      '你女儿',
      '是我啊',
      '换号了',
      '我的新号',
    ],
  },

  {
    id: 'game.trade',
    category: 'fake_game_trading',
    weight: 2,
    keywords: ['游戏账号', '游戏装备', '皮肤', '点券', '代练', '游戏币', '交易平台'],
  },
  {
    id: 'game.bypass',
    category: 'fake_game_trading',
    weight: 2,
    keywords: ['解除防沉迷', '账号解封', '满皮肤', '低价出售账号', '账号冻结需'],
  },

  {
    id: 'romance.relation',
    category: 'romance',
    weight: 1,
    keywords: ['亲爱的', '宝贝', '老公', '老婆', '交友', '婚恋', '相亲', '网恋', '加错了', '加错人'],
  },
  {
    id: 'romance.invest',
    category: 'romance',
    weight: 2,
    keywords: ['一起投资', '带你赚钱', '平台漏洞', '我舅舅', '内部数据', '充值提现'],
  },
];

/** A link as the normalised text writes it: a scheme, www, or a host name with a common TLD. */
const LINK = String.raw`(?:https?:\/\/|www\.|[a-z0-9-]+\.(?:top|xyz|cc|vip|icu|pw|club|shop|site|info|ltd|online|live|app|work|link|tk|ml|com|cn|net)\b)`;
const ALERT =
  '(?:异常|冻结|失效|过期|停用|注销|限制使用|认证|核验|身份验证|升级|激活|清零|解除|逾期|无法派送|停机|欠费)';

export const SMS_REGEX_PATTERNS: readonly SmsRegexPattern[] = [
  {
    // Phishing: the account is in trouble and a link fixes it (bank, ETC, medical insurance, points).
    id: 'generic.alert_link',
    category: 'generic',
    weight: 3,
    anchors: [
      '异常',
      '冻结',
      '失效',
      '过期',
      '停用',
      '注销',
      '限制使用',
      '认证',
      '核验',
      '身份验证',
      '升级',
      '激活',
      '清零',
      '解除',
      '逾期',
      '无法派送',
      '停机',
      '欠费',
    ],
    regex: new RegExp(`${ALERT}[^。]{0,40}${LINK}|${LINK}[^。]{0,30}${ALERT}`),
  },
  {
    id: 'generic.url_with_reward',
    category: 'generic',
    weight: 1,
    anchors: ['http', 'www'],
    regex: /(?:领取|奖励|补贴|退款|认证)[^。]{0,20}(?:https?:\/\/|www\.)/,
  },
  {
    id: 'rebate.daily_pay',
    category: 'click_farming_rebate',
    weight: 2,
    anchors: ['日'],
    regex: /日(?:赚|入|结)(?:\d{2,4}|[一二两三四五六七八九几][十百千]|上千|过千)/,
  },
  {
    id: 'police.case_number',
    category: 'fake_police',
    weight: 2,
    anchors: ['案'],
    regex: /案件?(?:编号|号)[:：]?[a-z0-9]{4,}/,
  },
  {
    id: 'loan.amount',
    category: 'fake_loan',
    weight: 1,
    anchors: ['额度', '贷'],
    regex: /(?:额度|贷款?)[^。]{0,8}\d+(?:万|w|元)/,
  },
  {
    id: 'acquaintance.urgent_money',
    category: 'fake_boss_acquaintance',
    weight: 2,
    anchors: ['转', '借'],
    regex: /(?:急用|着急|帮我)[^。]{0,10}(?:转|借)[^。]{0,6}\d+/,
  },
];
