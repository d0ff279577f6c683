/**
 * KeyTable: an immutable multiset of 64-bit keys, each with a payload (a provenance record id), laid
 * out in typed arrays so that a lookup costs two cache misses and an entry ~9 bytes:
 *
 * - keys are mixed (see key-mix.ts) and bucketed by the top `slotBits` bits of the mixed high half;
 *   `slotStarts[s]..slotStarts[s+1]` are bucket s's entries (a counting sort: building is O(n));
 * - entries are interleaved so one cache line holds a bucket: [mixed low, rest of mixed high | payload]
 *   — the slot fixes the top bits of the high half, so only its low 16 bits are stored, next to a
 *   16-bit payload. Small tables (slotBits < 16) and tables with more than 65,536 distinct payloads
 *   use a 3-word layout [low, high, payload].
 *
 * Batch lookups (`findBatch`) resolve all slots first and scan afterwards, so the CPU overlaps the
 * cache misses of independent keys.
 */
import { mix, mixed } from './key-mix.js';

/** Average entries per slot: 4 keeps the directory at ~1 byte an entry and a bucket in a cache line. */
const LOAD = 4;

export class KeyTable {
  private readonly shift: number;
  /** 2 (packed) or 3 (wide) uint32 words per entry. */
  private readonly stride: number;
  /** The bits of the mixed high half an entry stores. */
  private readonly restMask: number;

  private constructor(
    readonly size: number,
    private readonly slotBits: number,
    private readonly slotStarts: Uint32Array,
    private readonly entries: Uint32Array,
    wide: boolean,
  ) {
    this.shift = 32 - slotBits;
    this.stride = wide ? 3 : 2;
    this.restMask = wide ? 0xffffffff : 0xffff;
  }

  static empty(): KeyTable {
    return KeyTable.fromMixed(new Uint32Array(0), new Uint32Array(0), new Uint32Array(0), 0);
  }

  /** Builds from raw (unmixed) keys in any order; duplicates are kept (one key, several lists). */
  static build(highs: Uint32Array, lows: Uint32Array, payloads: Uint32Array, count: number): KeyTable {
    const mixedHighs = new Uint32Array(count);
    const mixedLows = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      mix(highs[i]!, lows[i]!);
      mixedHighs[i] = mixed[0]!;
      mixedLows[i] = mixed[1]!;
    }
    return KeyTable.fromMixed(mixedHighs, mixedLows, payloads, count);
  }

  /** Builds from keys already mixed (compaction re-uses a table's stored keys). */
  static fromMixed(highs: Uint32Array, lows: Uint32Array, payloads: Uint32Array, count: number): KeyTable {
    const slotBits = Math.min(30, Math.max(1, Math.floor(Math.log2(Math.max(1, count / LOAD)))));
    const shift = 32 - slotBits;
    const slotCount = 2 ** slotBits;
    const slotStarts = new Uint32Array(slotCount + 1);
    for (let i = 0; i < count; i++) slotStarts[(highs[i]! >>> shift) + 1]!++;
    for (let s = 0; s < slotCount; s++) slotStarts[s + 1]! += slotStarts[s]!;
    const cursor = slotStarts.slice(0, slotCount);
    let maxPayload = 0;
    for (let i = 0; i < count; i++) if (payloads[i]! > maxPayload) maxPayload = payloads[i]!;
    const wide = slotBits < 16 || maxPayload > 0xffff;
    const entries = new Uint32Array(count * (wide ? 3 : 2));
    if (wide) {
      for (let i = 0; i < count; i++) {
        const at = cursor[highs[i]! >>> shift]!++ * 3;
        entries[at] = lows[i]!;
        entries[at + 1] = highs[i]!;
        entries[at + 2] = payloads[i]!;
      }
    } else {
      for (let i = 0; i < count; i++) {
        const at = cursor[highs[i]! >>> shift]!++ * 2;
        entries[at] = lows[i]!;
        entries[at + 1] = (highs[i]! & 0xffff) | (payloads[i]! << 16);
      }
    }
    return new KeyTable(count, slotBits, slotStarts, entries, wide);
  }

  /**
   * The first entry after `after` holding the key whose mixed halves are (high, low), or -1.
   * Pass the previous result as `after` to visit every entry of a key.
   */
  findMixed(high: number, low: number, after = -1): number {
    const slot = high >>> this.shift;
    const end = this.slotStarts[slot + 1]!;
    let position = this.slotStarts[slot]!;
    if (after >= position) position = after + 1;
    const { entries, stride, restMask } = this;
    const rest = (high & restMask) >>> 0;
    for (let at = position * stride; position < end; position++, at += stride) {
      if (entries[at] === low && (entries[at + 1]! & restMask) >>> 0 === rest) return position;
    }
    return -1;
  }

  /** `findMixed` for a raw key. */
  find(high: number, low: number, after = -1): number {
    mix(high, low);
    return this.findMixed(mixed[0]!, mixed[1]!, after);
  }

  /**
   * Batch form of `findMixed` for `count` keys: writes each key's first entry (or -1) to `found`.
   * Two passes — slot bounds for every key, then the scans — so that independent misses overlap.
   */
  findBatchMixed(
    highs: Uint32Array,
    lows: Uint32Array,
    count: number,
    found: Int32Array,
    scratch: Uint32Array,
  ): void {
    const { slotStarts, shift, entries, stride, restMask } = this;
    for (let i = 0; i < count; i++) {
      const slot = highs[i]! >>> shift;
      scratch[2 * i] = slotStarts[slot]!;
      scratch[2 * i + 1] = slotStarts[slot + 1]!;
    }
    for (let i = 0; i < count; i++) {
      const low = lows[i]!;
      const rest = (highs[i]! & restMask) >>> 0;
      const end = scratch[2 * i + 1]!;
      let result = -1;
      for (let position = scratch[2 * i]!, at = position * stride; position < end; position++, at += stride) {
        if (entries[at] === low && (entries[at + 1]! & restMask) >>> 0 === rest) {
          result = position;
          break;
        }
      }
      found[i] = result;
    }
  }

  payloadAt(position: number): number {
    return this.stride === 2 ? this.entries[position * 2 + 1]! >>> 16 : this.entries[position * 3 + 2]!;
  }

  /** Every entry's mixed key and payload, in position order (for compaction). */
  forEachMixed(visit: (high: number, low: number, payload: number, position: number) => void): void {
    const { entries, stride, restMask, shift } = this;
    for (let slot = 0; slot + 1 < this.slotStarts.length; slot++) {
      const top = slot << shift;
      for (let p = this.slotStarts[slot]!; p < this.slotStarts[slot + 1]!; p++) {
        const high = ((top | (entries[p * stride + 1]! & restMask)) >>> 0) >>> 0;
        visit(high, entries[p * stride]!, this.payloadAt(p), p);
      }
    }
  }

  /** Bytes held by the typed arrays. */
  get byteLength(): number {
    return this.slotStarts.byteLength + this.entries.byteLength;
  }
}
