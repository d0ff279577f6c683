/**
 * MobileTable: the KeyTable layout (slot directory with a 32-bit summary, then the slot's entries)
 * specialised for the keys almost every screening lookup asks about — 13-digit E.164 numbers from
 * +8610… to +8674…, which hold every China mobile number (+861[3-9]…). Those are 2^37 values, so:
 *
 * - the key is its offset from `MOBILE_BASE` (37 bits, exact in a double), scrambled by a bijective
 *   three-round Feistel network over an 18-bit and a 19-bit half (`mobileMix`);
 * - the slot takes the top `slotBits` bits of the 37, and an entry stores only the other
 *   37 − slotBits (16 at 10 million entries) and its payload in one 32-bit word — 4 bytes an entry
 *   against the general table's 6, with one aligned compare a probe. Payloads that do not fit beside
 *   the remainder (more provenance records than 2^(slotBits − 5)) take a second word (`WIDE`).
 *
 * Batch lookups run in stages over arrays, each loop doing one thing: slot and remainder of every
 * key; a loop that only touches the keys' directory words (so that its loads are all in flight
 * together); the summaries, without branches; a loop that only touches the first and last entry of
 * every slot the summary lets through; then the scans, whose data is in cache by then.
 */
import { KeyGroups } from './key-groups.js';
import { mixed } from './key-mix.js';
import type { RecordBits } from './key-table.js';

/** The first key of the domain: +86 10 0000 0000 (E.164 digits as a number). */
export const MOBILE_BASE = 8_610_000_000_000;
/** How many keys the domain holds: 2^37, up to +86 74… — every value has 13 digits. */
export const MOBILE_SPAN = 2 ** 37;

const TWO_32 = 4294967296;
/** The Feistel halves: x, the top 18 bits of the 37, and y, the low 19. */
const Y_SCALE = 524288;
const X_MASK = 0x3ffff;
const Y_MASK = 0x7ffff;

const LOAD = 4;
const PACKED = 1;
const WIDE = 2;

/** Whether a raw 64-bit key (high, low halves of an E.164 value) is in the table's domain. */
export function inMobileDomain(high: number, low: number): boolean {
  const offset = high * TWO_32 + low - MOBILE_BASE;
  return offset >= 0 && offset < MOBILE_SPAN;
}

/** A Feistel round function: one multiply, then the product's high bits folded onto its low ones. */
function round(value: number, seed: number): number {
  const x = Math.imul(value ^ seed, 0x85ebca6b);
  return x ^ (x >>> 15);
}

/**
 * Scrambles a domain value's offset (0 ≤ offset < 2^37, an integer) into its mixed halves:
 * mixed[0] = x (18 bits), mixed[1] = y (19 bits). Bijective: distinct numbers never collide.
 */
export function mobileMixOffset(offset: number): void {
  let x = Math.floor(offset / Y_SCALE);
  let y = offset - x * Y_SCALE;
  x = (x ^ round(y, 0x5bd1e995)) & X_MASK;
  y = (y ^ round(x, 0x27d4eb2f)) & Y_MASK;
  x = (x ^ round(y, 0x165667b1)) & X_MASK;
  mixed[0] = x;
  mixed[1] = y;
}

/** `mobileMixOffset` for a raw key (high, low) in the domain (see `inMobileDomain`). */
export function mobileMix(high: number, low: number): void {
  mobileMixOffset(high * TWO_32 + low - MOBILE_BASE);
}

/** The E.164 value (8613812345678) whose mixed halves are (x, y). */
export function mobileUnmix(x: number, y: number): number {
  x = (x ^ round(y, 0x165667b1)) & X_MASK;
  y = (y ^ round(x, 0x27d4eb2f)) & Y_MASK;
  x = (x ^ round(y, 0x5bd1e995)) & X_MASK;
  return MOBILE_BASE + x * Y_SCALE + y;
}

/** A MobileTable's typed arrays as they are, for a snapshot. */
export interface MobileTableParts {
  size: number;
  slotBits: number;
  layout: number;
  directory: Uint32Array;
  entries: Uint32Array;
}

