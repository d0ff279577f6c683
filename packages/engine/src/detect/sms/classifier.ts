/**
 * The SMS classifier: normalise, match the pattern set, score the linear model, explain. Returns the
 * label, the probability of fraud, the most likely fraud type and the evidence (pattern spans and the
 * n-grams that pushed the score most), all located in the original message.
 *
 * The fraud type comes from the model's type head, which only knows the types present in the training
 * data; pattern hits of the other types can overrule it, so a rebate or romance message is still named.
 */
import { FRAUD_TYPES, type FraudType } from '../fraud-types.js';
import { normaliseIntoScratch, type ScratchNormalisedText } from '../text/normalise.js';
import { NAMED_FEATURE_VALUE, SHAPE_FEATURE_NAMES, SmsFeatureExtractor } from './features.js';
import {
  decodeSmsModel,
  TYPE_OFFSET,
  SMS_LABELS,
  type SmsLabel,
  type SmsModel,
  type SmsModelFile,
} from './model.js';
import { compileSmsPatterns, type PatternEvidence, type SmsPatternMatcher } from './pattern-matcher.js';

/** An n-gram that contributed to the predicted label, quoted from the original message. */
export interface FeatureEvidence {
  readonly kind: 'feature';
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Its share of the predicted label's logit (already divided by the length normalisation). */
  readonly weight: number;
}

/**
 * A named trait of the message that pushed the predicted label (`SHAPE_FEATURE_NAMES`): `link`,
 * `link:tld:top`, `link:hyphen`, `header` (【brand】 first), `signature` (【brand】 last), `optout`
 * (退订, 回T, 拒收请回复R), `ev3` (pattern evidence weight 3), each maybe crossed with the length
 * class (`optout&short`), or `len:short`.
 */
export interface SignalEvidence {
  readonly kind: 'signal';
  readonly name: string;
  /** Its share of the predicted label's logit. */
  readonly weight: number;
}

export type SmsEvidence = PatternEvidence | FeatureEvidence | SignalEvidence;

export interface SmsClassification {
  readonly label: SmsLabel;
  /** Probability that the message is fraud (0..1). */
  readonly score: number;
  readonly probabilities: Readonly<Record<SmsLabel, number>>;
  /** Most likely fraud type when the label is fraud, else null. */
  readonly fraudType: FraudType | null;
  readonly evidence: readonly SmsEvidence[];
}

export interface SmsClassifierOptions {
  /** How many contributing n-grams to quote (0 to skip the explanation). Default 5. */
  readonly topFeatures?: number;
  /**
   * Whether to quote n-grams for messages labelled normal too. Default false: evidence explains what
   * is flagged, and most traffic is normal, so this is where the time goes.
   */
  readonly explainNormal?: boolean;
}

export interface SmsClassifier {
  readonly patternSetVersion: string;
  classify(text: string): SmsClassification;
}

/**
 * Thresholds on `score` for the screening API's `sms` kind: mark at or above `mark`, block at or above
 * `block`. Chosen on the held-out dev data (docs/performance.md); both are configurable by callers.
 */
export const SMS_FRAUD_THRESHOLDS = { mark: 0.5, block: 0.9 } as const;

/**
 * The pattern set's own vote: the pattern evidence weight (`patternEvidenceWeight`) above `from` adds
 * `perPoint` per point to the fraud logit. On the dev data no normal or advertising message exceeds 5
 * while a third of fraud does, so the vote leaves the dev figures alone and matters for fraud the
 * model has not seen (types and styles missing from its training data: short rebate, loan, shopping,
 * game-trading texts).
 */
export const SMS_PATTERN_VOTE = { from: 5, perPoint: 3 } as const;

/** How much each point of a type's pattern weight adds to the head's probability of that type. */
const PATTERN_TYPE_NUDGE = 0.15;

/** Pattern weight of one category that lets patterns name a type the model head does not know. */
const PATTERN_TYPE_OVERRIDE = 4;

