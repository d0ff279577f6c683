/**
 * The domain model's file format and in-memory form, in two stages.
 *
 * 1. A logistic model over the named features, hashed name n-grams and TLD (features.ts); the file
 *    keeps the parts the second stage reads: the TLD risk table and the hashed weights (sparse int8
 *    with one scale, base64 encoded).
 * 2. Two character language models of names (benign, scam; char-lm.ts) and boosted trees (trees.ts)
 *    over the named and shape features, the first stage's name and TLD parts and the language models'
 *    readings (`DOMAIN_TREE_FEATURES`). The trees give the logit.
 *
 * Brand signals are not in the file: their weights are set by hand (brand-match.ts) and added to the
 * trees' logit.
 */
import { base64ToBytes, bytesToBase64, pushVarint, readVarint } from '../codec.js';
import { CharLm, type CharLmFile } from './char-lm.js';
import { DOMAIN_NAMED_FEATURES, DOMAIN_SHAPE_FEATURES } from './features.js';
import type { BoostedTree, TreeEnsemble } from './trees.js';

export const DOMAIN_MODEL_FORMAT = 'fanzha-domain-boosted/2';

/**
 * What the trees read, in order: named and shape features, the linear stage's n-gram sum (`name`) and
 * TLD risk (`tld`), and the language models: mean log-probability per character under the benign
 * model (`lm_benign`), its least likely character (`lm_benign_min`) and scam minus benign
 * (`lm_scam_ratio`).
 */
export const DOMAIN_TREE_FEATURES = [
  ...DOMAIN_NAMED_FEATURES,
  ...DOMAIN_SHAPE_FEATURES,
  'name',
  'tld',
  'lm_benign',
  'lm_benign_min',
  'lm_scam_ratio',
] as const;

export type DomainTreeFeature = (typeof DOMAIN_TREE_FEATURES)[number];

/** One tree in a file: a node is [feature, threshold, left, right, value] or a leaf [value]. */
export type DomainTreeFile = ReadonlyArray<
  readonly [number, number, number, number, number] | readonly [number]
>;

export interface DomainTrainingRecord {
  readonly seed: number;
  readonly epochs: number;
  readonly holdoutFraction: number;
  readonly trainingExamples: number;
  readonly holdoutExamples: number;
  /**
   * True when the shipped model is the evaluated recipe refit on every example (held-out ones
   * included): the held-out figures then describe the recipe trained on the other part.
   */
  readonly refitOnAll?: boolean;
  readonly dataSha256?: string;
  /** Folds used to give the trees out-of-fold first-stage and language-model readings. */
  readonly stackingFolds?: number;
  readonly trees?: number;
  readonly treeDepth?: number;
  readonly lmOrder?: number;
}

export interface DomainModelFile {
  readonly format: typeof DOMAIN_MODEL_FORMAT;
  readonly hashBits: number;
  /** Learned risk of each public suffix (logit), readable as a table; unknown suffixes count 0. */
  readonly tldRisk: Readonly<Record<string, number>>;
  readonly hashedScale: number;
  /** base64 of: for each used bucket, varint(bucket - previous bucket - 1), then one int8. */
  readonly hashed: string;
  readonly lm: { readonly benign: CharLmFile; readonly scam: CharLmFile };
  /** Feature names the trees index, in order (`DOMAIN_TREE_FEATURES` when written). */
  readonly treeFeatures: readonly string[];
  readonly trees: readonly DomainTreeFile[];
  /** Score at or above which the verdict is `suspicious`. */
  readonly threshold: number;
  readonly training: DomainTrainingRecord;
}

export interface DomainModel {
  readonly hashBits: number;
  readonly tldRisk: ReadonlyMap<string, number>;
  /** Dequantised hashed weights. */
  readonly hashed: Float32Array;
  readonly lmBenign: CharLm;
  readonly lmScam: CharLm;
  readonly trees: TreeEnsemble;
  readonly threshold: number;
  readonly training: DomainTrainingRecord;
}

