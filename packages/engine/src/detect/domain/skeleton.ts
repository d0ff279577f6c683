/**
 * The "skeleton" of a domain label: what a reader sees, with lookalikes collapsed (Cyrillic а and Latin a,
 * 0 and o, 1 and l, rn and m, vv and w, accents removed). Two labels with the same skeleton are
 * homographs. Used only for comparison with brand names, never shown.
 */
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  ɑ: 'a',
  ο: 'o',
  α: 'a',
  ν: 'v',
  κ: 'k',
  τ: 't',
  ρ: 'p',
  ι: 'i',
  υ: 'u',
  χ: 'x',
  ε: 'e',
  η: 'n',
  ω: 'w',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ß: 'ss',
};

/** Lookalike sequences in ASCII, longest first, and the letter they pass for. */
const ASCII_LOOKALIKES: ReadonlyArray<readonly [RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/0/g, 'o'],
  [/[1i|]/g, 'l'],
];

export function domainSkeleton(label: string): string {
  let s = '';
  for (const ch of label.toLowerCase().normalize('NFD')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue; // combining accents
    s += CONFUSABLES[ch] ?? ch;
  }
  for (const [pattern, replacement] of ASCII_LOOKALIKES) s = s.replace(pattern, replacement);
  return s;
}

/** Whether a label mixes scripts (Latin with Cyrillic or Greek): the mark of an IDN homograph. */
export function isMixedScript(label: string): boolean {
  const latin = /[a-z]/i.test(label);
  const other = /[\u0370-\u03ff\u0400-\u04ff]/.test(label);
  return latin && other;
}

// Three DP rows reused across calls (scoring is synchronous); grown for long labels.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/** Damerau-Levenshtein distance (optimal string alignment), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [twoBack, previous, current] = rows;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, twoBack[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[n]!;
}

/** Whether `a` and `b` differ in exactly one character whose codes differ in exactly one bit. */
export function isBitFlip(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diffs = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i) ^ b.charCodeAt(i);
    if (x === 0) continue;
    if ((x & (x - 1)) !== 0 || ++diffs > 1) return false;
  }
  return diffs === 1;
}