export function createSmsClassifier(
  model: SmsModel | SmsModelFile,
  options: SmsClassifierOptions = {},
): SmsClassifier {
  const m: SmsModel = 'format' in model ? decodeSmsModel(model) : model;
  const matcher: SmsPatternMatcher = compileSmsPatterns();
  if (matcher.version !== m.patternSetVersion) {
    throw new Error(
      `SMS model was trained with pattern set ${m.patternSetVersion}, engine has ${matcher.version}`,
    );
  }
  const extractor = new SmsFeatureExtractor(m.hashBits);
  const topFeatures = options.topFeatures ?? 5;
  const explainNormal = options.explainNormal ?? false;
  const labelCount = SMS_LABELS.length;
  const typeCount = m.fraudTypes.length;
  const logits = new Float64Array(labelCount);
  const typeLogits = new Float64Array(typeCount);
  // Per output row (labels, then types): sums of the quantised weights of the n-grams and of the
  // named features.
  const ngramSums = new Int32Array(TYPE_OFFSET + Math.max(4, typeCount));
  const namedSums = new Int32Array(TYPE_OFFSET + Math.max(4, typeCount));
  const { weights, stride } = m;

  /** Sums the weights of buckets[from, to) per row into `out` (labels at 0..2, types from TYPE_OFFSET). */
  const sumWeights = (buckets: Int32Array, from: number, to: number, out: Int32Array): void => {
    let normal = 0;
    let spam = 0;
    let fraud = 0;
    if (stride === 8) {
      // Up to four types share the bucket's cache line with the labels: sum both heads in one pass.
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let f = from; f < to; f++) {
        const base = buckets[f]! * 8;
        normal += weights[base]!;
        spam += weights[base + 1]!;
        fraud += weights[base + 2]!;
        t0 += weights[base + 4]!;
        t1 += weights[base + 5]!;
        t2 += weights[base + 6]!;
        t3 += weights[base + 7]!;
      }
      out[TYPE_OFFSET] = t0;
      out[TYPE_OFFSET + 1] = t1;
      out[TYPE_OFFSET + 2] = t2;
      out[TYPE_OFFSET + 3] = t3;
    } else {
      for (let t = 0; t < typeCount; t++) out[TYPE_OFFSET + t] = 0;
      for (let f = from; f < to; f++) {
        const base = buckets[f]! * stride;
        normal += weights[base]!;
        spam += weights[base + 1]!;
        fraud += weights[base + 2]!;
        for (let t = 0; t < typeCount; t++)
          out[TYPE_OFFSET + t] = out[TYPE_OFFSET + t]! + weights[base + TYPE_OFFSET + t]!;
      }
    }
    out[0] = normal;
    out[1] = spam;
    out[2] = fraud;
  };

  const classify = (text: string): SmsClassification => {
    const normalised = normaliseIntoScratch(text);
    const patterns = matcher.match(normalised, text);
    const features = extractor.extract(normalised.codes, normalised.length, patterns);
    const { buckets, count, ngramCount } = features;
    // The n-grams' sums are divided by sqrt(ngramCount), the named features' weighed by NAMED_FEATURE_VALUE.
    sumWeights(buckets, 0, ngramCount, ngramSums);
    sumWeights(buckets, ngramCount, count, namedSums);
    const norm = ngramCount > 0 ? 1 / Math.sqrt(ngramCount) : 0;
    for (let r = 0; r < labelCount; r++) {
      logits[r] = m.bias[r]! + m.scale[r]! * (ngramSums[r]! * norm + namedSums[r]! * NAMED_FEATURE_VALUE);
    }
    logits[2] = logits[2]! + patternVote(patterns);

    const labelProbabilities = softmax(logits);
    let best = 0;
    for (let r = 1; r < labelCount; r++) if (labelProbabilities[r]! > labelProbabilities[best]!) best = r;
    const label = SMS_LABELS[best]!;
    const score = labelProbabilities[2]!;
    let fraudType: FraudType | null = null;
    if (label === 'fraud') {
      for (let t = 0; t < typeCount; t++) {
        const row = labelCount + t;
        const n = ngramSums[TYPE_OFFSET + t]!;
        typeLogits[t] =
          m.bias[row]! + m.scale[row]! * (n * norm + namedSums[TYPE_OFFSET + t]! * NAMED_FEATURE_VALUE);
      }
      fraudType = pickFraudType(m, typeLogits, patterns);
    }

    // `match` returns a fresh array: it becomes the evidence list.
    const evidence: SmsEvidence[] = patterns;
    if (topFeatures > 0 && (best !== 0 || explainNormal)) {
      for (const item of explain(m, best, norm, features, normalised, text, topFeatures)) evidence.push(item);
      for (const item of explainSignals(m, best, features)) evidence.push(item);
    }
    return {
      label,
      score,
      probabilities: { normal: labelProbabilities[0]!, spam: labelProbabilities[1]!, fraud: score },
      fraudType,
      evidence,
    };
  };

  return { patternSetVersion: matcher.version, classify };
}

/**
 * The pattern set's evidence weight: each distinct pattern counts its weight, raised by half for each
 * further distinct key word of it, up to twice its weight (刷单, 垫付, 日结 say more than 刷单 alone).
 */
export function patternEvidenceWeight(patterns: readonly PatternEvidence[]): number {
  let total = 0;
  for (let i = 0; i < patterns.length; i++) {
    const id = patterns[i]!.patternId;
    let firstOfPattern = true;
    for (let j = 0; j < i; j++) if (patterns[j]!.patternId === id) firstOfPattern = false;
    if (!firstOfPattern) continue;
    // Distinct key words of this pattern (hits are few: quadratic is cheaper than a Set).
    let distinct = 0;
    for (let j = i; j < patterns.length; j++) {
      if (patterns[j]!.patternId !== id) continue;
      let repeat = false;
      for (let k = i; k < j; k++) {
        if (patterns[k]!.patternId === id && patterns[k]!.text === patterns[j]!.text) repeat = true;
      }
      if (!repeat) distinct++;
    }
    total += patterns[i]!.weight * Math.min(2, 1 + 0.5 * (distinct - 1));
  }
  return total;
}

