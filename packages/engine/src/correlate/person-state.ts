/**
 * One person's recent signals that met at least one step condition, in a ring of bounded size, each with
 * the bitset of the conditions it met; per rule id, the latest evidence time of its last firing; and the
 * ids of signals pushed out of the ring, so that a redelivered one is still known as a duplicate.
 * Signals that meet nothing are never kept.
 */
import type { Signal } from './types.js';

export class PersonSignals {
  /** Oldest first until the ring is full; then `head` is the oldest. */
  signals: Signal[] = [];
  /** `words` int32 words per signal, in the order of `signals`. */
  masks: number[] = [];
  /** Where the next signal is written. */
  head = 0;
  /** Rule id → the latest step time of its last firing for this person. */
  lastFired: Map<string, number> | null = null;
  /**
   * Event id → time of the signals the ring let go before their time was up, oldest first (a Map keeps
   * insertion order), at most `forgottenCapacity`. Signals evicted by time need no entry: the horizon
   * refuses them.
   */
  #forgotten: Map<string, number> | null = null;

  constructor(
    private readonly capacity: number,
    private words: number,
    private readonly forgottenCapacity: number,
  ) {}

  get size(): number {
    return this.signals.length;
  }

  /** Ring index of the `n`th newest signal (0: the newest). */
  newest(n: number): number {
    const length = this.signals.length;
    return (this.head - 1 - n + length * 2) % length;
  }

  hasEvent(eventId: string): boolean {
    for (const signal of this.signals) if (signal.eventId === eventId) return true;
    return this.#forgotten !== null && this.#forgotten.has(eventId);
  }

  /** Keeps `signal` with its condition bits; when full, replaces the oldest. Returns its ring index. */
  add(signal: Signal, mask: Uint32Array): number {
    const index = this.head;
    const replaced = this.signals[index];
    if (replaced !== undefined) this.#forget(replaced);
    this.signals[index] = signal;
    for (let w = 0; w < this.words; w++) this.masks[index * this.words + w] = mask[w]! | 0;
    this.head = this.signals.length >= this.capacity ? (index + 1) % this.capacity : index + 1;
    return index;
  }

  /**
   * Keeps, oldest first, the signals for which `mask` writes new condition bits into `scratch` and
   * returns true (false drops the signal); masks have `words` words each from now on. The ids of dropped
   * signals at or after `horizon` are remembered; older ones are refused by the horizon anyway.
   */
  rebuild(
    words: number,
    mask: (signal: Signal, out: Uint32Array) => boolean,
    scratch: Uint32Array,
    horizon: number,
  ): void {
    const signals: Signal[] = [];
    const masks: number[] = [];
    const length = this.signals.length;
    for (let n = length - 1; n >= 0; n--) {
      const signal = this.signals[this.newest(n)]!;
      if (!mask(signal, scratch)) {
        if (signal.at >= horizon) this.#forget(signal);
        continue;
      }
      signals.push(signal);
      for (let w = 0; w < words; w++) masks.push(scratch[w]! | 0);
    }
    this.signals = signals;
    this.masks = masks;
    this.head = signals.length % this.capacity;
    this.words = words;
    if (this.#forgotten !== null) {
      for (const [eventId, at] of this.#forgotten) if (at < horizon) this.#forgotten.delete(eventId);
      if (this.#forgotten.size === 0) this.#forgotten = null;
    }
  }

  get isEmpty(): boolean {
    return (
      this.signals.length === 0 &&
      (this.lastFired === null || this.lastFired.size === 0) &&
      this.#forgotten === null
    );
  }

  #forget(signal: Signal): void {
    const forgotten = (this.#forgotten ??= new Map());
    forgotten.set(signal.eventId, signal.at);
    if (forgotten.size > this.forgottenCapacity) forgotten.delete(forgotten.keys().next().value!);
  }
}
