/**
 * Number ranges as listed by analysts: "1700" (a virtual-operator range), "95" (every 95 number),
 * "+852", "010-8", "1069". Domestic forms are read the way `classifyNumber` reads numbers: mobile and
 * 0-area-code prefixes become E.164 prefixes, service and SMS-port prefixes stay bare.
 */
import type { NumberNamespace } from './number-key.js';

export type NumberPrefix =
  | { ok: true; namespace: NumberNamespace; digits: string; normalized: string }
  | { ok: false; reason: 'not_a_number' | 'too_long' | 'bad_prefix' };

export function normalizeNumberPrefix(input: string): NumberPrefix {
  let text = String(input)
    .normalize('NFKC')
    .trim()
    .replace(/[\s\-.()]/g, '');
  let international = false;
  if (text.startsWith('+')) {
    international = true;
    text = text.slice(1);
  } else if (text.startsWith('00')) {
    international = true;
    text = text.slice(2);
  }
  if (!/^\d+$/.test(text)) return { ok: false, reason: 'not_a_number' };
  if (international) return e164(text);
  if (text.startsWith('0')) return text.length > 1 && text[1] !== '0' ? e164(`86${text.slice(1)}`) : bad();
  if (/^1[3-9]/.test(text) || text === '1') return text === '1' ? bad() : e164(`86${text}`);
  if (/^(9[56]|400|800|1[0-2])/.test(text) || text === '9' || text === '4' || text === '8') return bare(text);
  return bad();
}

function e164(digits: string): NumberPrefix {
  if (digits.length > 15) return { ok: false, reason: 'too_long' };
  if (digits.startsWith('0')) return bad();
  return { ok: true, namespace: 'e164', digits, normalized: `+${digits}` };
}

function bare(digits: string): NumberPrefix {
  if (digits.length > 15) return { ok: false, reason: 'too_long' };
  return { ok: true, namespace: 'bare', digits, normalized: digits };
}

function bad(): NumberPrefix {
  return { ok: false, reason: 'bad_prefix' };
}
