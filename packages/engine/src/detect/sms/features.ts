/**
 * Feature extraction for the SMS model: hashed character n-grams (1 to 3) of the normalised message,
 * one feature per pattern hit and per pattern category, and a few named features of the message's
 * shape (`SmsShape`): a link and its top-level domain, a 【brand】 header or signature, an opt-out line
 * (退订, 回T, 拒收请回复R), the length, and the pattern evidence weight, each also crossed with the
 * length (a link or an opt-out line says more in a 30-character text than in a 300-character one).
 * Hashing keeps the model a fixed size with no vocabulary to ship; the n-gram's position is kept so
 * that an explanation can quote the text.
 *
 * Digits are read as one symbol: amounts and numbers vary, their presence is what matters.
 */
import type { PatternEvidence } from './pattern-matcher.js';

/** Features of one message, in scratch buffers owned by the extractor (valid until its next call). */
export interface SmsFeatures {
  /** Hashed bucket per feature. */
  readonly buckets: Int32Array;
  /**
   * Start of the n-gram in the normalised text; for a shape feature, -2 - its index in
   * `SHAPE_FEATURE_NAMES`; -1 for pattern features.
   */
  readonly positions: Int32Array;
  /** n-gram length (1..3), or 0 for pattern and shape features. */
  readonly lengths: Uint8Array;
  readonly count: number;
  /**
   * The n-grams come first, `buckets[0, ngramCount)`; pattern and shape features follow. The model
   * divides the n-grams' sum by sqrt(ngramCount) (a long message has more of them) and weighs each
   * named feature by `NAMED_FEATURE_VALUE` whatever the length: a pattern hit or a link is as much
   * evidence in a 300-character message as in a 30-character one.
   */
  readonly ngramCount: number;
}

/** The value of a pattern or shape feature (n-grams have 1/sqrt(ngramCount) each). */
export const NAMED_FEATURE_VALUE = 0.1;

export const MAX_NGRAM = 3;

/** Length classes of the normalised message, in characters: under 30, under 60, under 120, longer. */
const LENGTH_LIMITS = [30, 60, 120] as const;
const LENGTH_CLASSES = ['short', 'mid', 'long', 'verylong'] as const;

/** Top-level domains read as their own feature; any other TLD is `other`. */
const KNOWN_TLDS = [
  'cn',
  'com',
  'net',
  'org',
  'gov',
  'top',
  'xyz',
  'cc',
  'vip',
  'icu',
  'pw',
  'club',
  'shop',
  'site',
  'info',
  'ltd',
  'online',
  'live',
  'app',
  'me',
  'io',
  'co',
  'tk',
  'ml',
  'work',
  'link',
  'im',
] as const;

/**
 * Names of the shape features a message can have, in a fixed order (the classifier quotes them by
 * this index). The evidence classes are `ev0` (no pattern) … `ev6` (weight 6 or more).
 */
export const SHAPE_FEATURE_NAMES: readonly string[] = (() => {
  const names: string[] = [];
  const lengthCrossed = (base: string) => {
    names.push(base);
    for (const length of LENGTH_CLASSES) names.push(`${base}&${length}`);
  };
  for (const length of LENGTH_CLASSES) names.push(`len:${length}`);
  lengthCrossed('link');
  lengthCrossed('link:hyphen');
  for (const tld of KNOWN_TLDS) names.push(`link:tld:${tld}`);
  names.push('link:tld:other');
  lengthCrossed('header');
  lengthCrossed('signature');
  lengthCrossed('optout');
  for (let e = 0; e <= 6; e++) lengthCrossed(`ev${e}`);
  return names;
})();
const SHAPE_INDEX = new Map(SHAPE_FEATURE_NAMES.map((name, i) => [name, i]));
const shapeIndex = (name: string): number => SHAPE_INDEX.get(name)!;

/** For a length-crossed feature: its index, then the index of its cross with each length class. */
const crossed = (base: string): Int32Array =>
  Int32Array.from([base, ...LENGTH_CLASSES.map((length) => `${base}&${length}`)], shapeIndex);
