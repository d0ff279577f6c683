/**
 * Feature extraction for the SMS model: hashed character n-grams (1 to 3) of the normalised message,
 * plus one feature per pattern hit and per pattern category. Hashing keeps the model a fixed size with
 * no vocabulary to ship; the n-gram's position is kept so that an explanation can quote the text.
 *
 * Digits are read as one symbol: amounts and numbers vary, their presence is what matters.
 */
import type { PatternEvidence } from './pattern-matcher.js';

/** Features of one message, in scratch buffers owned by the extractor (valid until its next call). */
export interface SmsFeatures {
  /** Hashed bucket per feature. */
  readonly buckets: Int32Array;
  /** Start of the n-gram in the normalised text, or -1 for pattern features. */
  readonly positions: Int32Array;
  /** n-gram length (1..3), or 0 for pattern features. */
  readonly lengths: Uint8Array;
  readonly count: number;
}

export const MAX_NGRAM = 3;

const DIGIT = 0x30;

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a string feature name (pattern ids and categories), the same FNV-1a as everywhere. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return mix(h);
}

export class SmsFeatureExtractor {
  private buckets = new Int32Array(1024);
  private positions = new Int32Array(1024);
  private lengths = new Uint8Array(1024);
  private readonly mask: number;
  private readonly nameBuckets = new Map<string, number>();

  constructor(readonly hashBits: number) {
    this.mask = (1 << hashBits) - 1;
  }

  extract(codes: Uint16Array, length: number, evidence: readonly PatternEvidence[]): SmsFeatures {
    const n = length;
    this.ensure(n * MAX_NGRAM + evidence.length * 2);
    const { buckets, positions, lengths, mask } = this;
    let count = 0;
    let c1 = -1;
    let c2 = -1;
    for (let i = 0; i < n; i++) {
      let c = codes[i]!;
      if (c >= 0x30 && c <= 0x39) c = DIGIT;
      buckets[count] = mix(Math.imul(c, 0x9e3779b1) ^ 0x1) & mask;
      positions[count] = i;
      lengths[count++] = 1;
      if (c1 >= 0) {
        buckets[count] = mix(Math.imul(c1, 0x85ebca77) ^ Math.imul(c, 0x9e3779b1) ^ 0x2) & mask;
        positions[count] = i - 1;
        lengths[count++] = 2;
        if (c2 >= 0) {
          buckets[count] =
            mix(Math.imul(c2, 0xc2b2ae3d) ^ Math.imul(c1, 0x85ebca77) ^ Math.imul(c, 0x9e3779b1) ^ 0x3) &
            mask;
          positions[count] = i - 2;
          lengths[count++] = 3;
        }
      }
      c2 = c1;
      c1 = c;
    }
    let previousId = '';
    for (const hit of evidence) {
      // One feature per distinct pattern and category: repeated hits do not add up without bound.
      if (hit.patternId === previousId) continue;
      previousId = hit.patternId;
      buckets[count] = this.nameBucket('p:' + hit.patternId);
      positions[count] = -1;
      lengths[count++] = 0;
      buckets[count] = this.nameBucket('c:' + hit.category);
      positions[count] = -1;
      lengths[count++] = 0;
    }
    return { buckets, positions, lengths, count };
  }

  private nameBucket(name: string): number {
    let bucket = this.nameBuckets.get(name);
    if (bucket === undefined) {
      bucket = hashName(name) & this.mask;
      this.nameBuckets.set(name, bucket);
    }
    return bucket;
  }

  private ensure(size: number): void {
    if (this.buckets.length >= size) return;
    const capacity = Math.max(size, this.buckets.length * 2);
    this.buckets = new Int32Array(capacity);
    this.positions = new Int32Array(capacity);
    this.lengths = new Uint8Array(capacity);
  }
}
