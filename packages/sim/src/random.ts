/**
 * The simulator's only source of chance: a seeded generator (the engine's mulberry32) with the draws the
 * model needs. Never Math.random: the same seed must give the same province, gangs and victims.
 */
import { mulberry32 } from '@fanzha/engine';

/** A 32-bit FNV-1a hash of text, to derive independent streams (`seed ^ hash('officers')`). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  /** A generator of its own for one purpose, independent of how much this one has been drawn. */
  static derive(seed: number, purpose: string): Rng {
    return new Rng((seed ^ hash32(purpose)) >>> 0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.#next();
  }

  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.#next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.#next() * items.length)]!;
  }

  /** A value with the given weights (any positive numbers). */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let point = this.#next() * total;
    for (const [item, weight] of items) {
      point -= weight;
      if (point < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** Exponentially distributed with the given mean (waiting times of a Poisson process). */
  exponential(mean: number): number {
    return -Math.log(1 - this.#next()) * mean;
  }

  /** Log-uniform in [min, max]: amounts of money, where each order of magnitude is as likely. */
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.#next() * (Math.log(max) - Math.log(min)));
  }

  /** A Poisson-distributed count with the given mean (Knuth for small means, normal beyond). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 50) {
      const u = 1 - this.#next();
      const v = this.#next();
      const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
    }
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.#next();
    while (product > limit) {
      count += 1;
      product *= this.#next();
    }
    return count;
  }

  digits(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += String(Math.floor(this.#next() * 10));
    return text;
  }
}
