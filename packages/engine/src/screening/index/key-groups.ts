/**
 * A counting sort of mixed keys by the top 8 bits of their high half, fed twice: first `count` every
 * key, then `startScatter()` and `add` the same keys in the same order. Builders use it so that the
 * slot writes that follow (slots follow the mixed high half) stay within one group's few pages.
 */
export class KeyGroups {
  readonly highs: Uint32Array;
  readonly lows: Uint32Array;
  readonly payloads: Uint32Array;
  scattering = false;
  private readonly next = new Uint32Array(257);

  constructor(size: number) {
    this.highs = new Uint32Array(size);
    this.lows = new Uint32Array(size);
    this.payloads = new Uint32Array(size);
  }

  count(high: number): void {
    this.next[(high >>> 24) + 1]!++;
  }

  startScatter(): void {
    for (let g = 0; g < 256; g++) this.next[g + 1]! += this.next[g]!;
    this.scattering = true;
  }

  add(high: number, low: number, payload: number): void {
    const at = this.next[high >>> 24]!++;
    this.highs[at] = high;
    this.lows[at] = low;
    this.payloads[at] = payload;
  }
}
