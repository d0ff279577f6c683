/**
 * KeyTable: an immutable multiset of 64-bit keys, each with a payload (a provenance record id), laid
 * out so that a lookup reads one 128-byte bucket — two adjacent cache lines in one page: one TLB miss,
 * misses that overlap — instead of a directory and then the entries:
 *
 * - keys are mixed (see key-mix.ts) and their home bucket is the mixed high half scaled to the
 *   bucket count (`floor(high · buckets / 2³²)`), so buckets are addressed directly, with no directory;
 * - a bucket is 128 bytes: a header (entry count, "overflowed" flag) and a fixed number of entries.
 *   An entry stores the low half and the high half's offset from its bucket's first high value (the
 *   bucket implies the rest), plus the payload, in the smallest of three layouts that holds them:
 *   - compact, 6 bytes, 21 a bucket: [low as two 16-bit words, offset | payload] — when offset and
 *     payload fit in 16 bits (e.g. ≤ 8 provenance records at 10 million entries: a snapshot made of
 *     bulk imports);
 *   - packed, 8 bytes, 15 a bucket: [low, offset | payload];
 *   - wide, 12 bytes, 10 a bucket: [low, high, payload] — small tables, or very many records;
 * - buckets are filled to ~83% on average; the keys of a bucket that is full (a Poisson tail: ~3% of
 *   the keys, ~17% of the buckets) go to a small overflow SlotTable, which a lookup reads only when
 *   its bucket's header says that the bucket overflowed.
 *
 * Positions (for tombstones and `payloadAt`) are bucket · 32 + index for bucket entries (a shift, not
 * a division, finds the bucket again), then the overflow table's positions after all buckets.
 *
 * Batch lookups (`actionsBatchMixed`, `findBatchMixed`) load both lines of every key's bucket first,
 * in a loop without data-dependent branches, so that the CPU overlaps the cache misses of independent
 * keys; then they scan.
 */
import { KeyGroups } from './key-groups.js';
import { mix, mixed } from './key-mix.js';
import { SlotTable, type SlotTableParts } from './slot-table.js';

const COMPACT = 0;
const PACKED = 1;
const WIDE = 2;

/** Entries a 128-byte bucket holds after its header, per layout. */
const CAPACITY = [21, 15, 10] as const;
/** Average entries a bucket is built with, per layout (~7.5 bytes an entry in the compact layout). */
const MEAN_LOAD = [17.5, 12.5, 8.3] as const;
/** Bucket size in the layout's array elements (128 bytes): 64 halves, or 32 words. */
const HALVES_PER_BUCKET = 64;
const WORDS_PER_BUCKET = 32;
const COUNT_MASK = 31;
/** Header flag: some of the bucket's keys are in the overflow table. */
const OVERFLOWED = 32;
/** Positions per bucket (≥ every capacity): position = bucket · 32 + index. */
const POSITION_SHIFT = 5;
const POSITIONS_PER_BUCKET = 32;
const TWO_32 = 4294967296;
/** Up to this many buckets `high · buckets` is exact in a double; beyond, only powers of two are. */
const EXACT_BUCKETS = 2 ** 21;

/** What a lookup needs of the provenance records: action bits and expiry, per record id. */
export interface RecordBits {
  readonly actionBitOf: readonly number[];
  readonly expiresAtOf: readonly number[];
}

/** A KeyTable's typed arrays as they are, for a snapshot file (see screening/snapshot.ts). */
export interface KeyTableParts {
  size: number;
  buckets: number;
  layout: number;
  halves: Uint16Array;
  words: Uint32Array;
  overflow: SlotTableParts;
}

/** A record's action bit if its entry at `position` is live (not tombstoned, not expired), else 0. */
function liveBits(
  record: number,
  position: number,
  now: number,
  records: RecordBits,
  tombstones: Uint32Array | null,
): number {
  if (tombstones !== null && (tombstones[position >>> 5]! & (1 << (position & 31))) !== 0) return 0;
  return records.expiresAtOf[record]! > now ? records.actionBitOf[record]! : 0;
}

