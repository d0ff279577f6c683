/**
 * The SMS text normaliser: turns a message as a fraud sender wrote it into the form the patterns and
 * the model read, undoing the usual evasion. Steps, in order:
 *
 * 1. character folding: full-width to half-width, compatibility and circled forms, lookalike letters,
 *    lower case; zero-width characters dropped; separators and emoji dropped when they sit next to a
 *    Chinese character ("加 V 信" → "加v信"), kept between ASCII characters (URLs, numbers);
 * 2. traditional to simplified (opencc-js, only when needed; after folding, because compatibility
 *    ideographs fold to traditional characters);
 * 3. Chinese numerals to digits inside runs of at least four digit-like characters (phone, QQ and
 *    account numbers written 幺三八…), so ordinary words such as 一个 are left alone;
 * 4. spelling variants of key words (pinyin, abbreviations, homophones) to the key word itself.
 *
 * Every output character keeps the span of the input it came from, so evidence found in normalised
 * text is shown to analysts in the original message. Pure; never throws on any string.
 */
import { buildAhoCorasick, type AhoCorasick } from './aho-corasick.js';
import * as charFold from './char-fold.js';
import { foldTables, isHan } from './char-fold.js';
import { KEYWORD_VARIANTS } from './keyword-variants.js';
import { hasTraditional, toSimplified } from './traditional.js';

export interface NormalisedText {
  /** The normalised text. */
  readonly text: string;
  /** `text` as UTF-16 code units (length `text.length`), for the automata. */
  readonly codes: Uint16Array;
  /** For output character i, the original text's span [originStart[i], originEnd[i]). */
  readonly originStart: Int32Array;
  readonly originEnd: Int32Array;
}

/** Chinese digit characters (including 幺 for 1 and the financial forms) and their values. */
const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  幺: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const chineseDigitValue = new Int8Array(65536).fill(-1);
for (const [ch, value] of Object.entries(CHINESE_DIGITS)) chineseDigitValue[ch.charCodeAt(0)] = value;

/** A run of digit-like characters is a number, not words, from this length on. */
const MIN_NUMERAL_RUN = 4;

// Local copies: hot loops should not go through module bindings.
const DROP = charFold.DROP;
const EXPAND = charFold.EXPAND;
const SEPARATOR = charFold.SEPARATOR;

const EMOJI_QQ = 0x1f427; // 🐧 is how senders write QQ

let variantAutomaton: AhoCorasick | undefined;
let variantWords: string[] = [];
let variantIsAsciiWord: Uint8Array = new Uint8Array(0);

function variants(): AhoCorasick {
  if (!variantAutomaton) {
    variantWords = KEYWORD_VARIANTS.map((v) => v.word);
    variantIsAsciiWord = Uint8Array.from(KEYWORD_VARIANTS, (v) => (/^[a-z]+$/.test(v.variant) ? 1 : 0));
    variantAutomaton = buildAhoCorasick(KEYWORD_VARIANTS.map((v) => v.variant));
  }
  return variantAutomaton;
}

/** Growable output buffer with origin spans. */
class Output {
  codes: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }
  reset(): this {
    this.length = 0;
    return this;
  }
  push(code: number, from: number, to: number): void {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.start[this.length] = from;
    this.end[this.length] = to;
    this.length++;
  }
  private grow(): void {
    const size = this.codes.length * 2 + 16;
    const codes = new Uint16Array(size);
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    codes.set(this.codes);
    start.set(this.start);
    end.set(this.end);
    this.codes = codes;
    this.start = start;
    this.end = end;
  }
}

// Normalisation is synchronous, so two module-level buffers serve every call without allocation.
const foldScratch = new Output(1024);
const rewriteScratch = new Output(1024);

/** Normalises one message (see the module comment for the steps). */
export function normaliseSmsText(original: string): NormalisedText {
  const out = normaliseIntoScratch(original);
  const codes = out.codes.slice(0, out.length);
  return {
    text: codesToString(codes, codes.length),
    codes,
    originStart: out.start.slice(0, out.length),
    originEnd: out.end.slice(0, out.length),
  };
}

/**
 * The normalised message in a shared scratch buffer, valid only until the next call: for the hot path
 * (classifier, trainer), which reads it at once and must not pay for copies. Arrays are longer than
 * `length`; read only [0, length).
 */
export interface ScratchNormalisedText {
  readonly codes: Uint16Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly length: number;
}

export function normaliseIntoScratch(original: string): ScratchNormalisedText {
  const folded = foldCharacters(original, foldScratch.reset());
  if (hasTraditional(folded.codes, folded.length)) simplify(folded);
  convertNumeralRuns(folded);
  return rewriteVariants(folded, rewriteScratch.reset());
}

/** The text of a scratch buffer, when a stage needs a string (regular expressions). */
export function scratchText(normalised: ScratchNormalisedText): string {
  return codesToString(normalised.codes, normalised.length);
}

// Separator run held back until the next kept character shows whether it sits inside a word.
let pendingFrom = -1;
let pendingTo = -1;