const LENGTH_INDEX = Int32Array.from(LENGTH_CLASSES, (length) => shapeIndex(`len:${length}`));
const LINK = crossed('link');
const LINK_HYPHEN = crossed('link:hyphen');
const HEADER = crossed('header');
const SIGNATURE = crossed('signature');
const OPT_OUT = crossed('optout');
const EVIDENCE = Array.from({ length: 7 }, (_, e) => crossed(`ev${e}`));
const TLD_OTHER = shapeIndex('link:tld:other');

const TLD_INDEX = new Map<string, number>(KNOWN_TLDS.map((tld) => [tld, shapeIndex(`link:tld:${tld}`)]));

/** The shape of a message as the shape features read it (for tests and explanations). */
export interface SmsShape {
  readonly length: (typeof LENGTH_CLASSES)[number];
  /** Top-level domain of the first link, or null when the message has none. */
  readonly linkTld: string | null;
  readonly linkHyphen: boolean;
  readonly header: boolean;
  readonly signature: boolean;
  readonly optOut: boolean;
}

const isAsciiLower = (c: number) => c >= 0x61 && c <= 0x7a;
const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** Characters of a host name or URL path in normalised text (lower-case already). */
const isUrlChar = (c: number) =>
  isAsciiLower(c) ||
  isAsciiDigit(c) ||
  c === 0x2e ||
  c === 0x2d ||
  c === 0x2f ||
  c === 0x3a ||
  c === 0x5f ||
  c === 0x3f ||
  c === 0x3d ||
  c === 0x26 ||
  c === 0x25 ||
  c === 0x23;

const OPEN_BRACKET = 0x3010; // 【
const CLOSE_BRACKET = 0x3011; // 】
const TUI = 0x9000; // 退
const DING = 0x8ba2; // 订
const JU = 0x62d2; // 拒
const SHOU = 0x6536; // 收
const HUI = 0x56de; // 回
const FU = 0x590d; // 复

/** Reads the shape of a normalised message. Allocation-free apart from the returned object. */
export function readSmsShape(codes: Uint16Array, length: number): SmsShape {
  const shape = scanShape(codes, length);
  return {
    length: LENGTH_CLASSES[shape.lengthClass]!,
    linkTld: shape.link ? shape.tld : null,
    linkHyphen: shape.hyphen,
    header: shape.header,
    signature: shape.signature,
    optOut: shape.optOut,
  };
}

interface ScannedShape {
  lengthClass: number;
  link: boolean;
  tld: string;
  hyphen: boolean;
  header: boolean;
  signature: boolean;
  optOut: boolean;
}

const scanned: ScannedShape = {
  lengthClass: 0,
  link: false,
  tld: '',
  hyphen: false,
  header: false,
  signature: false,
  optOut: false,
};

function scanShape(codes: Uint16Array, n: number): ScannedShape {
  let lengthClass = 0;
  while (lengthClass < LENGTH_LIMITS.length && n >= LENGTH_LIMITS[lengthClass]!) lengthClass++;
  scanned.lengthClass = lengthClass;
  scanned.link = false;
  scanned.tld = '';
  scanned.hyphen = false;
  scanned.optOut = false;
  // 【…】 opening the message or closing it (the sender's signature).
  let header = false;
  if (n > 2 && codes[0] === OPEN_BRACKET) {
    for (let i = 2; i < Math.min(n, 20); i++) if (codes[i] === CLOSE_BRACKET) header = true;
  }
  let signature = false;
  if (n > 2 && codes[n - 1] === CLOSE_BRACKET) {
    for (let i = n - 3; i >= Math.max(0, n - 20); i--) if (codes[i] === OPEN_BRACKET) signature = true;
  }
  scanned.header = header;
  scanned.signature = signature;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (c === TUI && codes[i + 1] === DING) scanned.optOut = true;
    else if (c === JU && codes[i + 1] === SHOU) scanned.optOut = true;
    else if (c === HUI) {
      // 回T, 回TD, 回复R, 回N, 回0: a letter or 0 right after 回(复), not followed by another letter.
      let j = i + 1;
      if (codes[j] === FU) j++;
      const l = j < n ? codes[j]! : 0;
      if (l === 0x74 || l === 0x72 || l === 0x6e || l === 0x30) {
        let k = j + 1;
        if (l === 0x74 && codes[k] === 0x64) k++; // td
        if (k >= n || !isAsciiLower(codes[k]!)) scanned.optOut = true;
      }
    }
  }
  // Links: a run of URL characters holding a host name, `label.tld` with a letter in the labels
  // (so 8.8折 and the masked x.xx of advertising corpora are not links).
  if (!scanned.link) findLink(codes, n);
  return scanned;
}

