/**
 * Trains the domain model in two stages (model.ts):
 *
 * 1. Logistic regression by plain averaged SGD over the named features, hashed n-grams and TLD, with
 *    the hand-set brand signals as a fixed offset (so the learned part does not absorb them).
 * 2. Character language models of benign and scam names, and boosted trees over the named and shape
 *    features, the first stage's name and TLD parts and the language models' readings, again from the
 *    brand offset. The trees learn from out-of-fold readings (`stackingFolds` folds: each example read
 *    by a first stage and language models trained without it), so they weigh the first stage and the
 *    language models as they will behave on names they never saw; the shipped first stage and language
 *    models are then trained on every example.
 *
 * Deterministic: fixed seed and example order, no Math.random.
 */
import { mulberry32, shuffleInPlace } from '../random.js';
import { BRAND_SIGNAL_WEIGHTS, matchBrands } from './brand-match.js';
import { CharLm, type CharLmFile } from './char-lm.js';
import { DOMAIN_NAMED_FEATURES, domainParts, hashedFeatures, namedFeatures } from './features.js';
import {
  decodeLinearStage,
  DOMAIN_TREE_FEATURES,
  encodeDomainModel,
  encodeLinearStage,
  type DomainModelFile,
  type DomainTrainingRecord,
} from './model.js';
import { domainReadings } from './scorer.js';
import { trainTrees } from './trees.js';

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
  /** Character language model order (context of order-1 characters) and the count it keeps. */
  readonly lmOrder?: number;
  readonly lmMinCount?: number;
  readonly stackingFolds?: number;
  readonly trees?: number;
  readonly treeDepth?: number;
  readonly treeLearningRate?: number;
  readonly record?: Partial<DomainTrainingRecord>;
}

export const DOMAIN_TRAINING_DEFAULTS = {
  seed: 20261126,
  epochs: 20,
  hashBits: 18,
  learningRate: 1,
  l2: 1e-6,
  threshold: 0.5,
  lmOrder: 4,
  lmMinCount: 2,
  stackingFolds: 5,
  trees: 200,
  treeDepth: 4,
  treeLearningRate: 0.1,
} as const;

interface LinearRow {
  readonly x: Float64Array;
  readonly buckets: Int32Array;
  readonly tld: string;
  readonly norm: number;
  readonly offset: number;
  readonly y: number;
}

/** First stage on `rows[subset]`: averaged SGD, returns the hashed weights and TLD risk. */
function trainLinearStage(
  rows: readonly LinearRow[],
  subset: Int32Array,
  hashBits: number,
  options: { seed: number; epochs: number; learningRate: number; l2: number },
): { hashed: Float64Array; tldRisk: Map<string, number> } {
  const { seed, epochs, learningRate, l2 } = options;
  const k = DOMAIN_NAMED_FEATURES.length;
  const named = new Float64Array(k);
  const hashed = new Float64Array(1 << hashBits);
  let bias = 0;
  const tldRisk = new Map<string, number>();
  const tldSum = new Map<string, number>();
  // Averaged SGD: the weights kept are the mean of the end-of-epoch weights over the second half of
  // training, which is steadier on noisy labels than the last iterate.
  const averageFrom = Math.floor(epochs / 2);
  const hashedSum = new Float64Array(1 << hashBits);
  let averaged = 0;
  const order = Int32Array.from(subset);
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
      for (let b = 0; b < hashed.length; b++) hashedSum[b] = hashedSum[b]! + hashed[b]!;
      for (const [tld, w] of tldRisk) tldSum.set(tld, (tldSum.get(tld) ?? 0) + w);
    }
  }
  for (let b = 0; b < hashed.length; b++) hashed[b] = hashedSum[b]! / averaged;
  for (const [tld, w] of tldSum) tldRisk.set(tld, w / averaged);
  return { hashed, tldRisk };
}

