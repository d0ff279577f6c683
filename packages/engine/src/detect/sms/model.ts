/**
 * The SMS model's file format and its in-memory form. A linear model over hashed features with two
 * heads: the label (normal, spam, fraud) and, for fraud, the fraud type. Weights are quantised to int8
 * with one scale per output row and stored sparsely (only buckets that any row uses), base64 encoded
 * inside a small JSON file, so the shipped model stays well under 2 MB and diffs show its metadata.
 *
 * In memory the weights are bucket-major: one bucket's label weights (padded to 4 bytes) and type
 * weights sit in one 8-byte slot, so scoring a feature costs one cache line for both heads. Feature
 * buckets are random, so memory latency, not arithmetic, is what classification pays for.
 */
import { base64ToBytes, bytesToBase64, pushVarint, readVarint } from '../codec.js';
import type { FraudType } from '../fraud-types.js';

export const SMS_MODEL_FORMAT = 'fanzha-sms-linear/2';

export const SMS_LABELS = ['normal', 'spam', 'fraud'] as const;
export type SmsLabel = (typeof SMS_LABELS)[number];

/** How the shipped model was made; written by the training script, shown in docs. */
export interface SmsTrainingRecord {
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
  /** Messages expanded from the training templates (`synthetic-train-templates.ts`) and their weight. */
  readonly syntheticExamples?: number;
  readonly syntheticWeight?: number;
}

export interface SmsModelFile {
  readonly format: typeof SMS_MODEL_FORMAT;
  readonly patternSetVersion: string;
  readonly hashBits: number;
  readonly labels: readonly SmsLabel[];
  /** Fraud types of the type head, in row order (only those the training data holds). */
  readonly fraudTypes: readonly FraudType[];
  /** Per output row (labels, then fraud types). */
  readonly bias: readonly number[];
  readonly scale: readonly number[];
  /** base64 of: for each used bucket, varint(bucket - previous bucket - 1), then one int8 per row. */
  readonly weights: string;
  readonly training: SmsTrainingRecord;
}

/** Offset of the type weights inside a bucket's slot (after 3 label weights and padding). */
export const TYPE_OFFSET = 4;

export interface SmsModel {
  readonly patternSetVersion: string;
  readonly hashBits: number;
  readonly fraudTypes: readonly FraudType[];
  /** Output rows: SMS_LABELS.length + fraudTypes.length. */
  readonly rows: number;
  readonly bias: Float64Array;
  readonly scale: Float64Array;
  /** Bytes per bucket in `weights`: TYPE_OFFSET + fraud types, rounded up to a multiple of 4. */
  readonly stride: number;
  /** Quantised weights: label l at weights[bucket * stride + l], type t at [bucket * stride + TYPE_OFFSET + t]. */
  readonly weights: Int8Array;
  readonly training: SmsTrainingRecord;
}

export function decodeSmsModel(file: SmsModelFile): SmsModel {
  if (file.format !== SMS_MODEL_FORMAT)
    throw new Error(`unsupported SMS model format: ${String(file.format)}`);
  if (file.labels.join() !== SMS_LABELS.join()) throw new Error('SMS model labels do not match this engine');
  const rows = file.labels.length + file.fraudTypes.length;
  if (file.bias.length !== rows || file.scale.length !== rows)
    throw new Error('SMS model rows are inconsistent');
  const bytes = base64ToBytes(file.weights);
  const labelCount = file.labels.length;
  const typeCount = file.fraudTypes.length;
  const stride = TYPE_OFFSET + Math.ceil(typeCount / 4) * 4;
  const weights = new Int8Array((1 << file.hashBits) * stride);
  let bucket = -1;
  const cursor = { at: 0 };
  while (cursor.at < bytes.length) {
    bucket += readVarint(bytes, cursor) + 1;
    for (let r = 0; r < labelCount; r++) weights[bucket * stride + r] = (bytes[cursor.at++]! << 24) >> 24;
    for (let t = 0; t < typeCount; t++)
      weights[bucket * stride + TYPE_OFFSET + t] = (bytes[cursor.at++]! << 24) >> 24;
  }
  return {
    patternSetVersion: file.patternSetVersion,
    hashBits: file.hashBits,
    fraudTypes: [...file.fraudTypes],
    rows,
    bias: Float64Array.from(file.bias),
    scale: Float64Array.from(file.scale),
    stride,
    weights,
    training: file.training,
  };
}

/** Quantises float weights (row-major: weights[row * buckets + bucket]) into a model file. */
export function encodeSmsModel(options: {
  patternSetVersion: string;
  hashBits: number;
  fraudTypes: readonly FraudType[];
  bias: Float64Array;
  weights: Float64Array;
  training: SmsTrainingRecord;
}): SmsModelFile {
  const { hashBits, fraudTypes, weights } = options;
  const buckets = 1 << hashBits;
  const rows = SMS_LABELS.length + fraudTypes.length;
  const scale: number[] = [];
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let b = 0; b < buckets; b++) max = Math.max(max, Math.abs(weights[r * buckets + b]!));
    // Rounded so that the JSON stays short; the same rounded value is used for quantising.
    scale.push(max > 0 ? Number((max / 127).toPrecision(8)) : 1);
  }
  const out: number[] = [];
  let previous = -1;
  const q = new Int8Array(rows);
  for (let b = 0; b < buckets; b++) {
    let used = false;
    for (let r = 0; r < rows; r++) {
      q[r] = Math.max(-127, Math.min(127, Math.round(weights[r * buckets + b]! / scale[r]!)));
      if (q[r] !== 0) used = true;
    }
    if (!used) continue;
    pushVarint(out, b - previous - 1);
    previous = b;
    for (let r = 0; r < rows; r++) out.push(q[r]! & 0xff);
  }
  return {
    format: SMS_MODEL_FORMAT,
    patternSetVersion: options.patternSetVersion,
    hashBits,
    labels: [...SMS_LABELS],
    fraudTypes: [...fraudTypes],
    bias: Array.from(options.bias, (v) => Number(v.toPrecision(8))),
    scale,
    weights: bytesToBase64(Uint8Array.from(out)),
    training: options.training,
  };
}
