/**
 * Trains the domain model: logistic regression by plain SGD over the named features and hashed
 * n-grams, with the hand-set brand signals as a fixed offset (so the learned part does not absorb
 * them). Deterministic: fixed seed and example order, no Math.random.
 */
import { mulberry32, shuffleInPlace } from '../random.js';
import { BRAND_SIGNAL_WEIGHTS, matchBrands } from './brand-match.js';
import { DOMAIN_NAMED_FEATURES, domainParts, hashedFeatures, namedFeatures } from './features.js';
import { encodeDomainModel, type DomainModelFile, type DomainTrainingRecord } from './model.js';

export interface DomainExample {
  readonly domain: string;
  /** true for a scam domain. */
  readonly scam: boolean;
}

export interface DomainTrainingOptions {
  readonly seed?: number;
  readonly epochs?: number;
  readonly hashBits?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  readonly threshold?: number;
  readonly record?: Partial<DomainTrainingRecord>;
}

export const DOMAIN_TRAINING_DEFAULTS = {
  seed: 20261126,
  epochs: 20,
  hashBits: 18,
  learningRate: 1,
  l2: 1e-6,
  threshold: 0.5,
} as const;

export function trainDomainModel(
  examples: readonly DomainExample[],
  options: DomainTrainingOptions = {},
): DomainModelFile {
  const { seed, epochs, hashBits, learningRate, l2, threshold } = { ...DOMAIN_TRAINING_DEFAULTS, ...options };
  const k = DOMAIN_NAMED_FEATURES.length;
  const rows = examples.map((example) => {
    const parts = domainParts(example.domain);
    const offset = matchBrands(parts).reduce((sum, s) => sum + BRAND_SIGNAL_WEIGHTS[s.name], 0);
    const hashed = hashedFeatures(parts, hashBits);
    return {
      x: namedFeatures(parts),
      buckets: Int32Array.from(hashed, (f) => f.bucket),
      tld: parts.suffix,
      // n-grams share 1/sqrt(count), as in the scorer.
      norm: 1 / Math.sqrt(Math.max(1, hashed.length)),
      offset,
      y: example.scam ? 1 : 0,
    };
  });
  const named = new Float64Array(k);
  const hashed = new Float64Array(1 << hashBits);
  let bias = 0;
  const tldRisk = new Map<string, number>();
  const tldSum = new Map<string, number>();
  // Averaged SGD: the model shipped is the mean of the end-of-epoch weights over the second half of
  // training, which is steadier on noisy labels than the last iterate.
  const averageFrom = Math.floor(epochs / 2);
  const namedSum = new Float64Array(k);
  const hashedSum = new Float64Array(1 << hashBits);
  let biasSum = 0;
  let averaged = 0;
  const order = Int32Array.from(rows, (_, i) => i);
  const random = mulberry32(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    const rate = learningRate / (1 + epoch * 0.5);
    for (const i of order) {
      const row = rows[i]!;
      let z = bias + row.offset;
      for (let j = 0; j < k; j++) z += named[j]! * row.x[j]!;
      z += tldRisk.get(row.tld) ?? 0;
      for (let j = 0; j < row.buckets.length; j++) z += hashed[row.buckets[j]!]! * row.norm;
      const g = rate * (1 / (1 + Math.exp(-z)) - row.y);
      bias -= g;
      for (let j = 0; j < k; j++) named[j] = named[j]! - g * row.x[j]!;
      tldRisk.set(row.tld, (tldRisk.get(row.tld) ?? 0) * (1 - rate * l2) - g);
      for (let j = 0; j < row.buckets.length; j++) {
        const b = row.buckets[j]!;
        hashed[b] = hashed[b]! * (1 - rate * l2) - g * row.norm;
      }
    }
    if (epoch >= averageFrom) {
      averaged++;
      biasSum += bias;
      for (let j = 0; j < k; j++) namedSum[j] = namedSum[j]! + named[j]!;
      for (let b = 0; b < hashed.length; b++) hashedSum[b] = hashedSum[b]! + hashed[b]!;
      for (const [tld, w] of tldRisk) tldSum.set(tld, (tldSum.get(tld) ?? 0) + w);
    }
  }
  for (let j = 0; j < k; j++) named[j] = namedSum[j]! / averaged;
  for (let b = 0; b < hashed.length; b++) hashed[b] = hashedSum[b]! / averaged;
  bias = biasSum / averaged;
  for (const [tld, w] of tldSum) tldRisk.set(tld, w / averaged);
  return encodeDomainModel({
    hashBits,
    bias,
    named,
    hashed,
    tldRisk,
    threshold,
    training: {
      seed,
      epochs,
      holdoutFraction: 0,
      trainingExamples: examples.length,
      holdoutExamples: 0,
      ...options.record,
    },
  });
}
