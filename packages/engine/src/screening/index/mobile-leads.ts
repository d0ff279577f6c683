/**
 * The mobile domain's numbers by their first 6 digits ("lead": 861380 for +8613812345678), offset
 * from 861000: a set bit says some listed E.164 range may hold numbers of that lead, so that a
 * mobile number's range probes are skipped without dividing it by powers of ten and hashing.
 */
import { MOBILE_BASE, MOBILE_SPAN } from './mobile-table.js';

/** A mobile number's lead bit is floor((value − MOBILE_BASE) / LEAD_DIVISOR). */
export const LEAD_DIVISOR = 1e7;
const LEAD_FIRST = MOBILE_BASE / LEAD_DIVISOR;
const LEAD_COUNT = Math.floor((MOBILE_SPAN - 1) / LEAD_DIVISOR) + 1;

/** An empty lead bitmap. */
export const newLeadBits = (): Uint32Array => new Uint32Array(Math.ceil(LEAD_COUNT / 32));

/** Sets the lead bits an E.164 range (the value of its digits) may cover. */
export function markLeads(leads: Uint32Array, prefix: number): void {
  const digits = digitCount(prefix);
  if (digits > 13) return;
  const from = digits >= 6 ? Math.floor(prefix / POW10[digits - 6]!) : prefix * POW10[6 - digits]!;
  const to = digits >= 6 ? from + 1 : (prefix + 1) * POW10[6 - digits]!;
  for (let lead = Math.max(from, LEAD_FIRST); lead < Math.min(to, LEAD_FIRST + LEAD_COUNT); lead++) {
    const bit = lead - LEAD_FIRST;
    leads[bit >>> 5]! |= 1 << (bit & 31);
  }
}

export const POW10 = Array.from({ length: 21 }, (_, i) => 10 ** i);

/** Digits of a positive integer below 10^16, by comparisons (E.164 values have 8–15). */
export function digitCount(value: number): number {
  if (value >= 1e12) return value >= 1e14 ? (value >= 1e15 ? 16 : 15) : value >= 1e13 ? 14 : 13;
  let digits = 1;
  while (digits < 12 && value >= POW10[digits]!) digits++;
  return digits;
}