/** Bits needed for values 0 … n − 1. */
function bitsFor(n: number): number {
  return n <= 1 ? 0 : Math.ceil(Math.log2(n));
}

function bucketCountFor(count: number, layout: number): number {
  const wanted = Math.max(1, Math.ceil(count / MEAN_LOAD[layout]!));
  return wanted <= EXACT_BUCKETS ? wanted : 2 ** Math.ceil(Math.log2(wanted));
}

/** Bits of a high half's offset from its bucket's base (see `KeyTable.baseOf`). */
function offsetBitsFor(buckets: number): number {
  return bitsFor(Math.ceil(TWO_32 / buckets) + 2);
}

function layoutFor(count: number, maxPayload: number): number {
  const payloadBits = bitsFor(maxPayload + 1);
  if (offsetBitsFor(bucketCountFor(count, COMPACT)) + payloadBits <= 16) return COMPACT;
  if (offsetBitsFor(bucketCountFor(count, PACKED)) + payloadBits <= 32) return PACKED;
  return WIDE;
}

export class KeyTable {
  private readonly capacity: number;
  /** buckets / 2³², and its inverse: bucket = floor(high · scale). */
  private readonly scale: number;
  private readonly inverseScale: number;
  /** Bits below the payload in an entry's last element (the offset's); 32 in the wide layout. */
  private readonly offsetBits: number;
  private readonly offsetMask: number;
  /** Positions taken by the buckets; the overflow table's positions follow. */
  private readonly bucketPositions: number;
  /** Written by batch lookups so that the engine cannot drop their prefetching loads. */
  private touched = 0;

  private constructor(
    readonly size: number,
    private readonly buckets: number,
    private readonly layout: number,
    /** Buckets of the compact layout. */
    private readonly halves: Uint16Array,
    /** Buckets of the packed and wide layouts. */
    private readonly words: Uint32Array,
    private readonly overflow: SlotTable,
  ) {
    this.capacity = CAPACITY[layout]!;
    this.scale = buckets / TWO_32;
    this.inverseScale = TWO_32 / buckets;
    this.offsetBits = layout === WIDE ? 32 : offsetBitsFor(buckets);
    this.offsetMask = 2 ** this.offsetBits - 1;
    this.bucketPositions = buckets * POSITIONS_PER_BUCKET;
  }

  /** The table's arrays, shared (a KeyTable never changes them). */
  toParts(): KeyTableParts {
    const { size, buckets, layout, halves, words } = this;
    return { size, buckets, layout, halves, words, overflow: this.overflow.toParts() };
  }

