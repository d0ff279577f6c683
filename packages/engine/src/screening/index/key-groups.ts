/**
 * A counting sort of mixed keys by the top 8 bits of their high half, fed twice: first `count` every
 * key, then `startScatter()` and `add` the same keys in the same order. Builders use it so that the
 * slot writes that follow (slots follow the mixed high half) stay within one group's few pages.
 * `highBits`: how many bits the high halves have (32 for KeyTable keys, 18 for MobileTable ones).
 */
export class KeyGroups {
  highs = new Uint32Array(0);
  lows = new Uint32Array(0);
  payloads = new Uint32Array(0);
  scattering = false;
  private readonly next = new Uint32Array(257);
  private readonly shift: number;

  constructor(highBits = 32) {
    this.shift = highBits - 8;
  }

  /** Keys counted (before `startScatter`), then the arrays' size. */
  get size(): number {
    return this.scattering ? this.highs.length : this.next.reduce((n, c) => n + c, 0);
  }

  count(high: number): void {
    this.next[(high >>> this.shift) + 1]!++;
  }

  /** Allocates the grouped arrays for the keys counted; `add` them next, in the same order. */
  startScatter(): void {
    for (let g = 0; g < 256; g++) this.next[g + 1]! += this.next[g]!;
    const size = this.next[256]!;
    this.highs = new Uint32Array(size);
    this.lows = new Uint32Array(size);
    this.payloads = new Uint32Array(size);
    this.scattering = true;
  }

  add(high: number, low: number, payload: number): void {
    const at = this.next[high >>> this.shift]!++;
    this.highs[at] = high;
    this.lows[at] = low;
    this.payloads[at] = payload;
  }
}
