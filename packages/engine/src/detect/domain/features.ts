/**
 * A domain's own features, the ones that do not depend on any brand: length, digits, hyphens,
 * character entropy, consonant runs, depth, IDN, pinyin, the shape of the name (vowels, keyboard
 * walks, doubled characters, digit runs), and hashed character n-grams of its name and its TLD for the
 * learned model. Also parses the domain (tldts) into the parts the brand matcher reads.
 */
import { parse } from 'tldts';
import type { DomainParts } from './brand-match.js';
import { pinyinCoverage } from './pinyin.js';
import { decodePunycode } from './punycode.js';

/** Named numeric features, each scaled to about 0..1, in model order. */
export const DOMAIN_NAMED_FEATURES = [
  'length',
  'digit_ratio',
  'hyphens',
  'entropy',
  'consonant_run',
  'digit_letter_mix',
  'subdomain_depth',
  'idn',
  'pinyin',
  'pinyin_full',
] as const;

export type DomainNamedFeature = (typeof DOMAIN_NAMED_FEATURES)[number];

/** Shape features of the name, read by the trees only (raw counts and shares, no scaling needed). */
export const DOMAIN_SHAPE_FEATURES = [
  'letters',
  'digits',
  'vowel_share',
  'vowel_run',
  'keyboard_walk',
  'doubled_chars',
  'same_char_run',
  'digit_run',
  'tail_digits',
  'head_digits',
  'distinct_share',
  'hostname_length',
  'suffix_labels',
] as const;

export type DomainShapeFeature = (typeof DOMAIN_SHAPE_FEATURES)[number];

/** QWERTY positions (row, column with the usual half-key stagger) for keyboard-walk detection. */
const KEY_POSITION: ReadonlyMap<string, readonly [number, number]> = new Map(
  ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].flatMap((row, r) =>
    [...row].map((c, i) => [c, [r, i + r * 0.5]] as [string, readonly [number, number]]),
  ),
);

function keysAdjacent(a: string, b: string): boolean {
  const p = KEY_POSITION.get(a);
  const q = KEY_POSITION.get(b);
  return !!p && !!q && a !== b && Math.abs(p[0] - q[0]) <= 1 && Math.abs(p[1] - q[1]) <= 1;
}

/**
 * The shape of the name (registrable label): letter and digit counts, share of vowels and the
 * longest vowel run, share of letter pairs next to each other on a keyboard (iopklj, frtgvd),
 * doubled characters (rooobinhood), the longest run of one character, digit runs at all, at the end
 * and at the start, share of distinct characters, hostname length and suffix labels (com.cn → 2).
 */
export function shapeFeatures(parts: DomainParts): Float64Array {
  const label = parts.label;
  const letters = label.replace(/[^a-z]/g, '');
  const x = new Float64Array(DOMAIN_SHAPE_FEATURES.length);
  let vowels = 0;
  let vowelRun = 0;
  let maxVowelRun = 0;
  let walk = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters[i]!;
    const vowel = 'aeiouy'.includes(c);
    if (vowel) vowels++;
    vowelRun = vowel ? vowelRun + 1 : 0;
    if (vowelRun > maxVowelRun) maxVowelRun = vowelRun;
    if (i > 0 && keysAdjacent(letters[i - 1]!, c)) walk++;
  }
  let doubled = 0;
  let run = 1;
  let maxRun = label.length > 0 ? 1 : 0;
  for (let i = 1; i < label.length; i++) {
    if (label[i] === label[i - 1]) {
      doubled++;
      run++;
      if (run > maxRun) maxRun = run;
    } else run = 1;
  }
  const digitRuns = label.match(/\d+/g) ?? [];
  x[0] = letters.length;
  x[1] = digitRuns.reduce((sum, r) => sum + r.length, 0);
  x[2] = letters.length ? vowels / letters.length : 0;
  x[3] = maxVowelRun;
  x[4] = letters.length > 1 ? walk / (letters.length - 1) : 0;
  x[5] = doubled;
  x[6] = maxRun;
  x[7] = digitRuns.reduce((m, r) => Math.max(m, r.length), 0);
  x[8] = (/\d+$/.exec(label) ?? [''])[0].length;
  x[9] = (/^\d+/.exec(label) ?? [''])[0].length;
  x[10] = label.length ? new Set(label).size / label.length : 0;
  x[11] = parts.hostname.length;
  x[12] = parts.suffix === '' ? 0 : parts.suffix.split('.').length;
  return x;
}

/** Normalises user input: trims, lower-cases, drops a scheme, path, port and trailing dot. */
export function cleanDomain(input: string): string {
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  return s;
}

export function domainParts(domain: string): DomainParts {
  const hostname = cleanDomain(domain);
  const parsed = parse(hostname, { allowPrivateDomains: false });
  const registrable = parsed.domain ?? hostname;
  const rawLabel = parsed.domainWithoutSuffix ?? hostname.split('.')[0] ?? '';
  const label = rawLabel.startsWith('xn--') ? (decodePunycode(rawLabel.slice(4)) ?? rawLabel) : rawLabel;
  return {
    hostname,
    registrable,
    label,
    suffix: parsed.publicSuffix ?? '',
    subdomain: parsed.subdomain ?? '',
  };
}

function entropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    h -= p * Math.log2(p);
  }
  return h;
}

export function namedFeatures(parts: DomainParts): Float64Array {
  const label = parts.label;
  const x = new Float64Array(DOMAIN_NAMED_FEATURES.length);
  const digits = (label.match(/\d/g) ?? []).length;
  let run = 0;
  let maxRun = 0;
  let mixes = 0;
  for (let i = 0; i < label.length; i++) {
    const c = label[i]!;
    run = /[bcdfghjklmnpqrstvwxz]/.test(c) ? run + 1 : 0;
    if (run > maxRun) maxRun = run;
    if (i > 0 && /\d/.test(c) !== /\d/.test(label[i - 1]!)) mixes++;
  }
  x[0] = Math.min(label.length, 30) / 30;
  x[1] = label.length ? digits / label.length : 0;
  x[2] = Math.min((label.match(/-/g) ?? []).length, 3) / 3;
  x[3] = entropy(label) / 4.5;
  x[4] = Math.min(maxRun, 6) / 6;
  x[5] = Math.min(mixes, 4) / 4;
  x[6] = parts.subdomain === '' ? 0 : Math.min(parts.subdomain.split('.').length, 3) / 3;
  x[7] = parts.hostname.includes('xn--') ? 1 : 0;
  x[8] = pinyinCoverage(label);
  x[9] = x[8] === 1 && label.replace(/[^a-z]/g, '').length >= 4 ? 1 : 0;
  return x;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/** One hashed n-gram: its bucket and its text (for explanations). */
export interface HashedFeature {
  readonly bucket: number;
  readonly text: string;
}

const MAX_NGRAM = 4;

/** Character 2- to 4-grams of the name, with ^ and $ marking its ends. */
export function hashedFeatures(parts: DomainParts, hashBits: number): HashedFeature[] {
  const mask = (1 << hashBits) - 1;
  const out: HashedFeature[] = [];
  const name = `^${parts.label}$`;
  for (let n = 2; n <= MAX_NGRAM; n++) {
    for (let i = 0; i + n <= name.length; i++) {
      const gram = name.slice(i, i + n);
      out.push({ bucket: hash(gram) & mask, text: gram });
    }
  }
  return out;
}