function trainLms(
  labels: readonly string[],
  y: Uint8Array,
  subset: Int32Array,
  order: number,
  minCount: number,
): { benign: CharLmFile; scam: CharLmFile } {
  const benign = new CharLm(order);
  const scam = new CharLm(order);
  for (const i of subset) (y[i] ? scam : benign).add(labels[i]!);
  return { benign: benign.toFile(minCount), scam: scam.toFile(minCount) };
}

/** Stratified folds (scam and benign each dealt round-robin after a seeded shuffle): fold per example. */
export function domainFolds(examples: readonly DomainExample[], folds: number, seed: number): Int32Array {
  const fold = new Int32Array(examples.length);
  const random = mulberry32(seed);
  for (const scam of [false, true]) {
    const group = Int32Array.from(
      examples.flatMap((e, i) => (e.scam === scam ? [i] : [])),
      (i) => i,
    );
    shuffleInPlace(group, random);
    group.forEach((i, n) => (fold[i] = n % folds));
  }
  return fold;
}

export function trainDomainModel(
  examples: readonly DomainExample[],
  options: DomainTrainingOptions = {},
): DomainModelFile {
  const o = { ...DOMAIN_TRAINING_DEFAULTS, ...options };
  const parts = examples.map((example) => domainParts(example.domain));
  const y = Uint8Array.from(examples, (e) => (e.scam ? 1 : 0));
  const labels = parts.map((p) => p.label);
  const rows: LinearRow[] = parts.map((p, i) => {
    const offset = matchBrands(p).reduce((sum, s) => sum + BRAND_SIGNAL_WEIGHTS[s.name], 0);
    const grams = hashedFeatures(p, o.hashBits);
    return {
      x: namedFeatures(p),
      buckets: Int32Array.from(grams, (f) => f.bucket),
      tld: p.suffix,
      // n-grams share 1/sqrt(count), as in the scorer.
      norm: 1 / Math.sqrt(Math.max(1, grams.length)),
      offset,
      y: y[i]!,
    };
  });
  const linear = { seed: o.seed, epochs: o.epochs, learningRate: o.learningRate, l2: o.l2 };
  // Out-of-fold readings for the trees.
  const columns = DOMAIN_TREE_FEATURES.map(() => new Float64Array(examples.length));
  const fold = domainFolds(examples, o.stackingFolds, o.seed);
  for (let f = 0; f < o.stackingFolds; f++) {
    const inside = Int32Array.from(
      examples.flatMap((_, i) => (fold[i] !== f ? [i] : [])),
      (i) => i,
    );
    const stage = trainLinearStage(rows, inside, o.hashBits, linear);
    const lm = trainLms(labels, y, inside, o.lmOrder, o.lmMinCount);
    const reader = {
      ...decodeLinearStage(encodeLinearStage({ hashBits: o.hashBits, ...stage })),
      lmBenign: new CharLm(lm.benign.order, lm.benign.counts),
      lmScam: new CharLm(lm.scam.order, lm.scam.counts),
    };
    examples.forEach((_, i) => {
      if (fold[i] !== f) return;
      const { x } = domainReadings(reader, parts[i]!);
      x.forEach((v, c) => (columns[c]![i] = v));
    });
  }
  const everyone = Int32Array.from(examples, (_, i) => i);
  const offset = Float64Array.from(rows, (r) => r.offset);
  const trees = trainTrees(columns, y, offset, {
    rounds: o.trees,
    depth: o.treeDepth,
    learningRate: o.treeLearningRate,
    lambda: 1,
    minChildWeight: 5,
    bins: 64,
  });
  const stage = trainLinearStage(rows, everyone, o.hashBits, linear);
  return encodeDomainModel({
    hashBits: o.hashBits,
    ...stage,
    lm: trainLms(labels, y, everyone, o.lmOrder, o.lmMinCount),
    trees,
    threshold: o.threshold,
    training: {
      seed: o.seed,
      epochs: o.epochs,
      holdoutFraction: 0,
      trainingExamples: examples.length,
      holdoutExamples: 0,
      stackingFolds: o.stackingFolds,
      trees: o.trees,
      treeDepth: o.treeDepth,
      lmOrder: o.lmOrder,
      ...options.record,
    },
  });
}
