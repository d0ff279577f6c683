/** A growable column of (high, low, payload) keys, for builders fed one entry at a time. */
import { KeyTable } from './key-table.js';

export class KeyBuffer {
  private highs: Uint32Array;
  private lows: Uint32Array;
  private payloads: Uint32Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.highs = new Uint32Array(capacity);
    this.lows = new Uint32Array(capacity);
    this.payloads = new Uint32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(high: number, low: number, payload: number): void {
    if (this.count === this.highs.length) this.grow(this.count * 2);
    this.highs[this.count] = high;
    this.lows[this.count] = low;
    this.payloads[this.count++] = payload;
  }

  /** Reserves room for `extra` more keys (a snapshot loader knows its row count). */
  reserve(extra: number): void {
    if (this.count + extra > this.highs.length) this.grow(this.count + extra);
  }

  toTable(): KeyTable {
    return KeyTable.build(this.highs, this.lows, this.payloads, this.count);
  }

  /** Visits every key as pushed (raw, unmixed), in order. */
  forEach(visit: (high: number, low: number, payload: number) => void): void {
    for (let i = 0; i < this.count; i++) visit(this.highs[i]!, this.lows[i]!, this.payloads[i]!);
  }

  private grow(capacity: number): void {
    const grow = (array: Uint32Array) => {
      const next = new Uint32Array(capacity);
      next.set(array.subarray(0, this.count));
      return next;
    };
    this.highs = grow(this.highs);
    this.lows = grow(this.lows);
    this.payloads = grow(this.payloads);
  }
}