function findLink(codes: Uint16Array, n: number): void {
  let i = 0;
  while (i < n) {
    if (!isUrlChar(codes[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && isUrlChar(codes[end]!)) end++;
    // The host: after an optional scheme, up to the first '/', ':' (port) or '?'.
    let from = i;
    if (
      end - from > 3 &&
      codes[from] === 0x68 &&
      codes[from + 1] === 0x74 &&
      codes[from + 2] === 0x74 &&
      codes[from + 3] === 0x70
    ) {
      let k = from + 4;
      if (codes[k] === 0x73) k++;
      if (codes[k] === 0x3a && codes[k + 1] === 0x2f && codes[k + 2] === 0x2f) from = k + 3;
    }
    let hostEnd = from;
    while (hostEnd < end && codes[hostEnd] !== 0x2f && codes[hostEnd] !== 0x3a && codes[hostEnd] !== 0x3f)
      hostEnd++;
    // Trailing dots or hyphens are punctuation, not the name.
    while (hostEnd > from && (codes[hostEnd - 1] === 0x2e || codes[hostEnd - 1] === 0x2d)) hostEnd--;
    let lastDot = -1;
    let meaningfulLetter = false;
    let hyphen = false;
    for (let k = from; k < hostEnd; k++) {
      const c = codes[k]!;
      if (c === 0x2e) lastDot = k;
      else if (c === 0x2d) hyphen = true;
      else if (isAsciiLower(c) && c !== 0x78) meaningfulLetter = true;
    }
    const tldLength = hostEnd - lastDot - 1;
    if (lastDot > from && tldLength >= 2 && tldLength <= 6 && meaningfulLetter) {
      let tldLetters = true;
      for (let k = lastDot + 1; k < hostEnd; k++) if (!isAsciiLower(codes[k]!)) tldLetters = false;
      if (tldLetters) {
        scanned.link = true;
        scanned.hyphen = hyphen;
        scanned.tld = String.fromCharCode(...codes.subarray(lastDot + 1, hostEnd));
        return;
      }
    }
    i = end;
  }
}

/** Evidence weight class of the pattern hits: the sum of each distinct pattern's weight, capped at 6. */
function evidenceClass(evidence: readonly PatternEvidence[]): number {
  let total = 0;
  let previousId = '';
  for (const hit of evidence) {
    if (hit.patternId === previousId) continue;
    previousId = hit.patternId;
    let repeat = false;
    for (const other of evidence) {
      if (other === hit) break;
      if (other.patternId === hit.patternId) repeat = true;
    }
    if (!repeat) total += hit.weight;
  }
  return Math.min(6, Math.round(total));
}

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
    this.shapeBuckets = Int32Array.from(SHAPE_FEATURE_NAMES, (name) => hashName('s:' + name) & this.mask);
  }

  private readonly shapeBuckets: Int32Array;

  extract(codes: Uint16Array, length: number, evidence: readonly PatternEvidence[]): SmsFeatures {
    const n = length;
    this.ensure(n * MAX_NGRAM + evidence.length * 2 + 16);
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
    const ngramCount = count;
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
    const shape = scanShape(codes, n);
    const lengthClass = shape.lengthClass;
    const shapeBuckets = this.shapeBuckets;
    const push = (index: number) => {
      buckets[count] = shapeBuckets[index]!;
      positions[count] = -2 - index;
      lengths[count++] = 0;
    };
    const pushCrossed = (indexes: Int32Array) => {
      push(indexes[0]!);
      push(indexes[1 + lengthClass]!);
    };
    push(LENGTH_INDEX[lengthClass]!);
    if (shape.link) {
      pushCrossed(LINK);
      if (shape.hyphen) pushCrossed(LINK_HYPHEN);
      push(TLD_INDEX.get(shape.tld) ?? TLD_OTHER);
    }
    if (shape.header) pushCrossed(HEADER);
    if (shape.signature) pushCrossed(SIGNATURE);
    if (shape.optOut) pushCrossed(OPT_OUT);
    pushCrossed(EVIDENCE[evidenceClass(evidence)]!);
    return { buckets, positions, lengths, count, ngramCount };
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
