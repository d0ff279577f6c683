/**
 * A seeded pseudo-random generator (mulberry32) and helpers built on it. Training and data splits use
 * only this, never Math.random, so that every run with the same seed gives the same bytes.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `items` in place (Fisher-Yates) with the given generator. */
export function shuffleInPlace<T>(items: T[] | Int32Array, random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}

/**
 * Splits examples into training and held-out parts, stratified by `stratum` (each stratum gives the
 * same fraction), reproducibly for a seed. Strata are processed in sorted order and keep input order
 * before shuffling, so the split depends only on the data and the seed.
 */
export function stratifiedSplit<T>(
  examples: readonly T[],
  stratum: (example: T) => string,
  holdoutFraction: number,
  seed: number,
): { train: T[]; holdout: T[] } {
  const groups = new Map<string, T[]>();
  for (const example of examples) {
    const key = stratum(example);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(example);
  }
  const random = mulberry32(seed);
  const train: T[] = [];
  const holdout: T[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = [...groups.get(key)!];
    shuffleInPlace(group, random);
    const cut = Math.round(group.length * holdoutFraction);
    holdout.push(...group.slice(0, cut));
    train.push(...group.slice(cut));
  }
  return { train, holdout };
}
