export {
  SMS_KEYWORD_PATTERNS,
  SMS_PATTERN_SET_VERSION,
  SMS_REGEX_PATTERNS,
  type PatternCategory,
  type SmsKeywordPattern,
  type SmsRegexPattern,
} from './patterns.js';
export {
  compileSmsPatterns,
  DEFAULT_SMS_PATTERN_SET,
  type PatternEvidence,
  type SmsPatternMatcher,
  type SmsPatternSet,
} from './pattern-matcher.js';
import type { SmsModelFile } from './model.js';

export {
  decodeSmsModel,
  encodeSmsModel,
  SMS_LABELS,
  SMS_MODEL_FORMAT,
  type SmsLabel,
  type SmsModel,
  type SmsModelFile,
  type SmsTrainingRecord,
} from './model.js';
export {
  createSmsClassifier,
  SMS_FRAUD_THRESHOLDS,
  SMS_PATTERN_VOTE,
  patternEvidenceWeight,
  type FeatureEvidence,
  type SmsClassification,
  type SmsClassifier,
  type SmsClassifierOptions,
  type SmsEvidence,
  type SignalEvidence,
} from './classifier.js';
export { trainSmsModel, SMS_TRAINING_DEFAULTS, type SmsExample, type SmsTrainingOptions } from './train.js';
export { evaluateSmsClassifier, type ClassMetrics, type SmsEvaluation } from './evaluate.js';

/** Where the shipped model file lives (packages/engine/models); the platform reads it, the engine never does. */
export const SMS_MODEL_URL: URL = new URL('../../../models/sms-model.json', import.meta.url);

/**
 * The shipped SMS model, read through `readText` (the caller's I/O: `readFileSync(url, 'utf8')` in Node),
 * so that the engine itself never touches the file system.
 */
export function readShippedSmsModel(readText: (url: URL) => string): SmsModelFile {
  return JSON.parse(readText(SMS_MODEL_URL)) as SmsModelFile;
}
export {
  expandTemplate,
  generateSms,
  type GeneratedSms,
  type SlotTable,
  type SmsTemplate,
} from './synthetic.js';
export { generateSyntheticTrainingSet, SYNTHETIC_TRAIN_TEMPLATES } from './synthetic-train-templates.js';
export { readSmsShape, SHAPE_FEATURE_NAMES, type SmsShape } from './features.js';
