/**
 * KeyTable: an immutable multiset of 64-bit keys, each with a payload (a provenance record id), laid
 * out in typed arrays so that a lookup reads one directory word and one or two adjacent cache lines:
 *
 * - keys are mixed (see key-mix.ts) and bucketed by the top `slotBits` bits of the mixed high half
 *   (a counting sort: building is O(n)); the directory holds, per slot, its first position and a
 *   32-bit summary of its keys (two bits of each key's low half set), so that ~90% of the keys that
 *   are not listed are answered from the directory word alone, without touching the entries;
 * - the slot fixes those top bits, so an entry stores only the other 64 − slotBits key bits, and the
 *   payload in whatever room is left. Three layouts, the smallest that holds the table's payloads:
 *   - compact, 6 bytes: [low half as two 16-bit words, rest of the high half | payload] — when the
 *     payloads fit in slotBits − 16 bits (e.g. ≤ 32 provenance records at 10 million entries: a
 *     snapshot made of bulk imports);
 *   - packed, 8 bytes: [low half, low 16 bits of the high half | 16-bit payload];
 *   - wide, 12 bytes: [low, high, payload] — small tables, or more than 65,536 records.
 *
 * Batch lookups (`findBatchMixed`) resolve all slots first and scan afterwards, so the CPU overlaps
 * the cache misses of independent keys.
 */
import { mix, mixed } from './key-mix.js';

/** Average entries per slot: ~1.7 bytes of directory (start and summary) an entry, and a short scan. */
const LOAD = 4;

const COMPACT = 0;
const PACKED = 1;
const WIDE = 2;

/** What a lookup needs of the provenance records: action bits and expiry, per record id. */
export interface RecordBits {
  readonly actionBitOf: readonly number[];
  readonly expiresAtOf: readonly number[];
}

/** A record's action bit if its entry at `position` is live (not tombstoned, not expired), else 0. */
export function liveBits(
  record: number,
  position: number,
  now: number,
  records: RecordBits,
  tombstones: Uint32Array | null,
): number {
  if (tombstones !== null && (tombstones[position >>> 5]! & (1 << (position & 31))) !== 0) return 0;
  return records.expiresAtOf[record]! > now ? records.actionBitOf[record]! : 0;
}

/** A KeyTable's typed arrays as they are, for a snapshot file (see screening/snapshot.ts). */
export interface KeyTableParts {
  size: number;
  slotBits: number;
  layout: number;
  directory: Uint32Array;
  words: Uint32Array;
  halves: Uint16Array;
}

export class KeyTable {
  private readonly shift: number;
  /** Bits of the mixed high half an entry stores (the slot holds the rest). */
  private readonly restMask: number;
  private readonly restBits: number;
  /** Written by batch lookups so that the engine cannot drop their prefetching loads. */
  private touched = 0;

  private constructor(
    readonly size: number,
    private readonly slotBits: number,
    /** Per slot s: [2s] first position, [2s + 1] summary bits; [2 · slotCount] = size. */
    private readonly directory: Uint32Array,
    private readonly layout: number,
    /** Entries of the packed and wide layouts. */
    private readonly words: Uint32Array,
    /** Entries of the compact layout. */
    private readonly halves: Uint16Array,
  ) {
    this.shift = 32 - slotBits;
    this.restBits = layout === COMPACT ? 32 - slotBits : layout === PACKED ? 16 : 32;
    this.restMask = this.restBits === 32 ? 0xffffffff : (1 << this.restBits) - 1;
  }

  /** Positions run from 0 to size − 1 (see BaseTable.positions). */
  get positions(): number {
    return this.size;
  }

  /** The table's arrays, shared (a KeyTable never changes them). */
  toParts(): KeyTableParts {
    const { size, slotBits, layout, directory, words, halves } = this;
    return { size, slotBits, layout, directory, words, halves };
  }

