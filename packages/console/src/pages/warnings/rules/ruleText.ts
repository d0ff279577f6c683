import type { SignalConditionData, WarningRule } from '../../../api';
import type { Translate } from '../../../i18n/translate';
import { labelOf } from '../../intercept/labelText';

// A rule's steps in words: 来电（名单命中）→ 访问网站（冒充公检法）, without React (unit-tested).

export function stepText(t: Translate, step: SignalConditionData): string {
  const kinds = step.kinds?.length
    ? step.kinds.map((kind) => labelOf(t, 'warnings.eventKind.', kind)).join('/')
    : t('warnings.rules.anySignal');
  const details = [
    step.listed === true || step.listed === 'mark'
      ? t('warnings.rules.listed')
      : step.listed === 'block'
        ? t('warnings.rules.listedBlock')
        : step.listed === false
          ? t('warnings.rules.notListed')
          : null,
    ...(step.lists ?? []),
    ...(step.fraudTypes ?? []).map((type) => labelOf(t, 'fraudType.', type)),
    step.minAmount !== undefined ? t('warnings.rules.minAmount', { amount: step.minAmount }) : null,
    step.minDurationSeconds !== undefined
      ? t('warnings.rules.minDuration', { seconds: step.minDurationSeconds })
      : null,
  ].filter((part): part is string => part !== null);
  return details.length > 0 ? `${kinds}（${details.join('，')}）` : kinds;
}

/** A rule's window: 30 分钟, 2 小时, 2 天. */
export function windowText(t: Translate, minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return t('warnings.rules.days', { days: minutes / 1440 });
  if (minutes >= 60 && minutes % 60 === 0) return t('warnings.rules.hours', { hours: minutes / 60 });
  return t('warnings.rules.minutes', { minutes });
}

export function stepsText(t: Translate, rule: Pick<WarningRule, 'steps' | 'ordered'>): string {
  return rule.steps.map((step) => stepText(t, step)).join(rule.ordered ? ' → ' : ' + ');
}

/** The rule as the engine reads it: the stored version's bookkeeping (versions, createdAt…) left out. */
export function ruleBody(rule: WarningRule): WarningRule {
  const { id, version, name, description, level, fraudType, windowMinutes, ordered, steps } = rule;
  return {
    id,
    version,
    name,
    ...(description !== undefined ? { description } : {}),
    level,
    fraudType,
    windowMinutes,
    ordered,
    steps,
    ...(rule.sameFraudType !== undefined ? { sameFraudType: rule.sameFraudType } : {}),
    enabled: rule.enabled,
    ...(rule.reason !== undefined ? { reason: rule.reason } : {}),
  };
}
