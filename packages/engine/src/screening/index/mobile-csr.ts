/**
 * MobileCsr: mobile-domain keys (see mobile-mix.ts) in a slot directory (first position and a 32-bit
 * summary per slot) over 4-byte entries (the key's remainder beside its payload). Compact and exact,
 * but a lookup reads two cache lines; the MobileTable keeps it for what its buckets do not hold (a
 * small table, an overflowing bucket's extra keys) and to read snapshots of format 3, whose mobile
 * table was one of these.
 */
import { KeyGroups } from './key-groups.js';
import { Y_SCALE } from './mobile-mix.js';
import { liveBits, type RecordBits } from './key-table.js';

const LOAD = 4;
const PACKED = 1;
const WIDE = 2;

/** A MobileCsr's typed arrays as they are, for a snapshot. */
export interface MobileCsrParts {
  size: number;
  slotBits: number;
  layout: number;
  directory: Uint32Array;
  entries: Uint32Array;
}

export class MobileCsr {
  /** 2^remBits: a mixed key is slot · scale + remainder. */
  private readonly scale: number;
  private readonly remBits: number;
  private readonly remMask: number;
  private readonly stride: number;
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
  }

  /** Positions run from 0 to size − 1 (see BaseTable.positions). */
  get positions(): number {
    return this.size;
  }

  toParts(): MobileCsrParts {
    const { size, slotBits, layout, directory, entries } = this;
    return { size, slotBits, layout, directory, entries };
  }

  static fromParts(parts: MobileCsrParts): MobileCsr {
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
      throw new RangeError('MobileCsr.fromParts: inconsistent parts');
    }
    return new MobileCsr(size, slotBits, layout, directory, entries);
  }

  static empty(): MobileCsr {
    return MobileCsr.fromMixed(new Uint32Array(0), new Uint32Array(0), new Uint32Array(0), 0);
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
  ): MobileCsr {
    if (!grouped && count > 1 << 16) {
      const groups = new KeyGroups(18);
      for (let i = 0; i < count; i++) groups.count(xs[i]!);
      groups.startScatter();
      for (let i = 0; i < count; i++) groups.add(xs[i]!, ys[i]!, payloads[i]!);
      return MobileCsr.fromMixed(groups.highs, groups.lows, groups.payloads, count, true);
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
    return new MobileCsr(count, slotBits, layout, directory, entries);
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
      if ((entries[p * stride]! & remMask) === rem)
        bits |= liveBits(this.payloadAt(p), p, now, records, tombstones);
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
