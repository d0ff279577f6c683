/**
 * How much of a domain name reads as pinyin. Chinese businesses name their domains in pinyin
 * (ludashi, lufangjia); the fraud sites in the data mostly borrow English words or random letters, so
 * pinyin coverage is a strong, explainable feature of a domain's own name.
 */
const INITIALS = [
  '',
  'b',
  'p',
  'm',
  'f',
  'd',
  't',
  'n',
  'l',
  'g',
  'k',
  'h',
  'j',
  'q',
  'x',
  'zh',
  'ch',
  'sh',
  'r',
  'z',
  'c',
  's',
  'y',
  'w',
];
const FINALS = [
  'a',
  'o',
  'e',
  'i',
  'u',
  'v',
  'ai',
  'ei',
  'ui',
  'ao',
  'ou',
  'iu',
  'ie',
  've',
  'ue',
  'er',
  'an',
  'en',
  'in',
  'un',
  'vn',
  'ang',
  'eng',
  'ing',
  'ong',
  'ia',
  'iao',
  'ian',
  'iang',
  'iong',
  'ua',
  'uo',
  'uai',
  'uan',
  'uang',
];

/** Every initial+final combination: a superset of real syllables, which is fine for a coverage measure. */
const SYLLABLES: ReadonlySet<string> = new Set(INITIALS.flatMap((i) => FINALS.map((f) => i + f)));
const MAX_SYLLABLE = 6;

/** Share (0..1) of the name's letters covered by a segmentation into pinyin syllables of 2+ letters. */
export function pinyinCoverage(name: string): number {
  const letters = name.replace(/[^a-z]/g, '');
  const n = letters.length;
  if (n === 0) return 0;
  const best = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    best[i] = best[i - 1]!;
    for (let len = 2; len <= Math.min(MAX_SYLLABLE, i); len++) {
      if (SYLLABLES.has(letters.slice(i - len, i))) best[i] = Math.max(best[i]!, best[i - len]! + len);
    }
  }
  return best[n]! / n;
}
