/**
 * NumberIndex: listed phone numbers (exact, e.g. +8613812345678) and number ranges (prefixes, e.g.
 * every +861700 number, every 95 number), each entry with its provenance. Built once from a snapshot,
 * then kept current with `add`/`remove` deltas and an occasional `compact()`.
 */
import { EntryTable } from './entry-table.js';
import { KeyTable, type KeyTableParts } from './key-table.js';
import { mix, mixed, unmix, unmixed } from './key-mix.js';
import { restoreMobileTable, splitLegacyExact } from './legacy-exact.js';
import type { MobileCsrParts } from './mobile-csr.js';
import { MOBILE_BASE, MOBILE_SPAN, inMobileDomain, mobileMixOffset } from './mobile-mix.js';
import type { MobileTable } from './mobile-table.js';
import { BATCH, type MobileTableParts } from './mobile-table.js';
import { digitCount, leadBlock, MobileRanges, NO_RANGE, POW10, RANGES_VARY } from './mobile-ranges.js';
import {
  prepareEntry,
  resolveEntry,
  type EntryResult,
  type IndexMatch,
  type NumberEntry,
  type NumberMatchRule,
} from './number-entry.js';
import { MOBILE_SCHEME, NumberIndexBuilder, type NumberIndexTables } from './number-index-builder.js';
import { encodeDigits, numberKey, splitNormalized } from './number-key.js';
import { PrefixFilter } from './prefix-filter.js';
import { ProvenanceTable } from './provenance-table.js';

export type { EntryResult, IndexMatch, NumberEntry, NumberMatchRule } from './number-entry.js';
export { NumberIndexBuilder } from './number-index-builder.js';

const TWO_32 = 4294967296;

/**
 * The parts of a NumberIndex; `mobile` is absent in snapshots taken before the MobileTable, and a
 * MobileCsr's in format 3 ones.
 */
export interface NumberIndexParts {
  exact: KeyTableParts;
  mobile?: MobileTableParts | MobileCsrParts;
  prefixes: KeyTableParts;
  e164Prefixes: ReturnType<PrefixFilter['toParts']>;
  barePrefixes: ReturnType<PrefixFilter['toParts']>;
}

export class NumberIndex {
  private batchWork?: {
    mobileValues: Float64Array;
    mobileAt: Uint32Array;
    mobileOut: Uint8Array;
    ranged: Uint32Array;
    highs: Uint32Array;
    lows: Uint32Array;
    otherAt: Uint32Array;
    otherOut: Uint8Array;
    scratch: Uint32Array;
  };
  /** See mobile-ranges.ts; built on first use, dropped when a range is added or removed. */
  private ranges: MobileRanges | null = null;

  readonly records: ProvenanceTable;
  /** Exact numbers outside the mobile domain (other countries, fixed lines, bare numbers). */
  private readonly exact: EntryTable;
  /** Exact numbers of the mobile domain (see mobile-table.ts). */
  private readonly mobile: EntryTable<MobileTable>;
  private readonly prefixes: EntryTable;
  private readonly e164Prefixes: PrefixFilter;
  private readonly barePrefixes: PrefixFilter;

  /** @internal use `NumberIndex.builder()` or `NumberIndex.fromParts()`. */
  constructor(tables: NumberIndexTables) {
    this.records = tables.records;
    this.exact = tables.exact;
    this.mobile = tables.mobile;
    this.prefixes = tables.prefixes;
    this.e164Prefixes = tables.e164Prefixes;
    this.barePrefixes = tables.barePrefixes;
  }

  static builder(records: ProvenanceTable = new ProvenanceTable()): NumberIndexBuilder {
    return new NumberIndexBuilder(records, (tables) => new NumberIndex(tables));
  }

  /** The index's tables and filters, for a snapshot (compact first). */
  toParts(): Required<NumberIndexParts> & { mobile: MobileTableParts } {
    return {
      exact: this.exact.snapshotTable().toParts(),
      mobile: this.mobile.snapshotTable().toParts(),
      prefixes: this.prefixes.snapshotTable().toParts(),
      e164Prefixes: this.e164Prefixes.toParts(),
      barePrefixes: this.barePrefixes.toParts(),
    };
  }

