import { Tag } from 'antd';
import type { CardKind, TargetReason } from '../../api';
import { isMessageKey, type Translate } from '../../i18n';
import { yuan } from '../cases/labels';

const kindColors: Record<CardKind, string> = {
  bank_card: 'blue',
  corporate_account: 'purple',
  payment_account: 'cyan',
  sim: 'orange',
};

export function CardKindTag({ kind, t }: { kind: CardKind; t: Translate }) {
  return <Tag color={kindColors[kind]}>{t(`cards.kind.${kind}`)}</Tag>;
}

/** A reason of a key target's score, e.g. "贩卡 2 张 +20". */
export function reasonText(t: Translate, reason: TargetReason): string {
  const value = reason.code === 'money_passed' ? yuan(reason.value) : String(reason.value);
  const key = `cards.reason.${reason.code}`;
  const label = isMessageKey(key) ? t(key) : reason.code;
  return `${label} ${value} +${reason.points}`;
}
