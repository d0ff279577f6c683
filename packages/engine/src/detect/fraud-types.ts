/**
 * The fraud types the detectors name, after the Ministry of Public Security's common classification
 * (docs/domain.md). Identifiers are English; `FRAUD_TYPE_LABELS` holds the Chinese label the console
 * shows. Order is fixed: it is part of the shipped model format.
 */
export const FRAUD_TYPES = [
  'click_farming_rebate',
  'fake_investment',
  'fake_loan',
  'fake_customer_service',
  'fake_police',
  'fake_credit_repair',
  'fake_shopping',
  'fake_boss_acquaintance',
  'fake_game_trading',
  'romance',
] as const;

export type FraudType = (typeof FRAUD_TYPES)[number];

export const FRAUD_TYPE_LABELS: Readonly<Record<FraudType, string>> = {
  click_farming_rebate: '刷单返利',
  fake_investment: '虚假投资理财',
  fake_loan: '虚假网络贷款',
  fake_customer_service: '冒充电商物流客服',
  fake_police: '冒充公检法',
  fake_credit_repair: '虚假征信',
  fake_shopping: '虚假购物服务',
  fake_boss_acquaintance: '冒充领导熟人',
  fake_game_trading: '网络游戏虚假交易',
  romance: '网络婚恋交友',
};

export function isFraudType(value: string): value is FraudType {
  return (FRAUD_TYPES as readonly string[]).includes(value);
}
