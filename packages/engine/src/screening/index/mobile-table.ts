/**
 * MobileTable: the exact numbers of the mobile domain (see mobile-mix.ts) — the keys almost every
 * screening lookup asks about — laid out so that a lookup reads one cache line.
 *
 * The mixed key (37 bits) is split into a bucket (the top `bucketBits`), a sub-slot (the next 3 bits)
 * and a remainder (the rest, 34 − bucketBits bits). A bucket is 16 words, one 64-byte line (the
 * words are line-aligned, see mobile-kernel.ts): 15 entries (remainder | payload << remBits), ordered
 * by sub-slot, and a header word whose eight nibbles are where each sub-slot ends. A lookup finds its
 * sub-slot's entries from the header and compares four of them without a branch (a sub-slot holds
 * ~1.2 keys; the rare longer one is finished by a loop). Buckets hold 5–10 keys on average (9.5 at
 * 10 million); the keys a full bucket cannot take, ~0.7% of them, go to a MobileCsr (`overflow`) and
 * the bucket's bit in `overflowed` says to look there too. Tables too small to be worth buckets (or
 * whose record ids do not fit beside the remainder) keep every key in the MobileCsr.
 *
 * Positions (for tombstones): a bucketed entry's word index, then the overflow's positions after
 * `words.length`.
 */
import { KeyGroups } from './key-groups.js';
import { mixed } from './key-mix.js';
import { liveBits, type RecordBits } from './key-table.js';
import { liveActionBits } from './live-bits.js';
import { MobileCsr, type MobileCsrParts } from './mobile-csr.js';
import { KERNEL_CHUNK, KernelMemory, type SplitShifts } from './mobile-kernel.js';
import { BLOCK_COUNT, leadBlock } from './mobile-ranges.js';
import { MOBILE_BASE, MOBILE_SPAN, Y_MASK, Y_SCALE, mobileMixOffset } from './mobile-mix.js';

/** Values an `actionsOfValues` call looks up, at most. */
export const BATCH = KERNEL_CHUNK;
/** A range map that reaches no block (see mobile-ranges.ts). */
const NO_BLOCKS = new Uint32Array(BLOCK_COUNT / 32);

const WORDS = 16;
const CAPACITY = 15;
const HEADER = 15;
/** Keys a bucket holds on average, at most (5–10): at 10, ~5% of buckets overflow, ~1% of keys. */
const LOAD = 10;
/** Below this many keys, buckets are not worth their memory: the MobileCsr holds everything. */
export const MIN_BUCKETED = 1 << 16;
const MIN_BUCKET_BITS = 13;
/** 2 GiB of buckets: a WebAssembly memory holds at most 4 GiB (past ~335 million keys, more spill). */
const MAX_BUCKET_BITS = 25;

/** A MobileTable's typed arrays as they are, for a snapshot. */
export interface MobileTableParts {
  size: number;
  /** 0 when every key is in `overflow`. */
  bucketBits: number;
  words: Uint32Array;
  /** One bit a bucket: some of its keys are in `overflow`. */
  overflowed: Uint32Array;
  overflow: MobileCsrParts;
}

/** Where a mixed key (x, y) goes for a given bucketBits, in int arithmetic (see `findMixed`). */
function keySplit(bucketBits: number): SplitShifts {
  const remBits = 34 - bucketBits;
  return {
    xDown: Math.max(0, 18 - bucketBits),
    xUp: Math.max(0, bucketBits - 18),
    yDown: bucketBits >= 18 ? 37 - bucketBits : 19,
    xKeep: (1 << Math.max(0, 18 - bucketBits)) - 1,
    yKeep: bucketBits >= 18 ? (1 << (37 - bucketBits)) - 1 : Y_MASK,
    remBits,
    remMask: (1 << remBits) - 1,
  };
}

/** The bucket count (log2) for `count` keys, or 0 for none (see MIN_BUCKETED). */
function bucketBitsFor(count: number, maxPayload: number): number {
  if (count < MIN_BUCKETED) return 0;
  const bits = Math.min(MAX_BUCKET_BITS, Math.max(MIN_BUCKET_BITS, Math.ceil(Math.log2(count / LOAD))));
  // A payload shares its word with the remainder: it must be below 2^(32 − remBits).
  return maxPayload < 2 ** (bits - 2) ? bits : 0;
}

export class MobileTable {
  private readonly split: SplitShifts;
  /** Bytes of the live-bits table a batch reads: any word's payload field indexes it. */
  private readonly liveLength: number;
  private readonly words: Uint32Array;
  private readonly overflowed: Uint32Array;

