/**
 * NumberIndexBuilder: collects a NumberIndex's entries (one by one, or a snapshot's bulk E.164 values
 * as typed arrays) and builds its tables in O(n): the mobile domain's exact numbers into a
 * MobileTable, the other exact numbers into a KeyTable, ranges into their own table and filters.
 */
import type { NumberIndex } from './number-index.js';
import { EntryTable, type KeyScheme } from './entry-table.js';
import { KeyBuffer } from './key-buffer.js';
import { KeyGroups } from './key-groups.js';
import { KeyTable } from './key-table.js';
import { mix, mixed } from './key-mix.js';
import { MOBILE_BASE, MOBILE_SPAN, inMobileDomain, mobileMix, mobileMixOffset } from './mobile-mix.js';
import { MobileTable } from './mobile-table.js';
import { prepareEntry, type EntryResult, type NumberEntry, type NumberMatchRule } from './number-entry.js';
import { encodeDigits, encodeE164Value, numberKey, splitNormalized } from './number-key.js';
import { PrefixFilter } from './prefix-filter.js';
import type { ProvenanceTable } from './provenance-table.js';

const TWO_32 = 4294967296;

/** Exact numbers of the mobile domain (+8610… to +8674…, 13 digits) live in a MobileTable. */
export const MOBILE_SCHEME: KeyScheme<MobileTable> = { mix: mobileMix, fromMixed: MobileTable.fromMixed };

/** A NumberIndex's tables, as its builder or a snapshot makes them. */
export interface NumberIndexTables {
  records: ProvenanceTable;
  /** Exact numbers outside the mobile domain (other countries, fixed lines, bare numbers). */
  exact: EntryTable;
  /** Exact numbers of the mobile domain (see mobile-table.ts). */
  mobile: EntryTable<MobileTable>;
  prefixes: EntryTable;
  e164Prefixes: PrefixFilter;
  barePrefixes: PrefixFilter;
}

export class NumberIndexBuilder {
  private readonly exact = new KeyBuffer();
  private readonly prefixes = new KeyBuffer(64);
  private readonly e164Prefixes = new PrefixFilter();
  private readonly barePrefixes = new PrefixFilter();
  private readonly bulk: Array<{ values: Float64Array; records: Uint32Array | number }> = [];

  /** @internal use `NumberIndex.builder()`, which passes `create`. */
  constructor(
    readonly records: ProvenanceTable,
    private readonly create: (tables: NumberIndexTables) => NumberIndex,
  ) {}

  /** Adds one entry from any written form. Bad values are reported, never thrown. */
  add(entry: NumberEntry): EntryResult {
    const prepared = prepareEntry(entry, this.records);
    if (!prepared.ok) return prepared;
    const { match, resolved, record } = prepared;
    if (match === 'prefix') {
      this.prefixes.push(numberKey.high, numberKey.low, record);
      const filter = resolved.namespace === 'e164' ? this.e164Prefixes : this.barePrefixes;
      filter.add(resolved.digits.length, Number(resolved.digits));
    } else {
      this.exact.push(numberKey.high, numberKey.low, record);
    }
    return { ok: true, normalized: resolved.normalized };
  }

  /**
   * Bulk fast path for snapshots: exact E.164 numbers given as the values of their digits
   * (8613812345678), with their records from `records.intern(provenance, 'number:exact')` — one
   * record for all, or one per number. The arrays are read at `build()`; do not change them before.
   */
  addE164Values(values: Float64Array, records: Uint32Array | number): void {
    if (typeof records !== 'number' && records.length !== values.length) {
      throw new RangeError('addE164Values: one record per value');
    }
    this.bulk.push({ values, records });
  }

