/**
 * Scores a classifier on labelled messages: precision, recall and F1 per label, the confusion matrix,
 * and fraud-type accuracy on the fraud messages. Used by the training script and the docs figures.
 */
import type { FraudType } from '../fraud-types.js';
import type { SmsClassifier } from './classifier.js';
import { SMS_LABELS, type SmsLabel } from './model.js';

export interface ClassMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface SmsEvaluation {
  readonly perLabel: Readonly<Record<SmsLabel, ClassMetrics>>;
  /** confusion[actual][predicted] */
  readonly confusion: Readonly<Record<SmsLabel, Readonly<Record<SmsLabel, number>>>>;
  readonly accuracy: number;
  /** Share of fraud messages, predicted fraud, whose fraud type is right. */
  readonly fraudTypeAccuracy: number;
}

export function evaluateSmsClassifier(
  classifier: SmsClassifier,
  examples: ReadonlyArray<{ text: string; label: SmsLabel; fraudType: FraudType | null }>,
): SmsEvaluation {
  const confusion = Object.fromEntries(
    SMS_LABELS.map((a) => [a, Object.fromEntries(SMS_LABELS.map((p) => [p, 0]))]),
  ) as Record<SmsLabel, Record<SmsLabel, number>>;
  let typed = 0;
  let typedRight = 0;
  for (const example of examples) {
    const result = classifier.classify(example.text);
    confusion[example.label][result.label]++;
    if (example.label === 'fraud' && result.label === 'fraud' && example.fraudType) {
      typed++;
      if (result.fraudType === example.fraudType) typedRight++;
    }
  }
  const round = (v: number) => Number(v.toFixed(4));
  const perLabel = Object.fromEntries(
    SMS_LABELS.map((label) => {
      const tp = confusion[label][label];
      const predicted = SMS_LABELS.reduce((sum, a) => sum + confusion[a][label], 0);
      const actual = SMS_LABELS.reduce((sum, p) => sum + confusion[label][p], 0);
      const precision = predicted ? tp / predicted : 0;
      const recall = actual ? tp / actual : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return [label, { precision: round(precision), recall: round(recall), f1: round(f1), support: actual }];
    }),
  ) as Record<SmsLabel, ClassMetrics>;
  const correct = SMS_LABELS.reduce((sum, l) => sum + confusion[l][l], 0);
  return {
    perLabel,
    confusion,
    accuracy: round(examples.length ? correct / examples.length : 0),
    fraudTypeAccuracy: round(typed ? typedRight / typed : 0),
  };
}