  private constructor(
    readonly size: number,
    private readonly bucketBits: number,
    /** The buckets and the lookup kernel; null when every key is in `overflow`. */
    private readonly memory: KernelMemory | null,
    private readonly overflow: MobileCsr,
  ) {
    this.split = keySplit(bucketBits);
    this.liveLength = bucketBits === 0 ? 0 : 2 ** (bucketBits - 2);
    this.words = memory?.words ?? new Uint32Array(0);
    this.overflowed = memory?.overflowed ?? new Uint32Array(0);
  }

  get positions(): number {
    return this.words.length + this.overflow.positions;
  }

  toParts(): MobileTableParts {
    const { size, bucketBits, words, overflowed } = this;
    return { size, bucketBits, words, overflowed, overflow: this.overflow.toParts() };
  }

  /** A table over snapshot parts; the words are copied into the kernel's memory. */
  static fromParts(parts: MobileTableParts): MobileTable {
    const { size, bucketBits, words, overflowed } = parts;
    const overflow = MobileCsr.fromParts(parts.overflow);
    const buckets = bucketBits === 0 ? 0 : 2 ** bucketBits;
    if (
      !Number.isInteger(bucketBits) ||
      (bucketBits !== 0 && (bucketBits < MIN_BUCKET_BITS || bucketBits > MAX_BUCKET_BITS)) ||
      words.length !== buckets * WORDS ||
      overflowed.length !== Math.ceil(buckets / 32) ||
      size !== bucketedCount(words, buckets) + overflow.size
    ) {
      throw new RangeError('MobileTable.fromParts: inconsistent parts');
    }
    if (bucketBits === 0) return new MobileTable(size, 0, null, overflow);
    const memory = new KernelMemory(buckets, keySplit(bucketBits));
    memory.words.set(words);
    memory.overflowed.set(overflowed);
    return new MobileTable(size, bucketBits, memory, overflow);
  }

  static empty(): MobileTable {
    return MobileTable.fromMixed(new Uint32Array(0), new Uint32Array(0), new Uint32Array(0), 0);
  }

  /**
   * Builds from mixed keys (see `mobileMix`) in any order; duplicates are kept (several lists).
   * `grouped`: the keys are already grouped by the top 8 bits of x (see KeyGroups), which keeps the
   * bucket writes in cache; otherwise large inputs are grouped here first.
   */
  static fromMixed(
    xs: Uint32Array,
    ys: Uint32Array,
    payloads: Uint32Array,
    count: number,
    grouped = false,
  ): MobileTable {
    let maxPayload = 0;
    for (let i = 0; i < count; i++) if (payloads[i]! > maxPayload) maxPayload = payloads[i]!;
    const bucketBits = bucketBitsFor(count, maxPayload);
    if (bucketBits === 0) {
      return new MobileTable(count, 0, null, MobileCsr.fromMixed(xs, ys, payloads, count, grouped));
    }
    if (!grouped) {
      const groups = new KeyGroups(18);
      for (let i = 0; i < count; i++) groups.count(xs[i]!);
      groups.startScatter();
      for (let i = 0; i < count; i++) groups.add(xs[i]!, ys[i]!, payloads[i]!);
      return MobileTable.fromMixed(groups.highs, groups.lows, groups.payloads, count, true);
    }
    return buildBuckets(xs, ys, payloads, count, bucketBits);
  }

  /** @internal for buildBuckets. */
  static of(size: number, bucketBits: number, memory: KernelMemory, overflow: MobileCsr): MobileTable {
    return new MobileTable(size, bucketBits, memory, overflow);
  }

  payloadAt(position: number): number {
    const base = this.words.length;
    return position < base
      ? this.words[position]! >>> this.split.remBits
      : this.overflow.payloadAt(position - base);
  }

  /**
   * The first entry after `after` holding the key whose mixed halves are (x, y), or -1. Pass the
   * previous result as `after` to visit every entry of a key.
   */
  findMixed(x: number, y: number, after = -1): number {
    const base = this.words.length;
    if (this.bucketBits !== 0) {
      const { xDown, xUp, yDown, xKeep, yKeep, remBits, remMask } = this.split;
      const bucket = ((x >>> xDown) << xUp) | (y >>> yDown);
      const low = ((x & xKeep) << 19) | (y & yKeep);
      const shift = (low >>> remBits) << 2;
      const rem = low & remMask;
      const at = bucket * WORDS;
      const header = this.words[at + HEADER]!;
      const end = at + ((header >>> shift) & 15);
      for (let p = Math.max(at + (((header << 4) >>> shift) & 15), after + 1); p < end; p++) {
        if ((this.words[p]! & remMask) === rem) return p;
      }
      // Only a sub-slot that ends at the bucket's last entry can have spilled keys.
      if (end !== at + CAPACITY || (this.overflowed[bucket >>> 5]! & (1 << (bucket & 31))) === 0) return -1;
    }
    const found = this.overflow.findMixed(x, y, Math.max(-1, after - base));
    return found < 0 ? -1 : base + found;
  }

