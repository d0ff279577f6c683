/**
 * A bijective scramble of 64-bit keys held as two uint32 halves. The indices sort keys by their mixed
 * form, so that the top bits of the mixed high half spread any input — clumped phone ranges, similar
 * domains — evenly over the slot directory. Bijective (a three-round Feistel network), so distinct
 * keys never collide: number lookups stay exact.
 *
 * Results are returned through `mixed` ([high, low]) to keep the hot path free of allocations.
 */

/** The last mix's halves: [high, low]. Read them immediately after calling `mix`. */
export const mixed = new Uint32Array(2);

/** The Feistel round function: a murmur3-style finaliser of `value` salted with `seed`. */
function round(value: number, seed: number): number {
  let x = Math.imul(value ^ seed, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

export function mix(high: number, low: number): void {
  const h1 = high ^ round(low, 0x9e3779b9);
  const l1 = low ^ round(h1, 0x7f4a7c15);
  mixed[0] = h1 ^ round(l1, 0x165667b1);
  mixed[1] = l1;
}

/** The last unmix's raw halves: [high, low]. */
export const unmixed = new Uint32Array(2);

/** The inverse of `mix`: the raw key whose mixed halves are (high, low), to `unmixed`. */
export function unmix(high: number, low: number): void {
  const h1 = high ^ round(low, 0x165667b1);
  const rawLow = low ^ round(h1, 0x7f4a7c15);
  unmixed[0] = h1 ^ round(rawLow, 0x9e3779b9);
  unmixed[1] = rawLow;
}
