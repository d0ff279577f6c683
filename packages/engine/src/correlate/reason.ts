/**
 * The zh-CN reason of a firing, from the rule's template and the signals that met its steps.
 */
import { FRAUD_TYPE_LABELS, type FraudType } from '../detect/fraud-types.js';
import type { CorrelationRule, Signal } from './types.js';

/** The placeholders a reason template may use, with what each becomes. */
export const REASON_PLACEHOLDERS = {
  minutes: 'whole minutes from the first step to the last (at least 1 when there are several steps)',
  fraudType: "the Chinese label of the firing's fraud type (未知类型 when none)",
  amount: 'the largest amount among the steps, in yuan',
  durationMinutes: 'the longest call among the steps, in whole minutes',
  counterparty: 'the counterparty of the signal that completed the rule',
  lists: 'the list names of the signal that completed the rule, joined with 、',
  steps: 'how many steps the rule has',
} as const;

export type ReasonPlaceholder = keyof typeof REASON_PLACEHOLDERS;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names a template uses that `fillReason` does not know. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1]!)
    .filter((name) => !Object.hasOwn(REASON_PLACEHOLDERS, name));
}

function spanMinutes(steps: readonly Signal[]): number {
  let first = Infinity;
  let last = -Infinity;
  for (const step of steps) {
    first = Math.min(first, step.at);
    last = Math.max(last, step.at);
  }
  const minutes = Math.ceil((last - first) / 60_000);
  return steps.length > 1 ? Math.max(1, minutes) : minutes;
}

function largest(values: readonly (number | null | undefined)[]): number | null {
  let best: number | null = null;
  for (const value of values)
    if (value !== null && value !== undefined && (best === null || value > best)) best = value;
  return best;
}

function placeholderValue(
  name: string,
  steps: readonly Signal[],
  completing: Signal,
  fraudType: FraudType | null,
): string | null {
  switch (name) {
    case 'minutes':
      return String(spanMinutes(steps));
    case 'fraudType':
      return fraudType === null ? '未知类型' : FRAUD_TYPE_LABELS[fraudType];
    case 'amount': {
      const amount = largest(steps.map((s) => s.amount));
      return amount === null ? '未知' : amount.toLocaleString('zh-CN');
    }
    case 'durationMinutes': {
      const seconds = largest(steps.map((s) => s.durationSeconds));
      return seconds === null ? '未知' : String(Math.round(seconds / 60));
    }
    case 'counterparty':
      return completing.counterparty ?? '未知';
    case 'lists':
      return completing.lists.length > 0 ? completing.lists.join('、') : '无';
    case 'steps':
      return String(steps.length);
    default:
      return null;
  }
}

/**
 * `rule.reason` with its placeholders filled from `steps` (in step order; `completing` is the signal
 * that completed the rule). Unknown placeholders stay as written. Without a template: the rule's name,
 * and for several steps the minutes they spanned.
 */
export function fillReason(
  rule: Pick<CorrelationRule, 'name' | 'reason'>,
  steps: readonly Signal[],
  completing: Signal,
  fraudType: FraudType | null,
): string {
  const template = rule.reason ?? (steps.length > 1 ? `${rule.name}（{minutes} 分钟内）` : rule.name);
  return template.replace(
    PLACEHOLDER,
    (whole, name: string) => placeholderValue(name, steps, completing, fraudType) ?? whole,
  );
}
