/**
 * EntryTable: a KeyTable plus the deltas applied since it was built, so that a change from the
 * intelligence store's change log is live at once without rebuilding millions of entries:
 *
 * - removals set a bit in a tombstone bitmap over the table's positions;
 * - additions go to a small overlay (a Map keyed by the mixed low half; it stays small because
 *   `compact()` folds it, and the tombstones, into a new KeyTable when the owner decides).
 *
 * An entry is identified by its key and its list: adding a key to a list that already holds it
 * replaces the old entry (new provenance, same key).
 */
import { mix, mixed } from './key-mix.js';
import { KeyTable } from './key-table.js';
import type { ProvenanceTable } from './provenance-table.js';

export class EntryTable {
  private tombstones: Uint32Array | null = null;
  private tombstoneCount = 0;
  /** mixed low | 0 → flat triples [mixedHigh, mixedLow, record, …]. */
  private overlay = new Map<number, number[]>();
  private overlayCount = 0;

  constructor(
    private base: KeyTable,
    private readonly records: ProvenanceTable,
  ) {}

  /** The base table, for a snapshot; only when no deltas are pending (call `compact()` first). */
  snapshotTable(): KeyTable {
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
    mix(high, low);
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

  private overlayActions(mixedHigh: number, mixedLow: number, now: number): number {
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
    mix(high, low);
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
    mix(high, low);
    const key = mixed[1]! | 0;
    const bucket = this.overlay.get(key);
    if (bucket === undefined) this.overlay.set(key, [mixed[0]!, mixed[1]!, record]);
    else bucket.push(mixed[0]!, mixed[1]!, record);
    this.overlayCount++;
  }

  /** Removes a raw key's entry from one list; returns how many entries went (0 or 1, or more if duplicated). */
  remove(high: number, low: number, listId: number): number {
    mix(high, low);
    const mixedHigh = mixed[0]!;
    const mixedLow = mixed[1]!;
    const { base, records } = this;
    let removed = 0;
    for (let p = base.findMixed(mixedHigh, mixedLow); p >= 0; p = base.findMixed(mixedHigh, mixedLow, p)) {
      if (records.listOf[base.payloadAt(p)] !== listId) continue;
      this.tombstones ??= new Uint32Array(Math.ceil(base.size / 32));
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

  /** Folds the overlay and tombstones into a new base table. O(size); readers see either state. */
  compact(): void {
    if (this.pendingChanges === 0) return;
    const count = this.size;
    const highs = new Uint32Array(count);
    const lows = new Uint32Array(count);
    const payloads = new Uint32Array(count);
    let n = 0;
    const tombstones = this.tombstones;
    this.base.forEachMixed((high, low, payload, position) => {
      if (tombstones !== null && (tombstones[position >>> 5]! & (1 << (position & 31))) !== 0) return;
      highs[n] = high;
      lows[n] = low;
      payloads[n++] = payload;
    });
    for (const bucket of this.overlay.values()) {
      for (let i = 0; i < bucket.length; i += 3) {
        highs[n] = bucket[i]!;
        lows[n] = bucket[i + 1]!;
        payloads[n++] = bucket[i + 2]!;
      }
    }
    this.base = KeyTable.fromMixed(highs, lows, payloads, n);
    this.tombstones = null;
    this.tombstoneCount = 0;
    this.overlay = new Map();
    this.overlayCount = 0;
  }

  get byteLength(): number {
    return this.base.byteLength + (this.tombstones?.byteLength ?? 0);
  }
}
