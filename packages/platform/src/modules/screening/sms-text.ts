/**
 * The SMS text hook of the screener: the content detector's fraud probability becomes a mark above
 * one threshold and a block above a higher one, with the fraud type and the matched words as reasons.
 */
import { readFileSync } from 'node:fs';
import {
  createSmsClassifier,
  readShippedSmsModel,
  SMS_FRAUD_THRESHOLDS,
  SMS_PATTERN_SET_VERSION,
  type TextScorer,
  type VerdictReason,
} from '@fanzha/engine';

export interface SmsThresholds {
  /** Fraud probability from which an SMS is marked (0..1). */
  mark: number;
  /** Fraud probability from which an SMS is blocked (0..1). */
  block: number;
}

export const DEFAULT_SMS_THRESHOLDS: SmsThresholds = { ...SMS_FRAUD_THRESHOLDS };

export function createSmsTextScorer(thresholds: SmsThresholds = DEFAULT_SMS_THRESHOLDS): TextScorer {
  const classifier = createSmsClassifier(readShippedSmsModel((url) => readFileSync(url, 'utf8')));
  const source = { kind: 'rule' as const, id: `sms-model@${SMS_PATTERN_SET_VERSION}` };
  return (text, now) => {
    const result = classifier.classify(text);
    if (result.score < thresholds.mark) return null;
    const action = result.score >= thresholds.block ? 'block' : 'mark';
    const risk = Math.round(result.score * 100);
    const words = result.evidence
      .filter((e) => e.kind === 'pattern')
      .slice(0, 5)
      .map((e) => e.text);
    const reason: VerdictReason = {
      list: 'sms-text',
      rule: `sms:${result.fraudType ?? 'fraud'}${words.length ? `:${words.join('|')}` : ''}`,
      source,
      addedAt: now,
      action,
      confidence: risk,
      expiresAt: null,
    };
    return { risk, action, reasons: [reason] };
  };
}