  /**
   * Snapshot fast path: a value already normalized by `classifyNumber` (exact: "+8613812345678",
   * "95588") or `normalizeNumberPrefix` (prefix: "+861700", "95"), with a record from
   * `records.intern(provenance, rule)` — rule "number:exact", or "number:prefix:<normalized>".
   * No classification, no per-row interning. False when the value is not in normalized form.
   */
  addNormalized(normalized: string, record: number, match: NumberMatchRule = 'exact'): boolean {
    // The common row, an exact E.164 number: read its digits without a RegExp or a substring.
    if (match === 'exact' && normalized.charCodeAt(0) === 43 && normalized.length <= 16) {
      let value = 0;
      for (let i = 1; i < normalized.length; i++) {
        const digit = normalized.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9 || (i === 1 && digit === 0)) return false;
        value = value * 10 + digit;
      }
      if (normalized.length < 2) return false;
      this.addE164Value(value, record);
      return true;
    }
    const split = splitNormalized(normalized);
    if (!split || !encodeDigits(split.digits, split.namespace)) return false;
    if (match === 'prefix') {
      if (split.digits.length > 15) return false;
      this.prefixes.push(numberKey.high, numberKey.low, record);
      (split.namespace === 'e164' ? this.e164Prefixes : this.barePrefixes).add(
        split.digits.length,
        Number(split.digits),
      );
    } else {
      this.exact.push(numberKey.high, numberKey.low, record);
    }
    return true;
  }

  /** One exact E.164 number given as the value of its digits, with its record. */
  addE164Value(value: number, record: number): void {
    encodeE164Value(value);
    this.exact.push(numberKey.high, numberKey.low, record);
  }

  reserve(count: number): void {
    this.exact.reserve(count);
  }

  /**
   * The exact numbers split by domain: the mobile domain's into a MobileTable, the others into a
   * KeyTable (their mixed keys grouped by their top 8 bits — one pass to count, mixing again to
   * scatter, cheaper than storing and re-reading them — so that the table's slot scatter stays in
   * cache).
   */
  private exactTables(): { exact: KeyTable; mobile: MobileTable } {
    const mobiles = new KeyGroups(18);
    const others = new KeyGroups();
    // Twice: once to count each group's keys, then to scatter them (mixing again is cheaper than
    // storing the mixed keys and reading them back).
    for (let pass = 0; pass < 2; pass++) {
      this.exact.forEach((high, low, payload) => {
        if (inMobileDomain(high, low)) {
          mobileMix(high, low);
          if (pass === 0) mobiles.count(mixed[0]!);
          else mobiles.add(mixed[0]!, mixed[1]!, payload);
        } else {
          mix(high, low);
          if (pass === 0) others.count(mixed[0]!);
          else others.add(mixed[0]!, mixed[1]!, payload);
        }
      });
      for (const { values, records } of this.bulk) {
        if (pass === 0) countValues(values, mobiles, others);
        else scatterValues(values, records, mobiles, others);
      }
      if (pass === 0) {
        mobiles.startScatter();
        others.startScatter();
      }
    }
    return {
      exact: KeyTable.fromMixed(others.highs, others.lows, others.payloads, others.size, true),
      mobile: MobileTable.fromMixed(mobiles.highs, mobiles.lows, mobiles.payloads, mobiles.size, true),
    };
  }

  build(): NumberIndex {
    const { exact, mobile } = this.exactTables();
    return this.create({
      records: this.records,
      exact: new EntryTable(exact, this.records),
      mobile: new EntryTable(mobile, this.records, MOBILE_SCHEME),
      prefixes: new EntryTable(this.prefixes.toTable(), this.records),
      e164Prefixes: this.e164Prefixes,
      barePrefixes: this.barePrefixes,
    });
  }
}

/** Counts bulk E.164 values into their groups: the mobile domain's, the others'. */
function countValues(values: Float64Array, mobiles: KeyGroups, others: KeyGroups): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const offset = value - MOBILE_BASE;
    if (offset >= 0 && offset < MOBILE_SPAN) {
      mobileMixOffset(offset);
      mobiles.count(mixed[0]!);
    } else {
      mix(Math.floor(value / TWO_32), value >>> 0);
      others.count(mixed[0]!);
    }
  }
}

/** Scatters bulk E.164 values, with their records, into the groups `countValues` counted. */
function scatterValues(
  values: Float64Array,
  records: Uint32Array | number,
  mobiles: KeyGroups,
  others: KeyGroups,
): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const offset = value - MOBILE_BASE;
    const record = typeof records === 'number' ? records : records[i]!;
    if (offset >= 0 && offset < MOBILE_SPAN) {
      mobileMixOffset(offset);
      mobiles.add(mixed[0]!, mixed[1]!, record);
    } else {
      mix(Math.floor(value / TWO_32), value >>> 0);
      others.add(mixed[0]!, mixed[1]!, record);
    }
  }
}
