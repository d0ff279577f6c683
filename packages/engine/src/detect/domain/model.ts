/**
 * The domain model's file format and in-memory form: a logistic model over the named features and
 * hashed name n-grams and TLD (features.ts). Named weights are stored as numbers, hashed weights as
 * sparse int8 with one scale, base64 encoded. Brand signals are not in the file: their weights are set
 * by hand (brand-match.ts).
 */
import { base64ToBytes, bytesToBase64, pushVarint, readVarint } from '../codec.js';
import { DOMAIN_NAMED_FEATURES, type DomainNamedFeature } from './features.js';

export const DOMAIN_MODEL_FORMAT = 'fanzha-domain-linear/1';

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
}

export interface DomainModelFile {
  readonly format: typeof DOMAIN_MODEL_FORMAT;
  readonly hashBits: number;
  readonly bias: number;
  readonly named: Readonly<Record<DomainNamedFeature, number>>;
  /** Learned risk of each public suffix (logit), readable as a table; unknown suffixes count 0. */
  readonly tldRisk: Readonly<Record<string, number>>;
  readonly hashedScale: number;
  /** base64 of: for each used bucket, varint(bucket - previous bucket - 1), then one int8. */
  readonly hashed: string;
  /** Score at or above which the verdict is `suspicious`. */
  readonly threshold: number;
  readonly training: DomainTrainingRecord;
}

export interface DomainModel {
  readonly hashBits: number;
  readonly bias: number;
  readonly named: Float64Array;
  readonly tldRisk: ReadonlyMap<string, number>;
  /** Dequantised hashed weights. */
  readonly hashed: Float32Array;
  readonly threshold: number;
  readonly training: DomainTrainingRecord;
}

export function decodeDomainModel(file: DomainModelFile): DomainModel {
  if (file.format !== DOMAIN_MODEL_FORMAT)
    throw new Error(`unsupported domain model format: ${String(file.format)}`);
  const hashed = new Float32Array(1 << file.hashBits);
  const bytes = base64ToBytes(file.hashed);
  const cursor = { at: 0 };
  let bucket = -1;
  while (cursor.at < bytes.length) {
    bucket += readVarint(bytes, cursor) + 1;
    hashed[bucket] = ((bytes[cursor.at++]! << 24) >> 24) * file.hashedScale;
  }
  return {
    hashBits: file.hashBits,
    bias: file.bias,
    named: Float64Array.from(DOMAIN_NAMED_FEATURES, (f) => file.named[f] ?? 0),
    tldRisk: new Map(Object.entries(file.tldRisk)),
    hashed,
    threshold: file.threshold,
    training: file.training,
  };
}

export function encodeDomainModel(options: {
  hashBits: number;
  bias: number;
  named: Float64Array;
  hashed: Float64Array;
  tldRisk: ReadonlyMap<string, number>;
  threshold: number;
  training: DomainTrainingRecord;
}): DomainModelFile {
  let max = 0;
  for (const w of options.hashed) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? Number((max / 127).toPrecision(8)) : 1;
  const out: number[] = [];
  let previous = -1;
  options.hashed.forEach((w, b) => {
    const q = Math.max(-127, Math.min(127, Math.round(w / scale)));
    if (q === 0) return;
    pushVarint(out, b - previous - 1);
    previous = b;
    out.push(q & 0xff);
  });
  const round = (v: number) => Number(v.toPrecision(8));
  return {
    format: DOMAIN_MODEL_FORMAT,
    hashBits: options.hashBits,
    bias: round(options.bias),
    named: Object.fromEntries(DOMAIN_NAMED_FEATURES.map((f, i) => [f, round(options.named[i]!)])) as Record<
      DomainNamedFeature,
      number
    >,
    tldRisk: Object.fromEntries(
      [...options.tldRisk]
        .filter(([, w]) => Math.abs(w) >= 0.01)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([tld, w]) => [tld, Number(w.toFixed(3))]),
    ),
    hashedScale: scale,
    hashed: bytesToBase64(Uint8Array.from(out)),
    threshold: options.threshold,
    training: options.training,
  };
}
