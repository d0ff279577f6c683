/**
 * EntryTable: a KeyTable (or a MobileTable: any `BaseTable` with its key scheme) plus the deltas
 * applied since it was built, so that a change from the intelligence store's change log is live at
 * once without rebuilding millions of entries:
 *
 * - removals set a bit in a tombstone bitmap over the table's positions;
 * - additions go to a small overlay (a Map keyed by the mixed low half; it stays small because
 *   `compact()` folds it, and the tombstones, into a new KeyTable when the owner decides).
 *
 * An entry is identified by its key and its list: adding a key to a list that already holds it
 * replaces the old entry (new provenance, same key).
 */
import { mix, mixed } from './key-mix.js';
import { KeyTable, type RecordBits } from './key-table.js';
import type { ProvenanceTable } from './provenance-table.js';

/** What an EntryTable needs of its immutable base table, in terms of mixed keys (high, low). */
export interface BaseTable {
  readonly size: number;
  /** One more than the highest position an entry can have (tombstones are a bitmap over them). */
  readonly positions: number;
  readonly byteLength: number;
  findMixed(high: number, low: number, after?: number): number;
  actionsMixed(
    high: number,
    low: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
  ): number;
  actionsBatchMixed(
    highs: Uint32Array,
    lows: Uint32Array,
    count: number,
    now: number,
    records: RecordBits,
    tombstones: Uint32Array | null,
    out: Uint8Array,
    scratch: Uint32Array,
  ): void;
  payloadAt(position: number): number;
  forEachMixed(visit: (high: number, low: number, payload: number, position: number) => void): void;
}

/** How raw keys become a base table's mixed keys (written to `mixed`), and how it is rebuilt. */
export interface KeyScheme<T extends BaseTable> {
  mix(high: number, low: number): void;
  fromMixed(highs: Uint32Array, lows: Uint32Array, payloads: Uint32Array, count: number): T;
}

/** The general scheme: any 64-bit key, in a KeyTable. */
export const KEY_TABLE_SCHEME: KeyScheme<KeyTable> = {
  mix,
  fromMixed: (highs, lows, payloads, count) => KeyTable.fromMixed(highs, lows, payloads, count),
};

export class EntryTable<T extends BaseTable = KeyTable> {
  private tombstones: Uint32Array | null = null;
  private tombstoneCount = 0;
  /** mixed low | 0 → flat triples [mixedHigh, mixedLow, record, …]. */
  private overlay = new Map<number, number[]>();
  private overlayCount = 0;

  constructor(
    private base: T,
    private readonly records: ProvenanceTable,
    private readonly scheme: KeyScheme<T> = KEY_TABLE_SCHEME as unknown as KeyScheme<T>,
  ) {}

  /** The base table, for a snapshot; only when no deltas are pending (call `compact()` first). */
  snapshotTable(): T {
    if (this.pendingChanges !== 0) throw new Error('EntryTable.snapshotTable: compact first');
    return this.base;
  }

  /** Live entries: the base table's minus its tombstones, plus the overlay's. */
  get size(): number {
    return this.base.size - this.tombstoneCount + this.overlayCount;
  }

  /** Changes not yet folded into the base table; compact when this grows (e.g. past 100,000). */
  get pendingChanges(): number {
    return this.overlayCount + this.tombstoneCount;
  }

  /** The action bits (see ACTION_BIT) of the live entries of a raw key. Allocation-free. */
  actions(high: number, low: number, now: number): number {
    this.scheme.mix(high, low);
    return this.actionsMixed(mixed[0]!, mixed[1]!, now);
  }

  actionsMixed(mixedHigh: number, mixedLow: number, now: number): number {
    let bits = this.base.actionsMixed(mixedHigh, mixedLow, now, this.records, this.tombstones);
    if (this.overlayCount > 0) bits |= this.overlayActions(mixedHigh, mixedLow, now);
    return bits;
  }

  /**
   * Batch form of `actionsMixed`: ORs the action bits of `count` mixed keys into `out`. `scratch` is
   * caller-owned work space of at least `2 * count` elements.
   */
  actionsBatchMixed(
    highs: Uint32Array,
    lows: Uint32Array,
    count: number,
    now: number,
    out: Uint8Array,
    scratch: Uint32Array,
  ): void {
    this.base.actionsBatchMixed(highs, lows, count, now, this.records, this.tombstones, out, scratch);
    if (this.overlayCount > 0) {
      for (let i = 0; i < count; i++) out[i]! |= this.overlayActions(highs[i]!, lows[i]!, now);
    }
  }

  /**
   * For a batch loop of the base table's own (MobileTable.actionsOfValues): the base table, its
   * tombstones and the records. Add `overlayActions` for each key when `overlaid`.
   */
  get batchParts(): { base: T; tombstones: Uint32Array | null; records: ProvenanceTable } {
    return { base: this.base, tombstones: this.tombstones, records: this.records };
  }

  /** Whether deltas were added since the base table was built (see `overlayActions`). */
  get overlaid(): boolean {
    return this.overlayCount > 0;
  }

