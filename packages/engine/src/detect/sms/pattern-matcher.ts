/**
 * Matches the SMS pattern set against a normalised message: one Aho-Corasick pass finds every key word
 * and every regex anchor; a regex runs only when one of its anchors occurred. Hits come back as
 * evidence with the span of the original message they were found in.
 */
import { buildAhoCorasick, type AhoCorasick } from '../text/aho-corasick.js';
import { normaliseSmsText, scratchText, type ScratchNormalisedText } from '../text/normalise.js';
import {
  SMS_KEYWORD_PATTERNS,
  SMS_PATTERN_SET_VERSION,
  SMS_REGEX_PATTERNS,
  type PatternCategory,
  type SmsKeywordPattern,
  type SmsRegexPattern,
} from './patterns.js';

/** One pattern hit, located in the original message. */
export interface PatternEvidence {
  readonly kind: 'pattern';
  readonly patternId: string;
  readonly category: PatternCategory;
  readonly weight: number;
  /** The original message's text at [start, end). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface SmsPatternMatcher {
  readonly version: string;
  /** Pattern ids in a fixed order; `PatternHits.patternIndex` indexes into it. */
  readonly patternIds: readonly string[];
  match(normalised: ScratchNormalisedText, original: string): PatternEvidence[];
}

export interface SmsPatternSet {
  readonly version: string;
  readonly keywords: readonly SmsKeywordPattern[];
  readonly regexes: readonly SmsRegexPattern[];
}

export const DEFAULT_SMS_PATTERN_SET: SmsPatternSet = {
  version: SMS_PATTERN_SET_VERSION,
  keywords: SMS_KEYWORD_PATTERNS,
  regexes: SMS_REGEX_PATTERNS,
};

/** What each automaton pattern stands for: a key word of pattern `owner`, or an anchor of regex `owner`. */
interface Literal {
  readonly owner: number;
  readonly isAnchor: boolean;
}

export function compileSmsPatterns(set: SmsPatternSet = DEFAULT_SMS_PATTERN_SET): SmsPatternMatcher {
  const literals: Literal[] = [];
  const strings: string[] = [];
  const seen = new Set<string>();
  const add = (text: string, literal: Literal): void => {
    const normalised = normaliseSmsText(text).text;
    // Spellings that normalise alike (安全账号, 安全账户) are one literal: report each hit once.
    const key = `${literal.isAnchor ? 'a' : 'k'}${literal.owner}:${normalised}`;
    if (normalised.length === 0 || seen.has(key)) return;
    seen.add(key);
    strings.push(normalised);
    literals.push(literal);
  };
  set.keywords.forEach((pattern, owner) => {
    for (const keyword of pattern.keywords) add(keyword, { owner, isAnchor: false });
  });
  set.regexes.forEach((pattern, owner) => {
    for (const anchor of pattern.anchors) add(anchor, { owner, isAnchor: true });
  });
  const automaton: AhoCorasick = buildAhoCorasick(strings);
  const isAnchor = Uint8Array.from(literals, (l) => (l.isAnchor ? 1 : 0));
  const owner = Int32Array.from(literals, (l) => l.owner);
  const regexArmed = new Uint8Array(set.regexes.length);

  // Per-call state for the visitor below. The visitor is created once, not per message: matching runs
  // for every SMS and must not allocate a closure each time.
  let evidence: PatternEvidence[] = [];
  let current: ScratchNormalisedText | undefined;
  let currentOriginal = '';
  let anyArmed = false;

  const pushHit = (pattern: SmsKeywordPattern | SmsRegexPattern, start: number, end: number): void => {
    const from = current!.start[start]!;
    const to = current!.end[end - 1]!;
    // A shorter key word inside a longer hit of the same pattern (洗钱 in 涉嫌洗钱) adds nothing.
    const previous = evidence[evidence.length - 1];
    if (previous && previous.patternId === pattern.id && from >= previous.start && to <= previous.end) return;
    evidence.push({
      kind: 'pattern',
      patternId: pattern.id,
      category: pattern.category,
      weight: pattern.weight,
      text: currentOriginal.slice(from, to),
      start: from,
      end: to,
    });
  };

  const visit = (literal: number, start: number, end: number): void => {
    const o = owner[literal]!;
    if (isAnchor[literal] === 1) {
      regexArmed[o] = 1;
      anyArmed = true;
    } else pushHit(set.keywords[o]!, start, end);
  };

  const match = (normalised: ScratchNormalisedText, original: string): PatternEvidence[] => {
    evidence = [];
    current = normalised;
    currentOriginal = original;
    anyArmed = false;
    regexArmed.fill(0);
    automaton.scan(normalised.codes, normalised.length, visit);
    if (anyArmed) {
      const text = scratchText(normalised);
      for (let r = 0; r < set.regexes.length; r++) {
        if (regexArmed[r] === 0) continue;
        const pattern = set.regexes[r]!;
        const found = pattern.regex.exec(text);
        if (found && found[0].length > 0) pushHit(pattern, found.index, found.index + found[0].length);
      }
    }
    const result = evidence;
    current = undefined;
    return result;
  };

  return {
    version: set.version,
    patternIds: [...set.keywords.map((p) => p.id), ...set.regexes.map((p) => p.id)],
    match,
  };
}