  /** The OR of the action bits of a mixed key's live entries (see KeyTable.actionsMixed). */
  actionsMixed(
    x: number,
    y: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
  ): number {
    if (this.bucketBits === 0) return this.overflowActions(x, y, now, records, tombstones);
    const { words } = this;
    const { xDown, xUp, yDown, xKeep, yKeep, remBits, remMask } = this.split;
    const bucket = ((x >>> xDown) << xUp) | (y >>> yDown);
    const low = ((x & xKeep) << 19) | (y & yKeep);
    const shift = (low >>> remBits) << 2;
    const rem = low & remMask;
    const at = bucket * WORDS;
    const header = words[at + HEADER]!;
    const end = at + ((header >>> shift) & 15);
    let bits = 0;
    for (let p = at + (((header << 4) >>> shift) & 15); p < end; p++) {
      const word = words[p]!;
      if ((word & remMask) === rem) bits |= liveBits(word >>> remBits, p, now, records, tombstones);
    }
    // Only a sub-slot that ends at the bucket's last entry can have spilled keys.
    if (end === at + CAPACITY && (this.overflowed[bucket >>> 5]! & (1 << (bucket & 31))) !== 0) {
      bits |= this.overflowActions(x, y, now, records, tombstones);
    }
    return bits;
  }

  /** The bits of a key's entries in the overflow table (positions after the buckets'). */
  private overflowActions(
    x: number,
    y: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
  ): number {
    const base = this.words.length;
    const overflow = this.overflow;
    let bits = 0;
    for (let q = overflow.findMixed(x, y); q >= 0; q = overflow.findMixed(x, y, q)) {
      bits |= liveBits(overflow.payloadAt(q), base + q, now, records, tombstones);
    }
    return bits;
  }

  /** Batch form of `actionsMixed` over mixed keys: ORs each key's bits into `out`. */
  actionsBatchMixed(
    xs: Uint32Array,
    ys: Uint32Array,
    count: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
    out: Uint8Array,
  ): void {
    for (let i = 0; i < count; i++) out[i]! |= this.actionsMixed(xs[i]!, ys[i]!, now, records, tombstones);
  }

  /**
   * The batch hot path: writes to `out[i]` the action bits of `values[i]` for i in [from, to), at
   * most `BATCH` values. Returns -1, leaving `out` unfinished, when some value is outside the domain
   * (see `inMobileDomain`): the caller then sorts the chunk out itself. Otherwise returns how many
   * values fall in a block whose bit is set in `reached` (a MobileRanges map) and lists their
   * indices (from `from`) in `ranged`: the caller adds their ranges' bits.
   *
   * The WebAssembly kernel (mobile-kernel.wat) runs the stages: mix every value to its bucket,
   * sub-slot and remainder (checking its domain and block); load each bucket's header in a loop that
   * only loads, so that every bucket's cache miss is in flight at once; then compare, in cache by
   * then, without branches but for long sub-slots. Keys whose sub-slot may have spilled are then
   * looked up in the overflow table here. With tombstones (removals not yet compacted) each value
   * takes the single-lookup path.
   */
  actionsOfValues(
    values: Float64Array,
    from: number,
    to: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
    out: Uint8Array,
    reached: Uint32Array = NO_BLOCKS,
    ranged: Uint32Array = new Uint32Array(to - from),
  ): number {
    const count = to - from;
    if (count > BATCH) throw new RangeError('MobileTable.actionsOfValues: more than BATCH values');
    const memory = this.memory;
    if (memory === null || tombstones !== null) {
      let n = 0;
      for (let i = 0; i < count; i++) {
        const offset = values[from + i]! - MOBILE_BASE;
        if (offset < 0 || offset >= MOBILE_SPAN) return -1;
        const block = leadBlock(offset);
        ranged[n] = i;
        n += (reached[block >>> 5]! >>> (block & 31)) & 1;
        mobileMixOffset(offset);
        out[from + i] = this.actionsMixed(mixed[0]!, mixed[1]!, now, records, tombstones);
      }
      return n;
    }
    const live = liveActionBits(records, now, this.liveLength);
    const n = memory.lookup(values, from, count, live, reached, out, ranged);
    for (let k = 0; k < memory.spilledCount; k++) {
      const at = from + memory.spilledIndex(k);
      mobileMixOffset(values[at]! - MOBILE_BASE);
      out[at]! |= this.overflowActions(mixed[0]!, mixed[1]!, now, records, null);
    }
    return n;
  }