/** Values per `actionsOfValues` call, and the work arrays of its stages (lookups do not nest). */
export const BATCH = 256;
const AT = new Uint32Array(BATCH);
const REMS = new Uint32Array(BATCH);
const STARTS = new Uint32Array(BATCH);
const ENDS = new Uint32Array(BATCH);
const FIRSTS = new Uint32Array(BATCH);
const LASTS = new Uint32Array(BATCH);

export class MobileTable {
  /** 2^remBits: a mixed key is slot · scale + remainder. */
  private readonly scale: number;
  private readonly remBits: number;
  private readonly remMask: number;
  private readonly stride: number;
  /**
   * Slot and remainder of mixed halves (x, y) in int arithmetic: the slot is
   * ((x >>> xDown) << xUp) | (y >>> yDown), the remainder ((x & xKeep) << 19) | (y & yKeep).
   */
  private readonly xDown: number;
  private readonly xUp: number;
  private readonly yDown: number;
  private readonly xKeep: number;
  private readonly yKeep: number;
  /** Written by batch lookups so that the engine cannot drop their prefetching loads. */
  private touched = 0;

  private constructor(
    readonly size: number,
    private readonly slotBits: number,
    private readonly layout: number,
    /** Per slot s: [2s] first position, [2s + 1] summary bits; [2 · slotCount] = size. */
    private readonly directory: Uint32Array,
    /** PACKED: remainder | payload << remBits; WIDE: [remainder, payload]. */
    private readonly entries: Uint32Array,
  ) {
    this.remBits = 37 - slotBits;
    this.scale = 2 ** this.remBits;
    this.remMask = (1 << this.remBits) - 1;
    this.stride = layout === PACKED ? 1 : 2;
    this.xDown = Math.max(0, 18 - slotBits);
    this.xUp = Math.max(0, slotBits - 18);
    this.yDown = slotBits >= 18 ? this.remBits : 19;
    this.xKeep = (1 << this.xDown) - 1;
    this.yKeep = slotBits >= 18 ? this.remMask : Y_MASK;
  }

  toParts(): MobileTableParts {
    const { size, slotBits, layout, directory, entries } = this;
    return { size, slotBits, layout, directory, entries };
  }

  static fromParts(parts: MobileTableParts): MobileTable {
    const { size, slotBits, layout, directory, entries } = parts;
    if (
      !(layout === PACKED || layout === WIDE) ||
      !Number.isInteger(slotBits) ||
      slotBits < 6 ||
      slotBits > 27 ||
      directory.length !== 2 * 2 ** slotBits + 2 ||
      directory[2 * 2 ** slotBits] !== size ||
      entries.length !== size * (layout === PACKED ? 1 : 2)
    ) {
      throw new RangeError('MobileTable.fromParts: inconsistent parts');
    }
    return new MobileTable(size, slotBits, layout, directory, entries);
  }

  static empty(): MobileTable {
    return MobileTable.fromMixed(new Uint32Array(0), new Uint32Array(0), new Uint32Array(0), 0);
  }

