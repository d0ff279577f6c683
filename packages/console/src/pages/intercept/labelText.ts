import { isMessageKey, type Translate } from '../../i18n/translate';

// The intercept pages' words for the platform's and the engine's codes, without React (unit-tested).

/** A code the console may have a label for (`prefix` + code); otherwise the code itself. */
export function labelOf(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** The engine's reason a value is not valid (too_short, bad_prefix…) in words, with the code beside. */
export function invalidReasonText(t: Translate, reason: string): string {
  const label = labelOf(t, 'intel.invalid.', reason);
  return label === reason ? reason : `${label}（${reason}）`;
}

/**
 * The kind of rule that matched in words: number:exact, number:prefix:+86170, domain:…, account:qq,
 * and the SMS text detector's sms:<fraud type>:<words>.
 */
export function ruleText(t: Translate, rule: string): string {
  const [head = rule, second] = rule.split(':');
  if (head === 'sms' && second)
    return `${labelOf(t, 'screen.rule.', head)} · ${labelOf(t, 'fraudType.', second)}`;
  return labelOf(t, 'screen.rule.', head === 'number' && second ? `${head}:${second}` : head);
}
