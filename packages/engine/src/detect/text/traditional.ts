/**
 * Traditional to simplified Chinese (opencc-js, phrase aware). Conversion costs microseconds per
 * message, so it runs only when the message holds at least one character that OpenCC's
 * traditional-to-simplified character table would change; most messages are already simplified.
 */
import { Converter, Locale } from 'opencc-js/t2cn';

let converter: ((text: string) => string) | undefined;
let traditionalChars: Uint8Array | undefined;

function flagTraditionalChars(): Uint8Array {
  const flags = new Uint8Array(65536);
  for (const group of Locale.to.cn ?? []) {
    for (const dict of group) {
      const entries: string[] =
        typeof dict === 'string'
          ? dict.split('|').map((e) => e.split(' ')[0] ?? '')
          : dict.map((e: string[]) => e[0] ?? '');
      for (const key of entries) {
        // Flag every character of the key: a phrase entry only matters when one of its characters is traditional.
        for (let i = 0; i < key.length; i++) flags[key.charCodeAt(i)] = 1;
      }
    }
  }
  // Phrase keys also contain simplified characters shared by both scripts; clear those the character
  // table itself leaves unchanged so that simplified text stays on the fast path.
  const convert = getConverter();
  for (let c = 0x3400; c < 0xa000; c++) {
    if (flags[c] === 1 && convert(String.fromCharCode(c)) === String.fromCharCode(c)) flags[c] = 0;
  }
  return flags;
}

function getConverter(): (text: string) => string {
  const convert = converter ?? (Converter({ from: 't', to: 'cn' }) as (text: string) => string);
  converter = convert;
  return convert;
}

/** Whether `codes[0..length)` holds a character that conversion would change. */
export function hasTraditional(codes: Uint16Array, length: number): boolean {
  traditionalChars ??= flagTraditionalChars();
  for (let i = 0; i < length; i++) if (traditionalChars[codes[i]!] === 1) return true;
  return false;
}

/** Simplified form of `text` (phrase aware). */
export function toSimplified(text: string): string {
  return getConverter()(text);
}