  /** A table over arrays from `toParts()` (e.g. views of a snapshot file), used as they are. */
  static fromParts(parts: KeyTableParts): KeyTable {
    const { size, buckets, layout, halves, words } = parts;
    const valid =
      (layout === COMPACT || layout === PACKED || layout === WIDE) &&
      Number.isInteger(buckets) &&
      buckets >= 1 &&
      (buckets <= EXACT_BUCKETS || Number.isInteger(Math.log2(buckets))) &&
      (layout === COMPACT
        ? halves.length === buckets * HALVES_PER_BUCKET && words.length === 0
        : words.length === buckets * WORDS_PER_BUCKET && halves.length === 0);
    if (!valid) throw new RangeError('KeyTable.fromParts: inconsistent parts');
    const overflow = SlotTable.fromParts(parts.overflow);
    const table = new KeyTable(size, buckets, layout, halves, words, overflow);
    if (table.countEntries() !== size) throw new RangeError('KeyTable.fromParts: inconsistent parts');
    return table;
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

  /** Builds from keys already mixed (compaction re-uses a table's stored keys). O(count). */
  static fromMixed(highs: Uint32Array, lows: Uint32Array, payloads: Uint32Array, count: number): KeyTable {
    let maxPayload = 0;
    for (let i = 0; i < count; i++) if (payloads[i]! > maxPayload) maxPayload = payloads[i]!;
    if (count > 1 << 16) {
      // Group by the top bits first so that the bucket writes stay within a few pages at a time.
      const groups = new KeyGroups(count);
      for (let i = 0; i < count; i++) groups.count(highs[i]!);
      groups.startScatter();
      for (let i = 0; i < count; i++) groups.add(highs[i]!, lows[i]!, payloads[i]!);
      ({ highs, lows, payloads } = groups);
    }
    const writer = KeyTable.writer(count, maxPayload);
    for (let i = 0; i < count; i++) writer.add(highs[i]!, lows[i]!, payloads[i]!);
    return writer.finish();
  }

  /**
   * A writer for a table of about `count` mixed keys whose payloads are at most `maxPayload`: each
   * key is placed as it is added. Feed the keys grouped by their top bits (KeyGroups) so that the
   * writes stay in cache.
   */
  static writer(count: number, maxPayload: number): KeyTableWriter {
    const layout = layoutFor(count, maxPayload);
    const buckets = bucketCountFor(count, layout);
    const halves = new Uint16Array(layout === COMPACT ? buckets * HALVES_PER_BUCKET : 0);
    const words = new Uint32Array(layout === COMPACT ? 0 : buckets * WORDS_PER_BUCKET);
    return new KeyTableWriter(new KeyTable(count, buckets, layout, halves, words, SlotTable.empty()));
  }

  /** @internal the writer's table, once filled: the finished table with its overflow. */
  withOverflow(size: number, overflow: SlotTable): KeyTable {
    return new KeyTable(size, this.buckets, this.layout, this.halves, this.words, overflow);
  }

  /** The smallest high half of a bucket's keys, or one less (rounding): offsets are from it. */
  private baseOf(bucket: number): number {
    return Math.floor(bucket * this.inverseScale);
  }

  private bucketOf(high: number): number {
    return Math.floor(high * this.scale);
  }

  /** What an entry stores of its high half: the offset from its bucket's base, or (wide) all of it. */
  private tagOf(bucket: number, high: number): number {
    return this.layout === WIDE ? high : high - this.baseOf(bucket);
  }

  /** @internal Stores a mixed key in its bucket; false (and the bucket flagged) when that is full. */
  place(high: number, low: number, payload: number): boolean {
    const bucket = this.bucketOf(high);
    const tag = this.tagOf(bucket, high);
    if (this.layout === COMPACT) {
      const halves = this.halves;
      const head = bucket * HALVES_PER_BUCKET;
      const n = halves[head]! & COUNT_MASK;
      if (n === this.capacity) {
        halves[head]! |= OVERFLOWED;
        return false;
      }
      const at = head + 1 + 3 * n;
      halves[at] = low;
      halves[at + 1] = low >>> 16;
      halves[at + 2] = tag | (payload << this.offsetBits);
      halves[head]!++;
      return true;
    }
    const words = this.words;
    const head = bucket * WORDS_PER_BUCKET;
    const n = words[head]! & COUNT_MASK;
    if (n === this.capacity) {
      words[head]! |= OVERFLOWED;
      return false;
    }
    if (this.layout === PACKED) {
      const at = head + 1 + 2 * n;
      words[at] = low;
      words[at + 1] = tag + payload * 2 ** this.offsetBits;
    } else {
      const at = head + 1 + 3 * n;
      words[at] = low;
      words[at + 1] = high;
      words[at + 2] = payload;
    }
    words[head]!++;
    return true;
  }

  /** Entries found in the buckets and the overflow table (a consistency check for `fromParts`). */
  private countEntries(): number {
    let total = this.overflow.size;
    for (let bucket = 0; bucket < this.buckets; bucket++) {
      const n = this.headerOf(bucket) & COUNT_MASK;
      if (n > this.capacity) return -1;
      total += n;
    }
    return total;
  }

  private headerOf(bucket: number): number {
    return this.layout === COMPACT
      ? this.halves[bucket * HALVES_PER_BUCKET]!
      : this.words[bucket * WORDS_PER_BUCKET]!;
  }

  /** Positions a tombstone bitmap over this table must cover. */
  get positions(): number {
    return this.bucketPositions + this.overflow.size;
  }

  /**
   * The first entry after `after` holding the key whose mixed halves are (high, low), or -1.
   * Pass the previous result as `after` to visit every entry of a key.
   */
  findMixed(high: number, low: number, after = -1): number {
    const bucket = this.bucketOf(high);
    const first = bucket * POSITIONS_PER_BUCKET;
    if (after < first + POSITIONS_PER_BUCKET) {
      const found = this.scanBucket(
        bucket,
        this.tagOf(bucket, high),
        low,
        after >= first ? after - first + 1 : 0,
      );
      if (found >= 0) return first + found;
    }
    return (this.headerOf(bucket) & OVERFLOWED) !== 0 ? this.findOverflow(high, low, after) : -1;
  }

  /** `findMixed` for a raw key. */
  find(high: number, low: number, after = -1): number {
    mix(high, low);
    return this.findMixed(mixed[0]!, mixed[1]!, after);
  }

  /** The overflow table's next entry for the key after position `after` (any position). */
  private findOverflow(high: number, low: number, after: number): number {
    const from = after >= this.bucketPositions ? after - this.bucketPositions : -1;
    const found = this.overflow.findMixed(high, low, from);
    return found < 0 ? -1 : this.bucketPositions + found;
  }

  /** The index within `bucket` of the first entry from `from` on holding the key; -1 when none. */
  private scanBucket(bucket: number, tag: number, low: number, from: number): number {
    if (this.layout === COMPACT) {
      const halves = this.halves;
      const head = bucket * HALVES_PER_BUCKET;
      const n = halves[head]! & COUNT_MASK;
      const lowLow = low & 0xffff;
      const lowHigh = low >>> 16;
      const mask = this.offsetMask;
      for (let i = from, at = head + 1 + 3 * from; i < n; i++, at += 3) {
        if (halves[at] === lowLow && halves[at + 1] === lowHigh && (halves[at + 2]! & mask) === tag) return i;
      }
      return -1;
    }
    const words = this.words;
    const head = bucket * WORDS_PER_BUCKET;
    const n = words[head]! & COUNT_MASK;
    if (this.layout === PACKED) {
      const mask = this.offsetMask;
      for (let i = from, at = head + 1 + 2 * from; i < n; i++, at += 2) {
        if (words[at] === low && (words[at + 1]! & mask) >>> 0 === tag) return i;
      }
      return -1;
    }
    for (let i = from, at = head + 1 + 3 * from; i < n; i++, at += 3) {
      if (words[at] === low && words[at + 1] === tag) return i;
    }
    return -1;
  }

  /**
   * Writes each key's bucket to `scratch` and loads both lines of every one (header and last element),
   * in a loop without data-dependent branches: the loads of all keys are in flight together, and the
   * scans that follow find their lines in cache.
   */
  private loadBuckets(highs: Uint32Array, count: number, scratch: Uint32Array): void {
    let touched = 0;
    for (let i = 0; i < count; i++) {
      const bucket = this.bucketOf(highs[i]!);
      scratch[i] = bucket;
      touched ^= this.touch(bucket);
    }
    this.touched = touched;
  }

  /** Loads both lines of a bucket (its header and its last element); returns something to keep. */
  private touch(bucket: number): number {
    if (this.layout === COMPACT) {
      const head = bucket * HALVES_PER_BUCKET;
      return this.halves[head]! ^ this.halves[head + HALVES_PER_BUCKET - 1]!;
    }
    const head = bucket * WORDS_PER_BUCKET;
    return this.words[head]! ^ this.words[head + WORDS_PER_BUCKET - 1]!;
  }

  /**
   * Batch form of `findMixed` for `count` keys: writes each key's first entry (or -1) to `found`.
   * Two passes — every key's bucket, then the scans — so that independent misses overlap.
   * `scratch` is caller-owned work space of at least `count` elements.
   */
  findBatchMixed(
    highs: Uint32Array,
    lows: Uint32Array,
    count: number,
    found: Int32Array,
    scratch: Uint32Array,
  ): void {
    this.loadBuckets(highs, count, scratch);
    for (let i = 0; i < count; i++) {
      const bucket = scratch[i]!;
      const high = highs[i]!;
      const at = this.scanBucket(bucket, this.tagOf(bucket, high), lows[i]!, 0);
      found[i] =
        at >= 0
          ? bucket * POSITIONS_PER_BUCKET + at
          : (this.headerOf(bucket) & OVERFLOWED) !== 0
            ? this.findOverflow(high, lows[i]!, -1)
            : -1;
    }
  }

  /**
   * The OR of the action bits of a mixed key's live entries: not tombstoned (bit set in
   * `tombstones`, by position), not expired at `now`. The hot path: one scan of the key's bucket,
   * every match taken in the same pass.
   */
  actionsMixed(
    high: number,
    low: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
  ): number {
    const bucket = this.bucketOf(high);
    let bits = this.bucketActions(bucket, this.tagOf(bucket, high), low, now, records, tombstones);
    if ((this.headerOf(bucket) & OVERFLOWED) !== 0)
      bits |= this.overflowActions(high, low, now, records, tombstones);
    return bits;
  }

  /**
   * Batch form of `actionsMixed`: ORs each key's bits into `out`. Every key's bucket is loaded first,
   * so that the cache misses of independent keys overlap. `scratch`: at least `count` elements.
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
    this.loadBuckets(highs, count, scratch);
    for (let i = 0; i < count; i++) {
      const bucket = scratch[i]!;
      const high = highs[i]!;
      let bits = this.bucketActions(bucket, this.tagOf(bucket, high), lows[i]!, now, records, tombstones);
      if ((this.headerOf(bucket) & OVERFLOWED) !== 0)
        bits |= this.overflowActions(high, lows[i]!, now, records, tombstones);
      out[i]! |= bits;
    }
  }

  /** The bits of the matching live entries in the key's bucket. */
  private bucketActions(
    bucket: number,
    tag: number,
    low: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
  ): number {
    let bits = 0;
    const first = bucket * POSITIONS_PER_BUCKET;
    if (this.layout === COMPACT) {
      const halves = this.halves;
      const head = bucket * HALVES_PER_BUCKET;
      const n = halves[head]! & COUNT_MASK;
      const lowLow = low & 0xffff;
      const lowHigh = low >>> 16;
      const mask = this.offsetMask;
      for (let i = 0, at = head + 1; i < n; i++, at += 3) {
        if (halves[at] !== lowLow || halves[at + 1] !== lowHigh) continue;
        const last = halves[at + 2]!;
        if ((last & mask) !== tag) continue;
        bits |= liveBits(last >>> this.offsetBits, first + i, now, records, tombstones);
      }
      return bits;
    }
    for (let i = this.scanBucket(bucket, tag, low, 0); i >= 0; i = this.scanBucket(bucket, tag, low, i + 1))
      bits |= liveBits(this.payloadAt(first + i), first + i, now, records, tombstones);
    return bits;
  }

  /** The bits of the matching live entries in the overflow table. */
  private overflowActions(
    high: number,
    low: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
  ): number {
    let bits = 0;
    for (let p = this.findOverflow(high, low, -1); p >= 0; p = this.findOverflow(high, low, p))
      bits |= liveBits(this.payloadAt(p), p, now, records, tombstones);
    return bits;
  }

  payloadAt(position: number): number {
    if (position >= this.bucketPositions) return this.overflow.payloadAt(position - this.bucketPositions);
    const bucket = position >>> POSITION_SHIFT;
    const i = position & (POSITIONS_PER_BUCKET - 1);
    if (this.layout === COMPACT)
      return this.halves[bucket * HALVES_PER_BUCKET + 1 + 3 * i + 2]! >>> this.offsetBits;
    if (this.layout === PACKED)
      return Math.floor(this.words[bucket * WORDS_PER_BUCKET + 1 + 2 * i + 1]! / 2 ** this.offsetBits);
    return this.words[bucket * WORDS_PER_BUCKET + 1 + 3 * i + 2]!;
  }

  /** Every entry's mixed key and payload, in position order (for compaction). */
  forEachMixed(visit: (high: number, low: number, payload: number, position: number) => void): void {
    const { offsetMask, halves, words } = this;
    for (let bucket = 0; bucket < this.buckets; bucket++) {
      const base = this.baseOf(bucket);
      const first = bucket * POSITIONS_PER_BUCKET;
      if (this.layout === COMPACT) {
        const head = bucket * HALVES_PER_BUCKET;
        const n = halves[head]! & COUNT_MASK;
        for (let i = 0, at = head + 1; i < n; i++, at += 3) {
          const low = (halves[at]! | (halves[at + 1]! << 16)) >>> 0;
          visit(base + (halves[at + 2]! & offsetMask), low, this.payloadAt(first + i), first + i);
        }
      } else {
        const head = bucket * WORDS_PER_BUCKET;
        const n = words[head]! & COUNT_MASK;
        const stride = this.layout === PACKED ? 2 : 3;
        for (let i = 0, at = head + 1; i < n; i++, at += stride) {
          const high = this.layout === PACKED ? base + ((words[at + 1]! & offsetMask) >>> 0) : words[at + 1]!;
          visit(high, words[at]!, this.payloadAt(first + i), first + i);
        }
      }
    }
    const from = this.bucketPositions;
    this.overflow.forEachMixed((high, low, payload, position) => visit(high, low, payload, from + position));
  }

  /** Bytes held by the typed arrays. */
  get byteLength(): number {
    return this.halves.byteLength + this.words.byteLength + this.overflow.byteLength;
  }
}

/** Fills a KeyTable key by key (see `KeyTable.writer`); full buckets' keys go to the overflow table. */
export class KeyTableWriter {
  private readonly spill = new Spill();
  private count = 0;

  constructor(private readonly table: KeyTable) {}

  /** Adds a mixed key with its payload (at most the writer's `maxPayload`). */
  add(mixedHigh: number, mixedLow: number, payload: number): void {
    this.count++;
    if (!this.table.place(mixedHigh, mixedLow, payload)) this.spill.push(mixedHigh, mixedLow, payload);
  }

  finish(): KeyTable {
    const { highs, lows, payloads, count } = this.spill;
    return this.table.withOverflow(this.count, SlotTable.fromMixed(highs, lows, payloads, count));
  }
}

/** Keys set aside while filling (a growable column of mixed keys). */
class Spill {
  highs = new Uint32Array(1024);
  lows = new Uint32Array(1024);
  payloads = new Uint32Array(1024);
  count = 0;

  push(high: number, low: number, payload: number): void {
    if (this.count === this.highs.length) {
      const grow = (array: Uint32Array) => {
        const next = new Uint32Array(array.length * 2);
        next.set(array);
        return next;
      };
      this.highs = grow(this.highs);
      this.lows = grow(this.lows);
      this.payloads = grow(this.payloads);
    }
    this.highs[this.count] = high;
    this.lows[this.count] = low;
    this.payloads[this.count++] = payload;
  }
}