  /** A table over arrays from `toParts()` (e.g. views of a snapshot file), used as they are. */
  static fromParts(parts: KeyTableParts): KeyTable {
    const { size, slotBits, layout, directory, words, halves } = parts;
    const stride = layout === PACKED ? 2 : 3;
    if (
      !(layout === COMPACT || layout === PACKED || layout === WIDE) ||
      directory.length !== 2 * 2 ** slotBits + 2 ||
      directory[2 * 2 ** slotBits] !== size ||
      (layout === COMPACT ? halves.length !== size * 3 : words.length !== size * stride)
    ) {
      throw new RangeError('KeyTable.fromParts: inconsistent parts');
    }
    return new KeyTable(size, slotBits, directory, layout, words, halves);
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

  /**
   * Builds from keys already mixed (compaction re-uses a table's stored keys). `grouped`: the keys
   * are already grouped by their top 8 bits (see KeyGroups), so the grouping pass is skipped.
   */
  static fromMixed(
    highs: Uint32Array,
    lows: Uint32Array,
    payloads: Uint32Array,
    count: number,
    grouped = false,
  ): KeyTable {
    const slotBits = Math.min(30, Math.max(1, Math.round(Math.log2(Math.max(1, count / LOAD)))));
    const shift = 32 - slotBits;
    const slotCount = 2 ** slotBits;
    // Counting and scattering millions of entries straight into their slots writes all over two
    // large arrays; grouping them by their top 8 bits first (256 sequential streams) keeps each
    // group's slot counters and entries in cache in the passes that follow.
    if (!grouped && slotBits > 12 && count > 1 << 16)
      [highs, lows, payloads] = groupByTopBits(highs, lows, payloads, count);
    const slotStarts = new Uint32Array(slotCount + 1);
    let maxPayload = 0;
    for (let i = 0; i < count; i++) {
      slotStarts[(highs[i]! >>> shift) + 1]!++;
      if (payloads[i]! > maxPayload) maxPayload = payloads[i]!;
    }
    for (let s = 0; s < slotCount; s++) slotStarts[s + 1]! += slotStarts[s]!;
    const directory = new Uint32Array(2 * slotCount + 2);
    for (let s = 0; s <= slotCount; s++) directory[2 * s] = slotStarts[s]!;
    const cursor = slotStarts.subarray(0, slotCount);
    const layout =
      slotBits > 16 && maxPayload < 2 ** (slotBits - 16)
        ? COMPACT
        : slotBits >= 16 && maxPayload <= 0xffff
          ? PACKED
          : WIDE;
    const stride = layout === COMPACT ? 3 : layout === PACKED ? 2 : 3;
    const halves = new Uint16Array(layout === COMPACT ? count * 3 : 0);
    const words = new Uint32Array(layout === COMPACT ? 0 : count * stride);
    const restBits = 32 - slotBits;
    const restMask = (1 << restBits) - 1;
    for (let i = 0; i < count; i++) {
      const high = highs[i]!;
      const low = lows[i]!;
      const slot = high >>> shift;
      directory[2 * slot + 1]! |= summaryBits(low);
      const at = cursor[slot]!++ * stride;
      if (layout === COMPACT) {
        halves[at] = low;
        halves[at + 1] = low >>> 16;
        halves[at + 2] = (high & restMask) | (payloads[i]! << restBits);
      } else if (layout === PACKED) {
        words[at] = low;
        words[at + 1] = (high & 0xffff) | (payloads[i]! << 16);
      } else {
        words[at] = low;
        words[at + 1] = high;
        words[at + 2] = payloads[i]!;
      }
    }
    return new KeyTable(count, slotBits, directory, layout, words, halves);
  }

  /**
   * The first entry after `after` holding the key whose mixed halves are (high, low), or -1.
   * Pass the previous result as `after` to visit every entry of a key.
   */
  findMixed(high: number, low: number, after = -1): number {
    const at = (high >>> this.shift) * 2;
    const summary = summaryBits(low);
    if ((this.directory[at + 1]! & summary) >>> 0 !== summary) return -1;
    let position = this.directory[at]!;
    if (after >= position) position = after + 1;
    return this.scan(position, this.directory[at + 2]!, high, low);
  }

  /** `findMixed` for a raw key. */
  find(high: number, low: number, after = -1): number {
    mix(high, low);
    return this.findMixed(mixed[0]!, mixed[1]!, after);
  }

  /** Scans positions [from, end) for the mixed key; -1 when absent. */
  private scan(from: number, end: number, high: number, low: number): number {
    const rest = high & this.restMask;
    if (this.layout === COMPACT) {
      const halves = this.halves;
      const lowLow = low & 0xffff;
      const lowHigh = low >>> 16;
      for (let position = from, at = from * 3; position < end; position++, at += 3) {
        if (
          halves[at] === lowLow &&
          halves[at + 1] === lowHigh &&
          (halves[at + 2]! & this.restMask) === rest
        ) {
          return position;
        }
      }
      return -1;
    }
    const words = this.words;
    const stride = this.layout === PACKED ? 2 : 3;
    for (let position = from, at = from * stride; position < end; position++, at += stride) {
      if (words[at] === low && (words[at + 1]! & this.restMask) === rest) return position;
    }
    return -1;
  }

  /**
   * The OR of the action bits of a mixed key's live entries: not tombstoned (bit set in `tombstones`,
   * by position), not expired at `now`. The hot path: the slot's entries are scanned once, every
   * match taken in the same pass (no second search for a key's further entries).
   */
  actionsMixed(
    high: number,
    low: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
  ): number {
    const at = (high >>> this.shift) * 2;
    const summary = summaryBits(low);
    if ((this.directory[at + 1]! & summary) >>> 0 !== summary) return 0;
    return this.slotActions(
      this.directory[at]!,
      this.directory[at + 2]!,
      high,
      low,
      now,
      records,
      tombstones,
    );
  }

  /**
   * Batch form of `actionsMixed`: ORs each key's bits into `out`. `scratch`: at least 2 · `count`.
   * Slot bounds for every key first, then the first entry of each, then the scans, so that the cache
   * misses of independent keys overlap.
   */
  actionsBatchMixed(
    highs: Uint32Array,
    lows: Uint32Array,
    count: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
    out: Uint8Array,
    scratch: Uint32Array,
  ): void {
    this.loadSlots(highs, lows, count, scratch);
    for (let i = 0; i < count; i++) {
      if (scratch[2 * i + 1]! === scratch[2 * i]!) continue;
      out[i]! |= this.slotActions(
        scratch[2 * i]!,
        scratch[2 * i + 1]!,
        highs[i]!,
        lows[i]!,
        now,
        records,
        tombstones,
      );
    }
  }

  /** The bits of the live entries in positions [from, end) that hold the mixed key. */
  private slotActions(
    from: number,
    end: number,
    high: number,
    low: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
  ): number {
    const rest = high & this.restMask;
    let bits = 0;
    if (this.layout === COMPACT) {
      const halves = this.halves;
      const lowLow = low & 0xffff;
      const lowHigh = low >>> 16;
      for (let position = from, at = from * 3; position < end; position++, at += 3) {
        if (halves[at] !== lowLow || halves[at + 1] !== lowHigh) continue;
        const last = halves[at + 2]!;
        if ((last & this.restMask) === rest)
          bits |= liveBits(last >>> this.restBits, position, now, records, tombstones);
      }
      return bits;
    }
    const words = this.words;
    const stride = this.layout === PACKED ? 2 : 3;
    for (let position = from, at = from * stride; position < end; position++, at += stride) {
      if (words[at] === low && (words[at + 1]! & this.restMask) === rest)
        bits |= liveBits(this.payloadAt(position), position, now, records, tombstones);
    }
    return bits;
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
    this.loadSlots(highs, lows, count, scratch);
    for (let i = 0; i < count; i++)
      found[i] = this.scan(scratch[2 * i]!, scratch[2 * i + 1]!, highs[i]!, lows[i]!);
  }

  /**
   * Writes each key's slot bounds to `scratch` ([2i] start, [2i + 1] end; an empty range when the
   * slot's summary rules the key out), then loads the first entry of every non-empty range.
   */
  private loadSlots(highs: Uint32Array, lows: Uint32Array, count: number, scratch: Uint32Array): void {
    const { directory, shift } = this;
    for (let i = 0; i < count; i++) {
      const at = (highs[i]! >>> shift) * 2;
      const summary = summaryBits(lows[i]!);
      const start = directory[at]!;
      // A key the slot's summary rules out gets an empty range: no entry is touched for it.
      scratch[2 * i] = start;
      scratch[2 * i + 1] = (directory[at + 1]! & summary) >>> 0 === summary ? directory[at + 2]! : start;
    }
    // Touch each slot's first entry in a loop without data-dependent branches: the loads of all keys
    // are in flight together, and the scans below find their lines in cache. (A scan's early exit
    // is a mispredicted branch that would otherwise throw away the next keys' loads.)
    let touched = 0;
    if (this.layout === COMPACT) {
      for (let i = 0; i < count; i++)
        if (scratch[2 * i + 1]! > scratch[2 * i]!) touched ^= this.halves[scratch[2 * i]! * 3]!;
    } else {
      const stride = this.layout === PACKED ? 2 : 3;
      for (let i = 0; i < count; i++)
        if (scratch[2 * i + 1]! > scratch[2 * i]!) touched ^= this.words[scratch[2 * i]! * stride]!;
    }
    this.touched = touched;
  }

  payloadAt(position: number): number {
    if (this.layout === COMPACT) return this.halves[position * 3 + 2]! >>> this.restBits;
    return this.layout === PACKED ? this.words[position * 2 + 1]! >>> 16 : this.words[position * 3 + 2]!;
  }

  /** Every entry's mixed key and payload, in position order (for compaction). */
  forEachMixed(visit: (high: number, low: number, payload: number, position: number) => void): void {
    const { shift, restMask } = this;
    const slotCount = (this.directory.length - 2) / 2;
    for (let slot = 0; slot < slotCount; slot++) {
      const top = slot << shift;
      for (let p = this.directory[2 * slot]!; p < this.directory[2 * slot + 2]!; p++) {
        let low: number;
        let rest: number;
        if (this.layout === COMPACT) {
          low = (this.halves[p * 3]! | (this.halves[p * 3 + 1]! << 16)) >>> 0;
          rest = this.halves[p * 3 + 2]! & restMask;
        } else {
          const stride = this.layout === PACKED ? 2 : 3;
          low = this.words[p * stride]!;
          rest = this.words[p * stride + 1]! & restMask;
        }
        visit((top | rest) >>> 0, low, this.payloadAt(p), p);
      }
    }
  }

  /** Bytes held by the typed arrays. */
  get byteLength(): number {
    return this.directory.byteLength + this.words.byteLength + this.halves.byteLength;
  }
}

/** A stable counting sort of (high, low, payload) by the top 8 bits of high. */
function groupByTopBits(
  highs: Uint32Array,
  lows: Uint32Array,
  payloads: Uint32Array,
  count: number,
): [Uint32Array, Uint32Array, Uint32Array] {
  const starts = new Uint32Array(257);
  for (let i = 0; i < count; i++) starts[(highs[i]! >>> 24) + 1]!++;
  for (let g = 0; g < 256; g++) starts[g + 1]! += starts[g]!;
  const h = new Uint32Array(count);
  const l = new Uint32Array(count);
  const p = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const at = starts[highs[i]! >>> 24]!++;
    h[at] = highs[i]!;
    l[at] = lows[i]!;
    p[at] = payloads[i]!;
  }
  return [h, l, p];
}

/** The two summary bits a key sets in its slot's directory word (from its low half, which is random). */
function summaryBits(low: number): number {
  return ((1 << (low & 31)) | (1 << ((low >>> 5) & 31))) >>> 0;
}
