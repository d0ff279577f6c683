/**
 * The protected brands: the names fraud sites impersonate most in China (banks and the central bank,
 * payment, e-commerce and delivery, carriers, government and police). Each brand lists the registrable
 * domains it owns (a name under them is the brand itself, never a lookalike) and the tokens a fraud
 * domain borrows from it: its name, its pinyin, its service number (95588 for ICBC).
 *
 * Maintained by hand; add a brand when analysts see it impersonated. Tokens shorter than four
 * characters (ccb, jd) only count as whole words, or they would match everywhere.
 */
export type BrandSector = 'bank' | 'payment' | 'ecommerce' | 'delivery' | 'carrier' | 'government' | 'police';

export interface ProtectedBrand {
  readonly id: string;
  /** Chinese name for the console. */
  readonly label: string;
  readonly sector: BrandSector;
  readonly domains: readonly string[];
  readonly tokens: readonly string[];
}

export const PROTECTED_BRANDS: readonly ProtectedBrand[] = [
  {
    id: 'icbc',
    label: '中国工商银行',
    sector: 'bank',
    domains: ['icbc.com.cn', 'icbc.com', 'icbc-ltd.com'],
    tokens: ['icbc', '95588', 'gongshang'],
  },
  {
    id: 'ccb',
    label: '中国建设银行',
    sector: 'bank',
    domains: ['ccb.com', 'ccb.cn'],
    tokens: ['ccb', '95533', 'jianshe'],
  },
  {
    id: 'boc',
    label: '中国银行',
    sector: 'bank',
    domains: ['boc.cn', 'bankofchina.com'],
    tokens: ['bankofchina', '95566', 'zhonghang'],
  },
  {
    id: 'abc',
    label: '中国农业银行',
    sector: 'bank',
    domains: ['abchina.com', 'abchina.com.cn'],
    tokens: ['abchina', '95599', 'nongye', 'nonghang'],
  },
  {
    id: 'bankcomm',
    label: '交通银行',
    sector: 'bank',
    domains: ['bankcomm.com'],
    tokens: ['bankcomm', '95559', 'jiaohang'],
  },
  {
    id: 'cmb',
    label: '招商银行',
    sector: 'bank',
    domains: ['cmbchina.com', 'cmbc.com.cn'],
    tokens: ['cmbchina', '95555', 'zhaoshang', 'zhaohang'],
  },
  {
    id: 'psbc',
    label: '中国邮政储蓄银行',
    sector: 'bank',
    domains: ['psbc.com'],
    tokens: ['psbc', '95580', 'youchu'],
  },
  {
    id: 'pingan',
    label: '平安银行',
    sector: 'bank',
    domains: ['pingan.com', 'pingan.com.cn'],
    tokens: ['pingan', '95511'],
  },
  {
    id: 'citic',
    label: '中信银行',
    sector: 'bank',
    domains: ['citicbank.com'],
    tokens: ['citicbank', '95558'],
  },
  { id: 'cib', label: '兴业银行', sector: 'bank', domains: ['cib.com.cn'], tokens: ['xingye', '95561'] },
  {
    id: 'spdb',
    label: '浦发银行',
    sector: 'bank',
    domains: ['spdb.com.cn'],
    tokens: ['spdb', '95528', 'pufa'],
  },
  {
    id: 'ceb',
    label: '光大银行',
    sector: 'bank',
    domains: ['cebbank.com'],
    tokens: ['cebbank', '95595', 'guangda'],
  },
  {
    id: 'pbc',
    label: '中国人民银行',
    sector: 'bank',
    domains: ['pbc.gov.cn'],
    tokens: ['renmin-yinhang', 'pbcgov'],
  },
  {
    id: 'unionpay',
    label: '中国银联',
    sector: 'payment',
    domains: ['unionpay.com', '95516.com'],
    tokens: ['unionpay', '95516', 'yinlian'],
  },
  {
    id: 'alipay',
    label: '支付宝',
    sector: 'payment',
    domains: ['alipay.com', 'alipay.cn', 'antgroup.com'],
    tokens: ['alipay', 'zhifubao', '95188'],
  },
  {
    id: 'wechatpay',
    label: '微信支付',
    sector: 'payment',
    domains: ['tenpay.com', 'wechat.com', 'weixin.com', 'qq.com'],
    tokens: ['tenpay', 'wechat', 'weixin', 'wechatpay'],
  },
  {
    id: 'taobao',
    label: '淘宝',
    sector: 'ecommerce',
    domains: ['taobao.com', 'tmall.com', 'alibaba.com', 'aliexpress.com'],
    tokens: ['taobao', 'tmall'],
  },
  {
    id: 'jd',
    label: '京东',
    sector: 'ecommerce',
    domains: ['jd.com', 'jd.hk', '360buy.com', 'jdpay.com'],
    tokens: ['jd', 'jingdong', '360buy'],
  },
  {
    id: 'pinduoduo',
    label: '拼多多',
    sector: 'ecommerce',
    domains: ['pinduoduo.com', 'yangkeduo.com'],
    tokens: ['pinduoduo', 'yangkeduo'],
  },
  {
    id: 'douyin',
    label: '抖音',
    sector: 'ecommerce',
    domains: ['douyin.com', 'tiktok.com'],
    tokens: ['douyin', 'tiktok'],
  },
  { id: 'meituan', label: '美团', sector: 'ecommerce', domains: ['meituan.com'], tokens: ['meituan'] },
  {
    id: 'sf',
    label: '顺丰速运',
    sector: 'delivery',
    domains: ['sf-express.com', 'sf-express.cn'],
    tokens: ['sfexpress', 'shunfeng', '95338'],
  },
  {
    id: 'ems',
    label: '中国邮政EMS',
    sector: 'delivery',
    domains: ['ems.com.cn', 'chinapost.com.cn'],
    tokens: ['chinapost', '11183'],
  },
  {
    id: 'cmcc',
    label: '中国移动',
    sector: 'carrier',
    domains: ['10086.cn', 'chinamobile.com'],
    tokens: ['10086', 'chinamobile', 'yidong'],
  },
  {
    id: 'unicom',
    label: '中国联通',
    sector: 'carrier',
    domains: ['10010.com', 'chinaunicom.com', 'chinaunicom.cn'],
    tokens: ['10010', 'chinaunicom', 'liantong'],
  },
  {
    id: 'telecom',
    label: '中国电信',
    sector: 'carrier',
    domains: ['189.cn', 'chinatelecom.com.cn'],
    tokens: ['chinatelecom', '10000hao', 'dianxin'],
  },
  {
    id: 'gov',
    label: '中国政府网',
    sector: 'government',
    domains: ['gov.cn'],
    tokens: ['gov-cn', 'govcn', 'zhengfu'],
  },
  {
    id: 'tax',
    label: '国家税务总局',
    sector: 'government',
    domains: ['chinatax.gov.cn'],
    tokens: ['chinatax', '12366', 'shuiwu'],
  },
  { id: 'railway', label: '中国铁路12306', sector: 'government', domains: ['12306.cn'], tokens: ['12306'] },
  {
    id: 'etc',
    label: '交通安全综合服务管理平台',
    sector: 'police',
    domains: ['122.gov.cn', '12123.com'],
    tokens: ['12123', 'etc-gov', 'jiaoguan'],
  },
  {
    id: 'mps',
    label: '公安部',
    sector: 'police',
    domains: ['mps.gov.cn'],
    tokens: ['mps-gov', 'gongan', 'gonganbu', 'jingcha', '110-gov'],
  },
  {
    id: 'fanzha',
    label: '国家反诈中心',
    sector: 'police',
    domains: ['12381.cn', '96110.cn'],
    tokens: ['fanzha', '96110', '12381'],
  },
  {
    id: 'court',
    label: '最高人民法院',
    sector: 'government',
    domains: ['court.gov.cn', 'spp.gov.cn'],
    tokens: ['fayuan', 'jianchayuan', 'court-gov'],
  },
  { id: 'chsi', label: '学信网', sector: 'government', domains: ['chsi.com.cn'], tokens: ['chsi', 'xuexin'] },
  {
    id: 'credit',
    label: '征信中心',
    sector: 'bank',
    domains: ['pbccrc.org.cn'],
    tokens: ['pbccrc', 'zhengxin'],
  },
];
