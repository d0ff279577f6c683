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

export function mix(high: number, low: number): void {
  let x = Math.imul(low ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  const h1 = high ^ x ^ (x >>> 16);
  x = Math.imul(h1 ^ 0x7f4a7c15, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  const l1 = low ^ x ^ (x >>> 16);
  x = Math.imul(l1 ^ 0x165667b1, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  mixed[0] = h1 ^ x ^ (x >>> 16);
  mixed[1] = l1;
}