  /**
   * An index over parts from `toParts()`, used as they are. Parts without a mobile table (taken
   * before it existed) hold every exact number in `exact`: they are split once here (O(size)).
   */
  static fromParts(records: ProvenanceTable, parts: NumberIndexParts): NumberIndex {
    let exact = KeyTable.fromParts(parts.exact);
    let mobile: MobileTable;
    if (parts.mobile !== undefined) mobile = restoreMobileTable(parts.mobile);
    else [exact, mobile] = splitLegacyExact(exact);
    return new NumberIndex({
      records,
      exact: new EntryTable(exact, records),
      mobile: new EntryTable(mobile, records, MOBILE_SCHEME),
      prefixes: new EntryTable(KeyTable.fromParts(parts.prefixes), records),
      e164Prefixes: PrefixFilter.fromParts(parts.e164Prefixes),
      barePrefixes: PrefixFilter.fromParts(parts.barePrefixes),
    });
  }

  get size(): number {
    return this.exact.size + this.mobile.size + this.prefixes.size;
  }

  get pendingChanges(): number {
    return this.exact.pendingChanges + this.mobile.pendingChanges + this.prefixes.pendingChanges;
  }

  get byteLength(): number {
    return this.exact.byteLength + this.mobile.byteLength + this.prefixes.byteLength;
  }

  /** The exact table of a raw number key: the mobile table for the mobile domain's. */
  private exactOf(high: number, low: number): EntryTable<KeyTable> | EntryTable<MobileTable> {
    return inMobileDomain(high, low) ? this.mobile : this.exact;
  }

  /** Whether some listed E.164 range may hold mobile-domain numbers. */
  private get mobileRanged(): boolean {
    return this.e164Prefixes.lengths !== 0;
  }

  /** ORs into `out[i]` the bits of the mobile table's overlay for values[i], i in [from, to). */
  private mobileOverlay(values: Float64Array, from: number, to: number, now: number, out: Uint8Array): void {
    for (let i = from; i < to; i++) {
      mobileMixOffset(values[i]! - MOBILE_BASE);
      out[i]! |= this.mobile.overlayActions(mixed[0]!, mixed[1]!, now);
    }
  }

  /** The listed E.164 ranges by block of the mobile domain (see mobile-ranges.ts). */
  private get mobileRanges(): MobileRanges {
    if (this.ranges !== null) return this.ranges;
    if (this.e164Prefixes.lengths === 0) return (this.ranges = MobileRanges.none);
    return (this.ranges = MobileRanges.build((add) =>
      this.prefixes.forEachMixed((high, low, record) => {
        unmix(high, low);
        const value = unmixed[0]! * TWO_32 + unmixed[1]!;
        // Bare prefixes (95, 1069) are keyed from 10^15 up; E.164 ones by their value.
        if (value < 1e15) add(value, record);
      }),
    ));
  }