  /**
   * Builds from mixed keys (see `mobileMix`) in any order; duplicates are kept (several lists).
   * `grouped`: the keys are already grouped by the top 8 bits of x (see KeyGroups), which keeps the
   * slot scatter's writes in cache; otherwise large inputs are grouped here first.
   */
  static fromMixed(
    xs: Uint32Array,
    ys: Uint32Array,
    payloads: Uint32Array,
    count: number,
    grouped = false,
  ): MobileTable {
    if (!grouped && count > 1 << 16) {
      const groups = new KeyGroups(18);
      for (let i = 0; i < count; i++) groups.count(xs[i]!);
      groups.startScatter();
      for (let i = 0; i < count; i++) groups.add(xs[i]!, ys[i]!, payloads[i]!);
      return MobileTable.fromMixed(groups.highs, groups.lows, groups.payloads, count, true);
    }
    // At least 6 slot bits (remainders ≤ 31 bits), at most 27 (≥ 10 remainder bits for the summary).
    const slotBits = Math.min(27, Math.max(6, Math.round(Math.log2(Math.max(1, count / LOAD)))));
    const slotCount = 2 ** slotBits;
    const remBits = 37 - slotBits;
    const scale = 2 ** remBits;
    let maxPayload = 0;
    for (let i = 0; i < count; i++) if (payloads[i]! > maxPayload) maxPayload = payloads[i]!;
    const layout = maxPayload < 2 ** (32 - remBits) ? PACKED : WIDE;
    const stride = layout === PACKED ? 1 : 2;
    const directory = new Uint32Array(2 * slotCount + 2);
    // A counting sort by slot; the slots of a key are computed twice (cheaper than storing them).
    for (let i = 0; i < count; i++) {
      const slot = Math.floor((xs[i]! * Y_SCALE + ys[i]!) / scale);
      directory[2 * slot + 2]!++;
    }
    for (let s = 0; s < slotCount; s++) directory[2 * s + 2]! += directory[2 * s]!;
    const cursor = new Uint32Array(slotCount);
    for (let s = 0; s < slotCount; s++) cursor[s] = directory[2 * s]!;
    const entries = new Uint32Array(count * stride);
    for (let i = 0; i < count; i++) {
      const y = ys[i]!;
      const key = xs[i]! * Y_SCALE + y;
      const slot = Math.floor(key / scale);
      const rem = key - slot * scale;
      directory[2 * slot + 1]! |= summaryBits(y);
      const at = cursor[slot]!++ * stride;
      if (layout === PACKED) {
        entries[at] = rem + payloads[i]! * scale;
      } else {
        entries[at] = rem;
        entries[at + 1] = payloads[i]!;
      }
    }
    return new MobileTable(count, slotBits, layout, directory, entries);
  }

  payloadAt(position: number): number {
    return this.layout === PACKED
      ? this.entries[position]! >>> this.remBits
      : this.entries[position * 2 + 1]!;
  }

  /**
   * The first entry after `after` holding the key whose mixed halves are (x, y), or -1. Pass the
   * previous result as `after` to visit every entry of a key.
   */
  findMixed(x: number, y: number, after = -1): number {
    const key = x * Y_SCALE + y;
    const slot = Math.floor(key / this.scale);
    const rem = (key - slot * this.scale) | 0;
    const summary = summaryBits(y);
    if ((this.directory[2 * slot + 1]! & summary) !== summary) return -1;
    const end = this.directory[2 * slot + 2]!;
    const { entries, stride, remMask } = this;
    for (let p = Math.max(this.directory[2 * slot]!, after + 1); p < end; p++) {
      if ((entries[p * stride]! & remMask) === rem) return p;
    }
    return -1;
  }

  /** The OR of the action bits of a mixed key's live entries (see KeyTable.actionsMixed). */
  actionsMixed(
    x: number,
    y: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
  ): number {
    const key = x * Y_SCALE + y;
    const slot = Math.floor(key / this.scale);
    const summary = summaryBits(y);
    if ((this.directory[2 * slot + 1]! & summary) !== summary) return 0;
    return this.slotActions(
      this.directory[2 * slot]!,
      this.directory[2 * slot + 2]!,
      (key - slot * this.scale) | 0,
      now,
      records,
      tombstones,
    );
  }

