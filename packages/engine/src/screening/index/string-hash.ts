/**
 * Keyed 64-bit string hashes (two 32-bit lanes) for the domain, URL and account indices, computed in
 * one pass with a snapshot at every boundary the caller asks for, so that a host's suffixes or a URL's
 * prefixes cost one pass in total. Not cryptographic: the seed (chosen by the platform, e.g. random
 * per process) keeps outsiders from crafting a host that collides with an allow-listed one. With n
 * listed values a random lookup falsely matches with probability ~n / 2^64 (1e-13 at 2 million).
 */

export interface HashSeed {
  high: number;
  low: number;
}

export const DEFAULT_SEED: HashSeed = { high: 0x2f6b_3a91, low: 0x8c1e_54d7 };

/** The last finished hash: [high, low]. */
export const hashed = new Uint32Array(2);

/** Finishes lanes (a, b) of a string of `length` characters into `hashed`. */
export function finishHash(a: number, b: number, length: number): void {
  let h = Math.imul(a ^ length ^ (b >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  hashed[0] = h ^ (h >>> 16);
  let l = Math.imul(b ^ Math.imul(length, 0x27d4eb2d) ^ (a >>> 17), 0xcc9e2d51);
  l ^= l >>> 15;
  l = Math.imul(l, 0x1b873593);
  hashed[1] = l ^ (l >>> 16);
}

/** Hash of the whole string, read left to right. */
export function hashString(text: string, seed: HashSeed = DEFAULT_SEED): void {
  let a = seed.high;
  let b = seed.low;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b ^ c) + (b >>> 7), 0x5bd1e995);
  }
  finishHash(a, b, text.length);
}

/**
 * Hashes of `text[from..]` for each `from` where `text[from - 1]` is `separator` and for `from = 0`,
 * read right to left: a host's suffixes "cn", "evil.cn", "www.evil.cn". Calls `visit(from)` with the
 * suffix's hash in `hashed`; stops early when `visit` returns false.
 */
export function hashSuffixes(
  text: string,
  separator: number,
  seed: HashSeed,
  visit: (from: number) => boolean,
): void {
  let a = seed.high;
  let b = seed.low;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b ^ c) + (b >>> 7), 0x5bd1e995);
    if (i === 0 || text.charCodeAt(i - 1) === separator) {
      finishHash(a, b, text.length - i);
      if (!visit(i)) return;
    }
  }
}

/** The hash of a suffix of `text` starting at `from`, as `hashSuffixes` computes it. */
export function hashSuffix(text: string, from: number, seed: HashSeed = DEFAULT_SEED): void {
  let a = seed.high;
  let b = seed.low;
  for (let i = text.length - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b ^ c) + (b >>> 7), 0x5bd1e995);
  }
  finishHash(a, b, text.length - from);
}

/**
 * Hashes of the prefixes `text[..end]` for each end where the prefix is followed by `separator` or
 * the end, read left to right ("evil.cn/", "evil.cn/a/" … ). `visit(end)` sees the hash in `hashed`.
 */
export function hashPrefixes(
  text: string,
  isBoundary: (text: string, end: number) => boolean,
  seed: HashSeed,
  visit: (end: number) => void,
): void {
  let a = seed.high;
  let b = seed.low;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b ^ c) + (b >>> 7), 0x5bd1e995);
    if (i === text.length - 1 || isBoundary(text, i + 1)) {
      finishHash(a, b, i + 1);
      visit(i + 1);
    }
  }
}
