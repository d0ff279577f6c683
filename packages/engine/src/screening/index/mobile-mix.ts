/**
 * The mobile domain: 13-digit E.164 numbers from +8610… to +8674… (2^37 values, every China mobile
 * number among them), and the bijective scramble the mobile tables file them under.
 *
 * A number's offset from `MOBILE_BASE` (37 bits, exact in a double) is split into an 18-bit and a
 * 19-bit half and scrambled by a three-round Feistel network (`mobileMix`): clumped ranges spread
 * evenly over a table's buckets, and distinct numbers never collide, so lookups stay exact.
 */
import { mixed } from './key-mix.js';

/** The first key of the domain: +86 10 0000 0000 (E.164 digits as a number). */
export const MOBILE_BASE = 8_610_000_000_000;
/** How many keys the domain holds: 2^37, up to +86 74… — every value has 13 digits. */
export const MOBILE_SPAN = 2 ** 37;

export const TWO_32 = 4294967296;
/** The Feistel halves: x, the top 18 bits of the 37, and y, the low 19. */
export const Y_SCALE = 524288;
export const X_MASK = 0x3ffff;
export const Y_MASK = 0x7ffff;
/** The round keys (mobile-kernel.wat repeats the rounds with the same keys). */
const SEED_1 = 0x5bd1e995;
const SEED_2 = 0x27d4eb2f;
const SEED_3 = 0x165667b1;

/** Whether a raw 64-bit key (high, low halves of an E.164 value) is in the domain. */
export function inMobileDomain(high: number, low: number): boolean {
  const offset = high * TWO_32 + low - MOBILE_BASE;
  return offset >= 0 && offset < MOBILE_SPAN;
}

/** A Feistel round function: one multiply, then the product's high bits folded onto its low ones. */
export function feistelRound(value: number, seed: number): number {
  const x = Math.imul(value ^ seed, 0x85ebca6b);
  return x ^ (x >>> 15);
}

/**
 * Scrambles a domain value's offset (0 ≤ offset < 2^37, an integer) into its mixed halves:
 * mixed[0] = x (18 bits), mixed[1] = y (19 bits). The split uses the offset's low 32 bits
 * (`>>> 0` is exact for an integer below 2^53) and its high 5 (a multiply by 2^-32, truncated):
 * no division.
 */
export function mobileMixOffset(offset: number): void {
  const low = offset >>> 0;
  let x = (((offset * (1 / TWO_32)) | 0) << 13) | (low >>> 19);
  let y = low & Y_MASK;
  x = (x ^ feistelRound(y, SEED_1)) & X_MASK;
  y = (y ^ feistelRound(x, SEED_2)) & Y_MASK;
  x = (x ^ feistelRound(y, SEED_3)) & X_MASK;
  mixed[0] = x;
  mixed[1] = y;
}

/** `mobileMixOffset` for a raw key (high, low) in the domain (see `inMobileDomain`). */
export function mobileMix(high: number, low: number): void {
  mobileMixOffset(high * TWO_32 + low - MOBILE_BASE);
}

/** The E.164 value (8613812345678) whose mixed halves are (x, y). */
export function mobileUnmix(x: number, y: number): number {
  x = (x ^ feistelRound(y, SEED_3)) & X_MASK;
  y = (y ^ feistelRound(x, SEED_2)) & Y_MASK;
  x = (x ^ feistelRound(y, SEED_1)) & X_MASK;
  return MOBILE_BASE + x * Y_SCALE + y;
}
