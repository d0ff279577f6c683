import { Tag } from 'antd';
import type { AttemptOutcome, WarningLevel, WarningStatus } from '../../api';
import { useT } from '../../i18n';
import { useUnits } from '../../units/UnitsProvider';
import { labelOf } from '../intercept/labelText';

// How the warning pages name and colour levels, statuses, outcomes and fraud types.

export { levelColors } from './levelColors';

const levelTagColors: Record<WarningLevel, string> = { red: 'red', orange: 'orange', yellow: 'gold' };

export function LevelTag({ level }: { level: WarningLevel }) {
  const t = useT();
  return (
    <Tag color={levelTagColors[level]} variant="solid" style={{ marginInlineEnd: 0 }}>
      {t(`warnings.level.${level}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: WarningStatus }) {
  const t = useT();
  return <Tag color={status === 'open' ? 'processing' : 'default'}>{t(`warnings.status.${status}`)}</Tag>;
}

const outcomeColors: Record<AttemptOutcome, string> = {
  dissuaded: 'green',
  paid: 'red',
  unreachable: 'gold',
  false_alarm: 'default',
};

export function OutcomeTag({ outcome }: { outcome: AttemptOutcome }) {
  const t = useT();
  return <Tag color={outcomeColors[outcome]}>{t(`warnings.outcome.${outcome}`)}</Tag>;
}

/** The fraud type's name, or the code when the console has no word for it, or 未识别. */
export function FraudTypeText({ fraudType }: { fraudType: string | null | undefined }) {
  const t = useT();
  return <>{fraudType ? labelOf(t, 'fraudType.', fraudType) : t('warnings.fraudType.unknown')}</>;
}

/** Yuan with thousands separators, no decimals unless there are fen. */
export function formatYuan(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
}

/** 已升级: overdue or unreachable, so the parent unit's queue shows it too (named on hover). */
export function EscalatedTag({ to }: { to: string | null | undefined }) {
  const t = useT();
  const { byCode } = useUnits();
  const unit = to ? (byCode.get(to)?.name ?? to) : null;
  return (
    <Tag color="magenta" {...(unit ? { title: t('warnings.escalatedTo', { unit }) } : {})}>
      {t('warnings.escalated')}
    </Tag>
  );
}
