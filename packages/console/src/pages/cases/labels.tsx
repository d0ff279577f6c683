import { Tag } from 'antd';
import type { CaseFraudType, CaseStatus, Footprint, FootprintKind } from '../../api';
import type { Translate } from '../../i18n';

// How the case pages name statuses, fraud types and footprint kinds.

const statusColors: Record<CaseStatus, string> = {
  accepted: 'blue',
  filed: 'geekblue',
  investigating: 'purple',
  solved: 'green',
  withdrawn: 'default',
};

export function StatusTag({ status, t }: { status: CaseStatus; t: Translate }) {
  return <Tag color={statusColors[status]}>{t(`cases.status.${status}`)}</Tag>;
}

export const fraudTypeLabel = (t: Translate, type: CaseFraudType) =>
  type === 'other' ? t('cases.fraudType.other') : t(`fraudType.${type}`);

/** A footprint's kind as people say it: 银行卡 rather than 账户 · bank_card. */
export function footprintKindLabel(t: Translate, footprint: Pick<Footprint, 'kind' | 'accountKind'>): string {
  if (footprint.kind === 'account' && footprint.accountKind)
    return t(`intel.accountKind.${footprint.accountKind}` as 'intel.accountKind.bank_card');
  return t(`cases.kind.${footprint.kind}`);
}

/** The kinds the forms offer: an account is chosen by its account kind, so one choice names both. */
export const footprintChoices: Array<{ value: string; kind: FootprintKind; accountKind?: string }> = [
  { value: 'number', kind: 'number' },
  { value: 'sms', kind: 'sms' },
  { value: 'bank_card', kind: 'account', accountKind: 'bank_card' },
  { value: 'corporate_account', kind: 'account', accountKind: 'corporate_account' },
  { value: 'alipay', kind: 'account', accountKind: 'alipay' },
  { value: 'wechat_pay', kind: 'account', accountKind: 'wechat_pay' },
  { value: 'domain', kind: 'domain' },
  { value: 'url', kind: 'url' },
  { value: 'qq', kind: 'qq' },
  { value: 'wechat', kind: 'wechat' },
  { value: 'app', kind: 'app' },
  { value: 'imei', kind: 'imei' },
];

export const yuan = (amount: number) =>
  amount.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