  /** Every entry's mixed key and payload, in position order (for compaction). */
  forEachMixed(visit: (x: number, y: number, payload: number, position: number) => void): void {
    const { words, bucketBits } = this;
    const { remBits, remMask } = this.split;
    const buckets = bucketBits === 0 ? 0 : 2 ** bucketBits;
    const bucketScale = 2 ** (37 - bucketBits);
    for (let bucket = 0; bucket < buckets; bucket++) {
      const at = bucket * WORDS;
      const header = words[at + HEADER]!;
      let start = 0;
      for (let sub = 0; sub < 8; sub++) {
        const end = (header >>> (4 * sub)) & 15;
        for (let k = start; k < end; k++) {
          const word = words[at + k]!;
          const key = bucket * bucketScale + sub * 2 ** remBits + (word & remMask);
          const x = Math.floor(key / Y_SCALE);
          visit(x, key - x * Y_SCALE, word >>> remBits, at + k);
        }
        start = end;
      }
    }
    const base = words.length;
    this.overflow.forEachMixed((x, y, payload, position) => visit(x, y, payload, base + position));
  }

  /** Bytes held: the kernel's memory (buckets, overflow bitmap, work areas) and the overflow table. */
  get byteLength(): number {
    return (this.memory?.byteLength ?? 0) + this.overflow.byteLength;
  }
}

/** Keys held in the buckets, from their headers (whose nibbles must not decrease). */
function bucketedCount(words: Uint32Array, buckets: number): number {
  let total = 0;
  for (let bucket = 0; bucket < buckets; bucket++) {
    const header = words[bucket * WORDS + HEADER]!;
    let previous = 0;
    for (let sub = 0; sub < 8; sub++) {
      const end = (header >>> (4 * sub)) & 15;
      if (end < previous || end > CAPACITY) return -1;
      previous = end;
    }
    total += previous;
  }
  return total;
}

/**
 * Fills the buckets from keys grouped by the top 8 bits of x: a count per sub-slot (one byte,
 * saturating — a sub-slot past 15 keys overflows anyway), then each bucket's quota per sub-slot
 * and its header, then the keys to their places or to the overflow.
 */
function buildBuckets(
  xs: Uint32Array,
  ys: Uint32Array,
  payloads: Uint32Array,
  count: number,
  bucketBits: number,
): MobileTable {
  const split = keySplit(bucketBits);
  const { xDown, xUp, yDown, xKeep, yKeep, remBits, remMask } = split;
  const buckets = 2 ** bucketBits;
  const quota = new Uint8Array(buckets * 8);
  for (let i = 0; i < count; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    const cell =
      ((((x >>> xDown) << xUp) | (y >>> yDown)) << 3) | ((((x & xKeep) << 19) | (y & yKeep)) >>> remBits);
    const seen = quota[cell]!;
    quota[cell] = seen + ((seen - 255) >>> 31);
  }
  const memory = new KernelMemory(buckets, split);
  const { words, overflowed } = memory;
  const next = new Uint8Array(buckets * 8);
  let placed = 0;
  for (let bucket = 0; bucket < buckets; bucket++) {
    let fill = 0;
    let header = 0;
    for (let sub = 0; sub < 8; sub++) {
      const cell = bucket * 8 + sub;
      const take = Math.min(quota[cell]!, CAPACITY - fill);
      next[cell] = fill;
      quota[cell] = take;
      fill += take;
      header |= fill << (4 * sub);
    }
    words[bucket * WORDS + HEADER] = header;
    placed += fill;
  }
  const spill = count - placed;
  const spillXs = new Uint32Array(spill);
  const spillYs = new Uint32Array(spill);
  const spillPayloads = new Uint32Array(spill);
  let spilled = 0;
  for (let i = 0; i < count; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    const bucket = ((x >>> xDown) << xUp) | (y >>> yDown);
    const low = ((x & xKeep) << 19) | (y & yKeep);
    const cell = (bucket << 3) | (low >>> remBits);
    if (quota[cell]! > 0) {
      quota[cell]!--;
      words[bucket * WORDS + next[cell]!++] = ((low & remMask) | (payloads[i]! << remBits)) >>> 0;
    } else {
      overflowed[bucket >>> 5]! |= 1 << (bucket & 31);
      spillXs[spilled] = x;
      spillYs[spilled] = y;
      spillPayloads[spilled++] = payloads[i]!;
    }
  }
  const overflow = MobileCsr.fromMixed(spillXs, spillYs, spillPayloads, spilled);
  return MobileTable.of(count, bucketBits, memory, overflow);
}
