/**
 * 64-bit keys for normalized numbers. E.164 numbers ("+8613812345678", at most 15 digits) map to the
 * value of their digits, below 10^15; bare service numbers and SMS ports ("95588", "10690000", up to 20
 * digits) to 10^15 + the value of their digits. Neither form has a leading zero, so the mapping is
 * exact and one-to-one: a number lookup never matches another number. Prefixes use the same mapping in
 * their own tables, one probe per listed prefix length.
 */

/** The last encoded key's halves. Read them immediately after an encode call. */
export const numberKey = { high: 0, low: 0 };

export type NumberNamespace = 'e164' | 'bare';

const TWO_32 = 4294967296;
const BARE_OFFSET = 1e15;
const limbs = new Uint32Array(4);

/** Encodes `digits` (no sign, no leading zero) of a namespace; false when it cannot be a key. */
export function encodeDigits(digits: string, namespace: NumberNamespace): boolean {
  const length = digits.length;
  if (length === 0 || length > 20 || (namespace === 'e164' && length > 15)) return false;
  if (length <= 15) {
    const value = Number(digits) + (namespace === 'bare' ? BARE_OFFSET : 0);
    numberKey.high = Math.floor(value / TWO_32);
    numberKey.low = value >>> 0;
    return true;
  }
  // 16–20 digit SMS ports exceed 2^53: exact 64-bit arithmetic on four 16-bit limbs.
  limbs.fill(0);
  for (let i = 0; i < length; i++) {
    let carry = digits.charCodeAt(i) - 48;
    for (let l = 0; l < 4; l++) {
      const t = limbs[l]! * 10 + carry;
      limbs[l] = t & 0xffff;
      carry = t >>> 16;
    }
    if (carry !== 0) return false;
  }
  let carry = 0;
  let offset = BARE_OFFSET;
  for (let l = 0; l < 4; l++) {
    const t = limbs[l]! + (offset % 0x10000) + carry;
    offset = Math.floor(offset / 0x10000);
    limbs[l] = t & 0xffff;
    carry = t >>> 16;
  }
  if (carry !== 0) return false;
  numberKey.high = ((limbs[3]! << 16) | limbs[2]!) >>> 0;
  numberKey.low = ((limbs[1]! << 16) | limbs[0]!) >>> 0;
  return true;
}

/** Encodes an E.164 number given as the value of its digits (8613812345678). */
export function encodeE164Value(value: number): void {
  numberKey.high = Math.floor(value / TWO_32);
  numberKey.low = value >>> 0;
}

/** Splits a normalized number into its namespace and digits; null when it is not normalized. */
export function splitNormalized(normalized: string): { namespace: NumberNamespace; digits: string } | null {
  const e164 = normalized.charCodeAt(0) === 43;
  const from = e164 ? 1 : 0;
  const length = normalized.length - from;
  if (length < 1 || length > (e164 ? 15 : 20) || normalized.charCodeAt(from) === 48) return null;
  for (let i = from; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return e164
    ? { namespace: 'e164', digits: normalized.slice(1) }
    : { namespace: 'bare', digits: normalized };
}
