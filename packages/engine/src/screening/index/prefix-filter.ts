/**
 * Which lengths of number ranges (prefixes) are listed, and per length a 65,536-bit filter over the
 * listed prefix values. A number lookup probes the range table only for lengths that hold ranges and
 * values the filter has seen — almost never, for most numbers — instead of once per listed length.
 * Removing a range leaves its bit set: a stale bit costs one probe, never a wrong answer.
 */

const WORDS_PER_LENGTH = 2048;

export class PrefixFilter {
  /** Bit L set: some listed prefix has L digits (1–20). */
  lengths = 0;
  private bits: Uint32Array = new Uint32Array(15 * WORDS_PER_LENGTH);

  /** The filter's state, for a snapshot. */
  toParts(): { lengths: number; bits: Uint32Array } {
    return { lengths: this.lengths, bits: this.bits };
  }

  static fromParts(parts: { lengths: number; bits: Uint32Array }): PrefixFilter {
    if (parts.bits.length !== 15 * WORDS_PER_LENGTH) throw new RangeError('PrefixFilter.fromParts: bad size');
    const filter = new PrefixFilter();
    filter.lengths = parts.lengths;
    filter.bits = parts.bits;
    return filter;
  }

  /** Records a listed prefix of `length` digits whose value is `value`. */
  add(length: number, value: number): void {
    this.lengths |= 1 << length;
    if (length > 15) return;
    const bit = lowBits(value);
    this.bits[(length - 1) * WORDS_PER_LENGTH + (bit >>> 5)]! |= 1 << (bit & 31);
  }

  /** Whether a prefix of `length` digits with `value` may be listed. */
  mayHold(length: number, value: number): boolean {
    if (length > 15) return true;
    const bit = lowBits(value);
    return (this.bits[(length - 1) * WORDS_PER_LENGTH + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
  }
}

/** value mod 65,536 for an integer below 2^53: `>>> 0` keeps the low 32 bits exactly (a `%` on a
 * double that large is a call to fmod). */
function lowBits(value: number): number {
  return (value >>> 0) & 0xffff;
}