export function decodeDomainModel(file: DomainModelFile): DomainModel {
  if (file.format !== DOMAIN_MODEL_FORMAT)
    throw new Error(
      `unsupported domain model format: ${String(file.format)} (retrain: npm run train:domains)`,
    );
  if (file.treeFeatures.join() !== DOMAIN_TREE_FEATURES.join())
    throw new Error('domain model: its tree features differ from this code (retrain: npm run train:domains)');
  return {
    ...decodeLinearStage(file),
    lmBenign: new CharLm(file.lm.benign.order, file.lm.benign.counts),
    lmScam: new CharLm(file.lm.scam.order, file.lm.scam.counts),
    trees: { trees: file.trees.map(decodeTree) },
    threshold: file.threshold,
    training: file.training,
  };
}

function decodeTree(nodes: DomainTreeFile): BoostedTree {
  const n = nodes.length;
  const tree = {
    feature: new Int32Array(n).fill(-1),
    threshold: new Float64Array(n),
    left: new Int32Array(n).fill(-1),
    right: new Int32Array(n).fill(-1),
    value: new Float64Array(n),
  };
  nodes.forEach((node, i) => {
    if (node.length === 1) {
      tree.value[i] = node[0];
      return;
    }
    const [feature, threshold, left, right, value] = node;
    if (!(feature >= 0 && feature < DOMAIN_TREE_FEATURES.length && left > i && right > i && right < n))
      throw new Error(`domain model: bad tree node ${i}`);
    tree.feature[i] = feature;
    tree.threshold[i] = threshold;
    tree.left[i] = left;
    tree.right[i] = right;
    tree.value[i] = value;
  });
  return tree;
}

function encodeTree(tree: BoostedTree): DomainTreeFile {
  const round = (v: number) => Number(v.toPrecision(7));
  return Array.from(tree.value, (value, i) =>
    tree.feature[i]! < 0
      ? ([round(value)] as const)
      : ([tree.feature[i]!, tree.threshold[i]!, tree.left[i]!, tree.right[i]!, round(value)] as const),
  );
}

/** The first stage as stored: TLD risk to 3 decimals (|w| >= 0.01), hashed weights as sparse int8. */
export interface LinearStageFile {
  readonly hashBits: number;
  readonly tldRisk: Readonly<Record<string, number>>;
  readonly hashedScale: number;
  readonly hashed: string;
}

export function encodeLinearStage(stage: {
  hashBits: number;
  hashed: Float64Array;
  tldRisk: ReadonlyMap<string, number>;
}): LinearStageFile {
  let max = 0;
  for (const w of stage.hashed) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? Number((max / 127).toPrecision(8)) : 1;
  const out: number[] = [];
  let previous = -1;
  stage.hashed.forEach((w, b) => {
    const q = Math.max(-127, Math.min(127, Math.round(w / scale)));
    if (q === 0) return;
    pushVarint(out, b - previous - 1);
    previous = b;
    out.push(q & 0xff);
  });
  return {
    hashBits: stage.hashBits,
    tldRisk: Object.fromEntries(
      [...stage.tldRisk]
        .filter(([, w]) => Math.abs(w) >= 0.01)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([tld, w]) => [tld, Number(w.toFixed(3))]),
    ),
    hashedScale: scale,
    hashed: bytesToBase64(Uint8Array.from(out)),
  };
}

export function decodeLinearStage(
  file: LinearStageFile,
): Pick<DomainModel, 'hashBits' | 'hashed' | 'tldRisk'> {
  const hashed = new Float32Array(1 << file.hashBits);
  const bytes = base64ToBytes(file.hashed);
  const cursor = { at: 0 };
  let bucket = -1;
  while (cursor.at < bytes.length) {
    bucket += readVarint(bytes, cursor) + 1;
    hashed[bucket] = ((bytes[cursor.at++]! << 24) >> 24) * file.hashedScale;
  }
  return { hashBits: file.hashBits, tldRisk: new Map(Object.entries(file.tldRisk)), hashed };
}

export function encodeDomainModel(options: {
  hashBits: number;
  hashed: Float64Array;
  tldRisk: ReadonlyMap<string, number>;
  lm: { benign: CharLmFile; scam: CharLmFile };
  trees: TreeEnsemble;
  threshold: number;
  training: DomainTrainingRecord;
}): DomainModelFile {
  return {
    format: DOMAIN_MODEL_FORMAT,
    ...encodeLinearStage(options),
    lm: options.lm,
    treeFeatures: DOMAIN_TREE_FEATURES,
    trees: options.trees.trees.map(encodeTree),
    threshold: options.threshold,
    training: options.training,
  };
}