function patternVote(patterns: readonly PatternEvidence[]): number {
  if (patterns.length === 0) return 0;
  const total = patternEvidenceWeight(patterns);
  return total > SMS_PATTERN_VOTE.from ? (total - SMS_PATTERN_VOTE.from) * SMS_PATTERN_VOTE.perPoint : 0;
}

function softmax(logits: Float64Array): number[] {
  let max = -Infinity;
  for (let r = 0; r < logits.length; r++) max = Math.max(max, logits[r]!);
  const out: number[] = [];
  let sum = 0;
  for (let r = 0; r < logits.length; r++) {
    const e = Math.exp(logits[r]! - max);
    out.push(e);
    sum += e;
  }
  return out.map((e) => e / sum);
}

function pickFraudType(
  m: SmsModel,
  typeLogits: Float64Array,
  patterns: readonly PatternEvidence[],
): FraudType | null {
  const patternWeight = new Map<FraudType, number>();
  for (const hit of patterns) {
    if (hit.category === 'generic') continue;
    patternWeight.set(hit.category, (patternWeight.get(hit.category) ?? 0) + hit.weight);
  }
  let strongest: FraudType | null = null;
  let strongestWeight = 0;
  for (const type of FRAUD_TYPES) {
    const w = patternWeight.get(type) ?? 0;
    if (w > strongestWeight) {
      strongest = type;
      strongestWeight = w;
    }
  }
  // Patterns of a type the head cannot name win when they are strong; otherwise trust the head.
  if (strongest && !m.fraudTypes.includes(strongest) && strongestWeight >= PATTERN_TYPE_OVERRIDE)
    return strongest;
  if (m.fraudTypes.length === 0) return strongest;
  const head = softmax(typeLogits);
  let best = 0;
  for (let t = 1; t < head.length; t++) {
    // Pattern hits nudge the head's choice between the types it knows.
    const score = head[t]! + PATTERN_TYPE_NUDGE * (patternWeight.get(m.fraudTypes[t]!) ?? 0);
    const bestScore = head[best]! + PATTERN_TYPE_NUDGE * (patternWeight.get(m.fraudTypes[best]!) ?? 0);
    if (score > bestScore) best = t;
  }
  return m.fraudTypes[best]!;
}

/** The shape features that pushed label `row` up, heaviest first (at most `SIGNALS_SHOWN`). */
function explainSignals(
  m: SmsModel,
  row: number,
  features: ReturnType<SmsFeatureExtractor['extract']>,
): SignalEvidence[] {
  const out: SignalEvidence[] = [];
  for (let f = features.ngramCount; f < features.count; f++) {
    const index = -2 - features.positions[f]!;
    if (index < 0) continue; // a pattern feature: shown as its span already
    const weight = m.weights[features.buckets[f]! * m.stride + row]! * m.scale[row]! * NAMED_FEATURE_VALUE;
    if (weight <= 0) continue;
    out.push({ kind: 'signal', name: SHAPE_FEATURE_NAMES[index]!, weight: Math.round(weight * 1e4) / 1e4 });
  }
  out.sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1));
  return out.slice(0, SIGNALS_SHOWN);
}

const SIGNALS_SHOWN = 3;

function explain(
  m: SmsModel,
  row: number,
  norm: number,
  features: ReturnType<SmsFeatureExtractor['extract']>,
  normalised: ScratchNormalisedText,
  original: string,
  limit: number,
): FeatureEvidence[] {
  // Keep the `limit` n-grams with the largest positive contribution, in a small sorted list. Compare
  // quantised weights (same row, same scale): the float product is only needed for the few kept.
  const { weights, stride } = m;
  const { buckets, lengths } = features;
  const topF = new Int32Array(limit);
  const topQ = new Int32Array(limit);
  let size = 0;
  for (let f = 0; f < features.count; f++) {
    // Pattern features are already shown as spans; single characters explain nothing to an analyst.
    if (lengths[f]! < 2) continue;
    const q = weights[buckets[f]! * stride + row]!;
    if (q <= 0 || (size === limit && q <= topQ[limit - 1]!)) continue;
    // A repeated n-gram is quoted once (its first occurrence).
    let repeated = false;
    for (let t = 0; t < size; t++) if (buckets[topF[t]!] === buckets[f]) repeated = true;
    if (repeated) continue;
    let i = size === limit ? limit - 1 : size++;
    while (i > 0 && topQ[i - 1]! < q) {
      topQ[i] = topQ[i - 1]!;
      topF[i] = topF[i - 1]!;
      i--;
    }
    topQ[i] = q;
    topF[i] = f;
  }
  const top: Array<{ f: number; w: number }> = [];
  for (let t = 0; t < size; t++) top.push({ f: topF[t]!, w: topQ[t]! * m.scale[row]! * norm });
  const out: FeatureEvidence[] = [];
  for (const { f, w } of top) {
    const from = normalised.start[features.positions[f]!]!;
    const to = normalised.end[features.positions[f]! + features.lengths[f]! - 1]!;
    out.push({
      kind: 'feature',
      text: original.slice(from, to),
      start: from,
      end: to,
      weight: Math.round(w * 1e4) / 1e4,
    });
  }
  return out;
}