  /**
   * The bits of the ranges holding a mobile-domain number, from its block's entry in `mobileRanges`
   * (`block`, not NO_RANGE): the block's own range records, or a probe per range length.
   */
  private blockRangeActions(block: number, value: number, now: number): number {
    if (block === RANGES_VARY) return this.prefixActionsOfE164(value, now);
    const records = this.mobileRanges.sets[block]!;
    let bits = 0;
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      if (this.records.expiresAtOf[record]! > now) bits |= this.records.actionBitOf[record]!;
    }
    return bits;
  }

  /** The bits of the ranges holding a mobile-domain number (its value and offset from MOBILE_BASE). */
  private mobileRangeActions(value: number, offset: number, now: number): number {
    const block = this.mobileRanges.blocks[leadBlock(offset)]!;
    return block === NO_RANGE ? 0 : this.blockRangeActions(block, value, now);
  }

  /**
   * The action bits (ACTION_BIT) of every live entry matching an E.164 number given as the value of
   * its digits. The hot path: no strings, no allocation.
   */
  actionsOfE164(value: number, now: number): number {
    const offset = value - MOBILE_BASE;
    if (offset >= 0 && offset < MOBILE_SPAN) {
      mobileMixOffset(offset);
      const bits = this.mobile.actionsMixed(mixed[0]!, mixed[1]!, now);
      return this.mobileRanged ? bits | this.mobileRangeActions(value, offset, now) : bits;
    }
    const bits = this.exact.actions(Math.floor(value / TWO_32), value >>> 0, now);
    if (this.e164Prefixes.lengths === 0) return bits;
    return bits | this.prefixActionsOfE164(value, now);
  }

  private prefixActionsOfE164(value: number, now: number): number {
    const filter = this.e164Prefixes;
    const digits = digitCount(value);
    let bits = 0;
    // Visit only the lengths that hold ranges: lowest set bit first.
    for (let lengths = filter.lengths; lengths !== 0; lengths &= lengths - 1) {
      const length = 31 - Math.clz32(lengths & -lengths);
      if (length > digits) break;
      const prefix = Math.floor(value / POW10[digits - length]!);
      if (!filter.mayHold(length, prefix)) continue;
      bits |= this.prefixes.actions(Math.floor(prefix / TWO_32), prefix >>> 0, now);
    }
    return bits;
  }

  /**
   * Batch form of `actionsOfE164` for many numbers at once (the batch screening API): writes each
   * number's action bits to `out`. Faster per number than single lookups: a chunk of mobile numbers
   * only (the usual batch) is looked up by the mobile table in stages (see
   * MobileTable.actionsOfValues), which also lists those in blocks some range reaches; any other
   * chunk is split, its mobile numbers apart from the others.
   */
  actionsOfE164Batch(values: Float64Array, now: number, out: Uint8Array): void {
    const work = (this.batchWork ??= {
      mobileValues: new Float64Array(BATCH),
      mobileAt: new Uint32Array(BATCH),
      mobileOut: new Uint8Array(BATCH),
      ranged: new Uint32Array(BATCH),
      highs: new Uint32Array(BATCH),
      lows: new Uint32Array(BATCH),
      otherAt: new Uint32Array(BATCH),
      otherOut: new Uint8Array(BATCH),
      scratch: new Uint32Array(2 * BATCH),
    });
    const { mobileValues, mobileAt, mobileOut, ranged, highs, lows, otherAt, otherOut, scratch } = work;
    const { base: mobile, tombstones, records } = this.mobile.batchParts;
    const reached = this.mobileRanged ? this.mobileRanges.reached : undefined;
    for (let from = 0; from < values.length; from += BATCH) {
      const count = Math.min(BATCH, values.length - from);
      // The common chunk, mobile numbers only, is looked up in place (-1: some value is not one).
      let n = mobile.actionsOfValues(
        values,
        from,
        from + count,
        now,
        records,
        tombstones,
        out,
        reached,
        ranged,
      );
      if (n >= 0) {
        if (this.mobile.overlaid) this.mobileOverlay(values, from, from + count, now, out);
        for (let k = 0; k < n; k++) {
          const at = from + ranged[k]!;
          out[at]! |= this.mobileRangeActions(values[at]!, values[at]! - MOBILE_BASE, now);
        }
        continue;
      }
      let mobiles = 0;
      let others = 0;
      for (let i = 0; i < count; i++) {
        const value = values[from + i]!;
        const offset = value - MOBILE_BASE;
        if (offset >= 0 && offset < MOBILE_SPAN) {
          mobileValues[mobiles] = value;
          mobileAt[mobiles++] = i;
        } else {
          mix(Math.floor(value / TWO_32), value >>> 0);
          highs[others] = mixed[0]!;
          lows[others] = mixed[1]!;
          otherAt[others++] = i;
        }
      }
      if (mobiles > 0) {
        n = mobile.actionsOfValues(
          mobileValues,
          0,
          mobiles,
          now,
          records,
          tombstones,
          mobileOut,
          reached,
          ranged,
        );
        if (this.mobile.overlaid) this.mobileOverlay(mobileValues, 0, mobiles, now, mobileOut);
        for (let k = 0; k < n; k++) {
          const value = mobileValues[ranged[k]!]!;
          mobileOut[ranged[k]!]! |= this.mobileRangeActions(value, value - MOBILE_BASE, now);
        }
        for (let k = 0; k < mobiles; k++) out[from + mobileAt[k]!] = mobileOut[k]!;
      }
      if (others > 0) {
        otherOut.fill(0, 0, others);
        this.exact.actionsBatchMixed(highs, lows, others, now, otherOut, scratch);
        for (let k = 0; k < others; k++) {
          const at = from + otherAt[k]!;
          out[at] =
            this.e164Prefixes.lengths === 0
              ? otherOut[k]!
              : otherOut[k]! | this.prefixActionsOfE164(values[at]!, now);
        }
      }
    }
  }

  /** The action bits of a normalized number ("+8613812345678" or "95588"); 0 for anything else. */
  actionsOf(normalized: string, now: number): number {
    const split = splitNormalized(normalized);
    if (!split) return 0;
    if (split.namespace === 'e164') return this.actionsOfE164(Number(split.digits), now);
    let bits = encodeDigits(split.digits, 'bare')
      ? this.exact.actions(numberKey.high, numberKey.low, now)
      : 0;
    for (let length = 1; length <= split.digits.length && length <= 15; length++) {
      if ((this.barePrefixes.lengths & (1 << length)) === 0) continue;
      encodeDigits(split.digits.slice(0, length), 'bare');
      bits |= this.prefixes.actions(numberKey.high, numberKey.low, now);
    }
    return bits;
  }

  /** Every live entry matching a normalized number, with the rule that matched. */
  matches(normalized: string, now: number): IndexMatch[] {
    const split = splitNormalized(normalized);
    if (!split) return [];
    const out: IndexMatch[] = [];
    const records: number[] = [];
    if (encodeDigits(split.digits, split.namespace))
      this.exactOf(numberKey.high, numberKey.low).collect(numberKey.high, numberKey.low, now, records);
    const lengths = (split.namespace === 'e164' ? this.e164Prefixes : this.barePrefixes).lengths;
    for (let length = 1; length <= split.digits.length && length <= 15; length++) {
      if ((lengths & (1 << length)) === 0) continue;
      encodeDigits(split.digits.slice(0, length), split.namespace);
      this.prefixes.collect(numberKey.high, numberKey.low, now, records);
    }
    for (const record of records) out.push({ record, rule: this.records.ruleOf(record) });
    return out;
  }

  /** Applies an added (or changed) entry. */
  add(entry: NumberEntry): EntryResult {
    const prepared = prepareEntry(entry, this.records);
    if (!prepared.ok) return prepared;
    const { match, resolved, record } = prepared;
    if (match === 'prefix') {
      this.prefixes.add(numberKey.high, numberKey.low, record);
      const filter = resolved.namespace === 'e164' ? this.e164Prefixes : this.barePrefixes;
      filter.add(resolved.digits.length, Number(resolved.digits));
      this.ranges = null;
    } else {
      this.exactOf(numberKey.high, numberKey.low).add(numberKey.high, numberKey.low, record);
    }
    return { ok: true, normalized: resolved.normalized };
  }

  /** Removes a value's entry from a list; returns how many entries went. */
  remove(value: string, list: string, match: NumberMatchRule = 'exact'): number {
    const resolved = resolveEntry(value, match);
    if ('reason' in resolved) return 0;
    encodeDigits(resolved.digits, resolved.namespace);
    if (match === 'prefix') this.ranges = null;
    const table = match === 'prefix' ? this.prefixes : this.exactOf(numberKey.high, numberKey.low);
    return table.remove(numberKey.high, numberKey.low, this.records.listId(list));
  }

  /** Folds pending deltas into the typed arrays (O(size): ~1 s at 10 million on one core). */
  compact(): void {
    this.exact.compact();
    this.mobile.compact();
    this.prefixes.compact();
  }
}
