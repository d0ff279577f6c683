/**
 * Reads the ways people and systems write a phone number — full-width digits, `tel:` URIs, `+`/`00`
 * prefixes, brackets, dashes, dots and spaces — into bare digits. Knows nothing of the number plan.
 */

export type WrittenNumber =
  | {
      ok: true;
      digits: string;
      /** written with `+` or `00`: the digits start with a country code */ international: boolean;
    }
  | { ok: false; reason: 'not_a_number' };

// Separators seen in the wild between digit groups. Letters are never accepted: "138abc" is not a
// number, and vanity numbers are not used in China.
const SEPARATORS = /[\s\-.()[\]/\u2010-\u2015\u2212\u00a0\u3000]/g;

/** Bare ASCII digits, optionally after a '+': how machines send numbers, read without any RegExp. */
function plainDigits(input: string): WrittenNumber | null {
  const international = input.charCodeAt(0) === 43;
  const from = international ? 1 : 0;
  if (input.length === from) return null;
  for (let i = from; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const digits = international ? input.slice(1) : input;
  if (!international && digits.startsWith('00')) {
    // "00" alone is no number: leave it to the full reading, which says so.
    return digits.length > 2 ? { ok: true, digits: digits.slice(2), international: true } : null;
  }
  return { ok: true, digits, international };
}

export function readWrittenNumber(input: string): WrittenNumber {
  const plain = plainDigits(input);
  if (plain) return plain;
  // NFKC folds full-width digits, plus signs, brackets and dashes (１３８, ＋, （）, －) to ASCII.
  let text = input.normalize('NFKC').trim();
  if (/^tel:/i.test(text)) {
    // RFC 3966: parameters such as ;phone-context= or ;ext= follow the number.
    text = text.slice(4);
    const parameters = text.indexOf(';');
    if (parameters >= 0) text = text.slice(0, parameters);
    try {
      text = decodeURIComponent(text);
    } catch {
      return { ok: false, reason: 'not_a_number' };
    }
  }
  text = text.replace(SEPARATORS, '');
  let international = false;
  if (text.startsWith('+')) {
    international = true;
    text = text.slice(1);
  } else if (text.startsWith('00')) {
    international = true;
    text = text.slice(2);
  }
  if (text.length === 0 || !/^\d+$/.test(text)) return { ok: false, reason: 'not_a_number' };
  return { ok: true, digits: text, international };
}
