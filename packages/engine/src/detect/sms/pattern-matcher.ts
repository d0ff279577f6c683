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

  const match = (normalised: ScratchNormalisedText, original: string): PatternEvidence[] => {
    const evidence: PatternEvidence[] = [];
    const { start: originStart, end: originEnd } = normalised;
    const locate = (start: number, end: number) => {
      const from = originStart[start]!;
      const to = originEnd[end - 1]!;
      return { text: original.slice(from, to), start: from, end: to };
    };
    regexArmed.fill(0);
    let anyArmed = false;
    automaton.scan(normalised.codes, normalised.length, (literal, start, end) => {
      const o = owner[literal]!;
      if (isAnchor[literal] === 1) {
        regexArmed[o] = 1;
        anyArmed = true;
        return;
      }
      const pattern = set.keywords[o]!;
      // A shorter key word inside a longer hit of the same pattern (洗钱 in 涉嫌洗钱) adds nothing.
      const previous = evidence[evidence.length - 1];
      if (
        previous &&
        previous.patternId === pattern.id &&
        originStart[start]! >= previous.start &&
        originEnd[end - 1]! <= previous.end
      )
        return;
      evidence.push({
        kind: 'pattern',
        patternId: pattern.id,
        category: pattern.category,
        weight: pattern.weight,
        ...locate(start, end),
      });
    });
    if (anyArmed) {
      const text = scratchText(normalised);
      for (let r = 0; r < set.regexes.length; r++) {
        if (regexArmed[r] === 0) continue;
        const pattern = set.regexes[r]!;
        const found = pattern.regex.exec(text);
        if (found && found[0].length > 0) {
          evidence.push({
            kind: 'pattern',
            patternId: pattern.id,
            category: pattern.category,
            weight: pattern.weight,
            ...locate(found.index, found.index + found[0].length),
          });
        }
      }
    }
    return evidence;
  };

  return {
    version: set.version,
    patternIds: [...set.keywords.map((p) => p.id), ...set.regexes.map((p) => p.id)],
    match,
  };
}