  /** The action bits of a mixed key's live entries added since the base table was built. */
  overlayActions(mixedHigh: number, mixedLow: number, now: number): number {
    const bucket = this.overlay.get(mixedLow | 0);
    if (bucket === undefined) return 0;
    let bits = 0;
    for (let i = 0; i < bucket.length; i += 3) {
      if (bucket[i] !== mixedHigh || bucket[i + 1] !== mixedLow) continue;
      const record = bucket[i + 2]!;
      if (this.records.expiresAtOf[record]! > now) bits |= this.records.actionBitOf[record]!;
    }
    return bits;
  }

  /** Appends the record ids of the live entries of a raw key to `out`. */
  collect(high: number, low: number, now: number, out: number[]): void {
    this.scheme.mix(high, low);
    const mixedHigh = mixed[0]!;
    const mixedLow = mixed[1]!;
    const { base, tombstones, records } = this;
    for (let p = base.findMixed(mixedHigh, mixedLow); p >= 0; p = base.findMixed(mixedHigh, mixedLow, p)) {
      if (tombstones !== null && (tombstones[p >>> 5]! & (1 << (p & 31))) !== 0) continue;
      const record = base.payloadAt(p);
      if (records.live(record, now)) out.push(record);
    }
    const bucket = this.overlay.get(mixedLow | 0);
    if (bucket === undefined) return;
    for (let i = 0; i < bucket.length; i += 3) {
      if (bucket[i] === mixedHigh && bucket[i + 1] === mixedLow && records.live(bucket[i + 2]!, now)) {
        out.push(bucket[i + 2]!);
      }
    }
  }

  /** Adds (or replaces, within the record's list) the entry of a raw key. */
  add(high: number, low: number, record: number): void {
    this.remove(high, low, this.records.listOf[record]!);
    this.scheme.mix(high, low);
    const key = mixed[1]! | 0;
    const bucket = this.overlay.get(key);
    if (bucket === undefined) this.overlay.set(key, [mixed[0]!, mixed[1]!, record]);
    else bucket.push(mixed[0]!, mixed[1]!, record);
    this.overlayCount++;
  }

  /** Removes a raw key's entry from one list; returns how many entries went (0 or 1, or more if duplicated). */
  remove(high: number, low: number, listId: number): number {
    this.scheme.mix(high, low);
    const mixedHigh = mixed[0]!;
    const mixedLow = mixed[1]!;
    const { base, records } = this;
    let removed = 0;
    for (let p = base.findMixed(mixedHigh, mixedLow); p >= 0; p = base.findMixed(mixedHigh, mixedLow, p)) {
      if (records.listOf[base.payloadAt(p)] !== listId) continue;
      this.tombstones ??= new Uint32Array(Math.ceil(base.positions / 32));
      const bit = 1 << (p & 31);
      if ((this.tombstones[p >>> 5]! & bit) !== 0) continue;
      this.tombstones[p >>> 5]! |= bit;
      this.tombstoneCount++;
      removed++;
    }
    const bucket = this.overlay.get(mixedLow | 0);
    if (bucket !== undefined) {
      for (let i = bucket.length - 3; i >= 0; i -= 3) {
        if (bucket[i] !== mixedHigh || bucket[i + 1] !== mixedLow) continue;
        if (records.listOf[bucket[i + 2]!] !== listId) continue;
        bucket.splice(i, 3);
        this.overlayCount--;
        removed++;
      }
      if (bucket.length === 0) this.overlay.delete(mixedLow | 0);
    }
    return removed;
  }

  /** Every live-or-expired entry (tombstoned ones left out): its mixed key and record. */
  forEachMixed(visit: (high: number, low: number, record: number) => void): void {
    const tombstones = this.tombstones;
    this.base.forEachMixed((high, low, payload, position) => {
      if (tombstones !== null && (tombstones[position >>> 5]! & (1 << (position & 31))) !== 0) return;
      visit(high, low, payload);
    });
    for (const bucket of this.overlay.values()) {
      for (let i = 0; i < bucket.length; i += 3) visit(bucket[i]!, bucket[i + 1]!, bucket[i + 2]!);
    }
  }

  /** Folds the overlay and tombstones into a new base table. O(size); readers see either state. */
  compact(): void {
    if (this.pendingChanges === 0) return;
    const count = this.size;
    const highs = new Uint32Array(count);
    const lows = new Uint32Array(count);
    const payloads = new Uint32Array(count);
    let n = 0;
    this.forEachMixed((high, low, payload) => {
      highs[n] = high;
      lows[n] = low;
      payloads[n++] = payload;
    });
    this.base = this.scheme.fromMixed(highs, lows, payloads, n);
    this.tombstones = null;
    this.tombstoneCount = 0;
    this.overlay = new Map();
    this.overlayCount = 0;
  }

  get byteLength(): number {
    return this.base.byteLength + (this.tombstones?.byteLength ?? 0);
  }
}
