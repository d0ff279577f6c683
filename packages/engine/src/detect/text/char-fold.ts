/**
 * Per-character folding tables for the SMS normaliser: which code units are dropped (zero-width,
 * invisible, variation selectors), which are separators that evasion puts inside words, and what every
 * other code unit becomes (full-width to half-width, compatibility forms via NFKC, circled and dingbat
 * numerals, Latin lookalikes from Cyrillic and Greek, ASCII lower case). Built once, lazily, as typed
 * arrays so that folding a message is one table look-up per character.
 */

/** Character classes stored in `FoldTables.kind`. */
export const KEEP = 0;
export const DROP = 1;
export const SEPARATOR = 2;
/** Folds to several characters (for example ⑩ → "10"); the text is in `FoldTables.expansions`. */
export const EXPAND = 3;

export interface FoldTables {
  /** Replacement code unit for KEEP and SEPARATOR characters. */
  readonly fold: Uint16Array;
  readonly kind: Uint8Array;
  readonly expansions: ReadonlyMap<number, string>;
}

/** Invisible characters that fraud senders insert to split key words. */
const DROPPED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x061c, 0x061c],
  [0x115f, 0x1160], // Hangul fillers render as blanks
  [0x17b4, 0x17b5],
  [0x180b, 0x180e],
  [0x200b, 0x200f], // zero-width space, joiners, direction marks
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f], // variation selectors (emoji presentation)
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff0, 0xfffb],
];

/**
 * Characters that evasion puts between the characters of a key word ("加 V 信", "威/信", "微.信").
 * They are only dropped next to Chinese characters (see normalise.ts), so URLs and numbers keep theirs.
 */
const SEPARATORS =
  ' \t\r\n\u00a0\u3000/\\|-_.·•‧∙・*~^`\'"=#…—–‐‑丨⁄∕⧸﹍﹎﹏' +
  '\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f';

/** Ranges where NFKC gives the plain form (full-width, enclosed and compatibility characters). */
const NFKC_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00b2, 0x00b9], // superscript digits
  [0x2070, 0x209f], // super- and subscripts
  [0x2100, 0x218f], // letter-like symbols, Roman numerals
  [0x2460, 0x24ff], // circled and parenthesised numbers and letters
  [0x2e80, 0x2fdf], // CJK and Kangxi radicals (⼈ → 人)
  [0x3200, 0x33ff], // enclosed CJK (㈠ → (一)), CJK compatibility
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // vertical forms
  [0xfe50, 0xfe6f], // small forms
  [0xff01, 0xffee], // full-width ASCII and half-width forms
];

/** Latin lookalikes (homoglyphs) from Cyrillic, Greek and IPA, folded to the lower-case Latin letter. */
const LOOKALIKES =
  'аaеeоoрpсcуyхxіiјjѕsԁdһhԛqԝwɡgɑaοoαaνvκkτtρpιiυuχxβbεeηnωw' +
  'АaВbЕeКkМmНhОoРpСcТtХxІiЈjЅsΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧx';

/** Dingbat numerals (no NFKC decomposition): ❶..❿, ➀..➉, ➊..➓ are 1..10 three times. */
const DINGBAT_DIGIT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x2776, 0x277f],
  [0x2780, 0x2789],
  [0x278a, 0x2793],
];

let tables: FoldTables | undefined;

/** The folding tables (built on first use, then shared). */
export function foldTables(): FoldTables {
  tables ??= buildFoldTables();
  return tables;
}

function buildFoldTables(): FoldTables {
  const fold = new Uint16Array(65536);
  const kind = new Uint8Array(65536);
  const expansions = new Map<number, string>();
  for (let c = 0; c < 65536; c++) fold[c] = c;

  const setText = (c: number, text: string): void => {
    const lower = text.toLowerCase();
    if (lower.length === 0) kind[c] = DROP;
    else if (lower.length === 1) fold[c] = lower.charCodeAt(0);
    else {
      kind[c] = EXPAND;
      expansions.set(c, lower);
    }
  };

  for (const [from, to] of NFKC_RANGES) {
    for (let c = from; c <= to; c++) {
      const nfkc = String.fromCharCode(c).normalize('NFKC');
      // Keep only forms that became ASCII or CJK: other scripts' compatibility forms stay as they are.
      if (nfkc !== String.fromCharCode(c) && /^[\x20-\x7e\u3000-\u303f\u4e00-\u9fff]+$/.test(nfkc)) {
        setText(c, nfkc.replace(/^\((.+)\)$/, '$1'));
      }
    }
  }
  for (const [from, to] of DINGBAT_DIGIT_RANGES) {
    for (let c = from; c <= to; c++) setText(c, String(c - from + 1));
  }
  for (let i = 0; i < LOOKALIKES.length; i += 2) {
    fold[LOOKALIKES.charCodeAt(i)] = LOOKALIKES.charCodeAt(i + 1);
  }
  for (let c = 0x41; c <= 0x5a; c++) fold[c] = c + 32;
  for (const [from, to] of DROPPED_RANGES) for (let c = from; c <= to; c++) kind[c] = DROP;
  // Separators are looked up after folding, so full-width forms (／, ｜) are covered by their ASCII form.
  for (const ch of SEPARATORS) kind[ch.charCodeAt(0)] = SEPARATOR;
  // Emoji and pictographs in the BMP (☎, ✉, ★): treated like separators inside words.
  for (const [from, to] of [
    [0x2190, 0x21ff],
    [0x2300, 0x23ff],
    [0x25a0, 0x27bf],
    [0x2b00, 0x2bff],
  ] as const) {
    for (let c = from; c <= to; c++) if (kind[c] === KEEP && fold[c] === c) kind[c] = SEPARATOR;
  }
  return { fold, kind, expansions };
}

/** A Chinese ideograph (the characters next to which separators are evasion, not punctuation). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** ASCII letter or digit (after folding, so lower case only). */
export function isAsciiWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}