  /** The bits of the live entries in positions [from, end) whose remainder is `rem`. */
  private slotActions(
    from: number,
    end: number,
    rem: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
  ): number {
    const { entries, stride, remMask } = this;
    let bits = 0;
    for (let p = from; p < end; p++) {
      if ((entries[p * stride]! & remMask) !== rem) continue;
      if (tombstones !== null && (tombstones[p >>> 5]! & (1 << (p & 31))) !== 0) continue;
      const record = this.payloadAt(p);
      if (records.expiresAtOf[record]! > now) bits |= records.actionBitOf[record]!;
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
   * The batch hot path: writes to `out[i]` the action bits of `values[i]` for i in [from, to), every
   * value an E.164 number of the domain (see `inMobileDomain`; the caller checks), at most `BATCH`
   * of them. Stages, each a loop of its own (see the file comment): the loops that only load let the
   * CPU keep every key's cache miss in flight at once, and no branch that depends on a loaded value
   * sits between them (a mispredicted one would throw the loads behind it away).
   */
  actionsOfValues(
    values: Float64Array,
    from: number,
    to: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
    out: Uint8Array,
  ): void {
    const count = to - from;
    if (count > BATCH) throw new RangeError('MobileTable.actionsOfValues: more than BATCH values');
    if (this.size === 0 || this.layout !== PACKED) {
      for (let i = from; i < to; i++) {
        mobileMixOffset(values[i]! - MOBILE_BASE);
        out[i] = this.actionsMixed(mixed[0]!, mixed[1]!, now, records, tombstones);
      }
      return;
    }
    const { directory, entries, remMask, remBits, xDown, xUp, yDown, xKeep, yKeep } = this;
    const { expiresAtOf, actionBitOf } = records;
    for (let i = 0; i < count; i++) {
      const offset = values[from + i]! - MOBILE_BASE;
      let x = Math.floor(offset / Y_SCALE);
      let y = offset - x * Y_SCALE;
      x = (x ^ round(y, 0x5bd1e995)) & X_MASK;
      y = (y ^ round(x, 0x27d4eb2f)) & Y_MASK;
      x = (x ^ round(y, 0x165667b1)) & X_MASK;
      AT[i] = (((x >>> xDown) << xUp) | (y >>> yDown)) << 1;
      REMS[i] = ((x & xKeep) << 19) | (y & yKeep);
    }
    let touched = 0;
    for (let i = 0; i < count; i++) touched ^= directory[AT[i]!]!;
    for (let i = 0; i < count; i++) {
      const at = AT[i]! | 0;
      const rem = REMS[i]! | 0;
      const summary = (1 << (rem & 31)) | (1 << ((rem >>> 5) & 31));
      const start = directory[at]! | 0;
      const missing = (directory[at + 1]! & summary) ^ summary;
      // 1 when the summary lets the key through, else 0: the slot's range collapses to nothing.
      const through = ((missing | -missing) >>> 31) ^ 1;
      const end = start + (((directory[at + 2]! | 0) - start) & -through);
      STARTS[i] = start;
      ENDS[i] = end;
      // A key ruled out touches position 0 instead (in cache after the first), not its slot.
      FIRSTS[i] = start * through;
      LASTS[i] = (end - 1) & -through;
    }
    for (let i = 0; i < count; i++) touched ^= entries[FIRSTS[i]!]! ^ entries[LASTS[i]!]!;
    this.touched = touched;
    for (let i = 0; i < count; i++) {
      const end = ENDS[i]! | 0;
      const rem = REMS[i]! | 0;
      let bits = 0;
      for (let p = STARTS[i]! | 0; p < end; p++) {
        const word = entries[p]!;
        if ((word & remMask) !== rem) continue;
        if (tombstones !== null && (tombstones[p >>> 5]! & (1 << (p & 31))) !== 0) continue;
        const record = word >>> remBits;
        if (expiresAtOf[record]! > now) bits |= actionBitOf[record]!;
      }
      out[from + i] = bits;
    }
  }

  /** Every entry's mixed key and payload, in position order (for compaction). */
  forEachMixed(visit: (x: number, y: number, payload: number, position: number) => void): void {
    const { scale, stride, remMask } = this;
    const slotCount = (this.directory.length - 2) / 2;
    for (let slot = 0; slot < slotCount; slot++) {
      for (let p = this.directory[2 * slot]!; p < this.directory[2 * slot + 2]!; p++) {
        const key = slot * scale + ((this.entries[p * stride]! & remMask) >>> 0);
        const x = Math.floor(key / Y_SCALE);
        visit(x, key - x * Y_SCALE, this.payloadAt(p), p);
      }
    }
  }

  /** Bytes held by the typed arrays. */
  get byteLength(): number {
    return this.directory.byteLength + this.entries.byteLength;
  }
}

/** The two summary bits a key sets in its slot's directory word (from y, whose bits are random). */
function summaryBits(y: number): number {
  return (1 << (y & 31)) | (1 << ((y >>> 5) & 31));
}