function foldCharacters(text: string, out: Output): Output {
  const { fold, kind, expansions } = foldTables();
  pendingFrom = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const from = i;
    // Astral characters: emoji act as separators (🐧 means QQ), mathematical letters fold by NFKC.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i)!;
      i++;
      if (cp === EMOJI_QQ) {
        flushSeparators(text, out, 0x71, kind, fold);
        out.push(0x71, from, from + 2);
        out.push(0x71, from, from + 2);
      } else if (cp >= 0x1d400 && cp <= 0x1d7ff) {
        const plain = String.fromCodePoint(cp).normalize('NFKC');
        // Mathematical letters include Greek: fold the plain form once more (𝜂 → η → n).
        flushSeparators(text, out, fold[plain.charCodeAt(0)]!, kind, fold);
        for (let k = 0; k < plain.length; k++) out.push(fold[plain.charCodeAt(k)]!, from, from + 2);
      } else if (cp < 0xe0000 || cp > 0xe007f) {
        // Other emoji separate like punctuation but are never kept; tag characters are invisible.
        if (pendingFrom < 0) pendingFrom = i + 1;
        pendingTo = i + 1;
      }
      continue;
    }
    const k = kind[c]!;
    if (k === DROP) continue;
    if (k === EXPAND) {
      const expansion = expansions.get(c)!;
      flushSeparators(text, out, expansion.charCodeAt(0), kind, fold);
      for (let j = 0; j < expansion.length; j++) out.push(expansion.charCodeAt(j), from, from + 1);
      continue;
    }
    c = fold[c]!;
    // A folded character can itself be a separator (full-width ／ → /).
    if (k === SEPARATOR || kind[c] === SEPARATOR) {
      if (pendingFrom < 0) pendingFrom = i;
      pendingTo = i + 1;
      continue;
    }
    if (pendingFrom >= 0) flushSeparators(text, out, c, kind, fold);
    out.push(c, from, from + 1);
  }
  flushSeparators(text, out, -1, kind, fold);
  return out;
}

/**
 * Ends a held separator run before the character `next` (-1 at the end): drops it when it sits inside a
 * word, that is next to a Chinese character on either side (but not at the end of the message, where it
 * is punctuation); keeps it between ASCII characters, where it is part of a URL or a number.
 */
function flushSeparators(text: string, out: Output, next: number, kind: Uint8Array, fold: Uint16Array): void {
  if (pendingFrom < 0) return;
  const prev = out.length > 0 ? out.codes[out.length - 1]! : -1;
  const insideWord = (isHan(prev) || isHan(next)) && next >= 0;
  if (!insideWord) {
    for (let j = pendingFrom; j < pendingTo; j++) {
      const c = text.charCodeAt(j);
      if (kind[c] === SEPARATOR || kind[fold[c]!] === SEPARATOR) out.push(fold[c]!, j, j + 1);
    }
  }
  pendingFrom = -1;
}

/** Converts the folded text to simplified Chinese in place. */
function simplify(folded: Output): void {
  const converted = toSimplified(codesToString(folded.codes, folded.length));
  const length = folded.length;
  // OpenCC keeps length for almost every input; when a phrase changed it, spans become approximate.
  const start = folded.start.slice(0, length);
  const end = folded.end.slice(0, length);
  folded.reset();
  for (let i = 0; i < converted.length; i++) {
    const j = Math.min(Math.floor((i * length) / converted.length), length - 1);
    folded.push(converted.charCodeAt(i), start[j]!, end[j]!);
  }
}

function isDigitLike(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || chineseDigitValue[c]! >= 0;
}

function convertNumeralRuns(out: Output): void {
  const codes = out.codes;
  let i = 0;
  while (i < out.length) {
    if (!isDigitLike(codes[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let chinese = 0;
    while (j < out.length && isDigitLike(codes[j]!)) {
      if (chineseDigitValue[codes[j]!]! >= 0) chinese++;
      j++;
    }
    if (chinese > 0 && j - i >= MIN_NUMERAL_RUN) {
      for (let k = i; k < j; k++) {
        const value = chineseDigitValue[codes[k]!]!;
        if (value >= 0) codes[k] = 0x30 + value;
      }
    }
    i = j;
  }
}

/** The variant that applies at position i (longest, whole word when ASCII), or -1. */
function variantAt(automaton: AhoCorasick, input: Output, i: number): number {
  const id = automaton.longestAt(input.codes, input.length, i);
  if (id < 0 || variantIsAsciiWord[id] === 0) return id;
  const end = i + KEYWORD_VARIANTS[id]!.variant.length;
  const codes = input.codes;
  return (i === 0 || !isAsciiLetter(codes[i - 1]!)) && (end >= input.length || !isAsciiLetter(codes[end]!))
    ? id
    : -1;
}

function rewriteVariants(input: Output, out: Output): Output {
  const automaton = variants();
  const codes = input.codes;
  // Most messages hold no variant: find the first one before copying anything.
  let first = 0;
  while (first < input.length && variantAt(automaton, input, first) < 0) first++;
  if (first === input.length) return input;
  for (let i = 0; i < first; i++) out.push(codes[i]!, input.start[i]!, input.end[i]!);
  for (let i = first; i < input.length;) {
    const id = variantAt(automaton, input, i);
    if (id >= 0) {
      const end = i + KEYWORD_VARIANTS[id]!.variant.length;
      const word = variantWords[id]!;
      const from = input.start[i]!;
      const to = input.end[end - 1]!;
      for (let k = 0; k < word.length; k++) out.push(word.charCodeAt(k), from, to);
      i = end;
      continue;
    }
    out.push(codes[i]!, input.start[i]!, input.end[i]!);
    i++;
  }
  return out;
}

function isAsciiLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function codesToString(codes: Uint16Array, length: number): string {
  // fromCharCode.apply has an argument limit; chunk long messages.
  let s = '';
  for (let i = 0; i < length; i += 4096) {
    s += String.fromCharCode.apply(
      null,
      codes.subarray(i, Math.min(length, i + 4096)) as unknown as number[],
    );
  }
  return s;
}
