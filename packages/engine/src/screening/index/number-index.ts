/**
 * NumberIndex: listed phone numbers (exact, e.g. +8613812345678) and number ranges (prefixes, e.g.
 * every +861700 number, every 95 number), each entry with its provenance. Built once from a snapshot,
 * then kept current with `add`/`remove` deltas and an occasional `compact()`.
 */
import { classifyNumber } from '../number/classify.js';
import type { EntryProvenance } from './entry.js';
import { EntryTable, type KeyScheme } from './entry-table.js';
import { KeyBuffer } from './key-buffer.js';
import { KeyGroups } from './key-groups.js';
import { KeyTable, type KeyTableParts } from './key-table.js';
import { mix, mixed, unmix, unmixed } from './key-mix.js';
import { restoreMobileTable, splitLegacyExact } from './legacy-exact.js';
import type { MobileCsrParts } from './mobile-csr.js';
import { MOBILE_BASE, MOBILE_SPAN, inMobileDomain, mobileMix, mobileMixOffset } from './mobile-mix.js';
import { BATCH, MobileTable, type MobileTableParts } from './mobile-table.js';
import { digitCount, leadBlock, MobileRanges, NO_RANGE, POW10, RANGES_VARY } from './mobile-ranges.js';
import { encodeDigits, encodeE164Value, numberKey, splitNormalized } from './number-key.js';
import { normalizeNumberPrefix } from './number-prefix.js';
import { PrefixFilter } from './prefix-filter.js';
import { ProvenanceTable, provenanceProblem } from './provenance-table.js';

/** `exact`: this number; `prefix`: every number that starts with the value (a range). */
export type NumberMatchRule = 'exact' | 'prefix';

export interface NumberEntry extends EntryProvenance {
  /** Any written form; a prefix in the forms `normalizeNumberPrefix` reads. */
  value: string;
  match?: NumberMatchRule;
}

export type EntryResult = { ok: true; normalized: string } | { ok: false; reason: string };

export interface IndexMatch {
  /** Provenance record id in the index's `records`. */
  record: number;
  /** How the value matched, e.g. "number:exact", "number:prefix:+861700", "domain:subdomain:evil.cn". */
  rule: string;
}

const TWO_32 = 4294967296;

/** Exact numbers of the mobile domain (+8610… to +8674…, 13 digits) live in a MobileTable. */
const MOBILE_SCHEME: KeyScheme<MobileTable> = { mix: mobileMix, fromMixed: MobileTable.fromMixed };

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

interface Resolved {
  namespace: 'e164' | 'bare';
  digits: string;
  normalized: string;
  rule: string;
}

function resolveEntry(value: string, match: NumberMatchRule): Resolved | { reason: string } {
  if (match === 'prefix') {
    const prefix = normalizeNumberPrefix(value);
    if (!prefix.ok) return { reason: prefix.reason };
    return { ...prefix, rule: `number:prefix:${prefix.normalized}` };
  }
  const classified = classifyNumber(value);
  if (classified.normalized === null) return { reason: classified.reason ?? 'not_a_number' };
  const split = splitNormalized(classified.normalized);
  if (!split) return { reason: 'not_a_number' };
  return { ...split, normalized: classified.normalized, rule: 'number:exact' };
}

export class NumberIndexBuilder {
  private readonly exact = new KeyBuffer();
  private readonly prefixes = new KeyBuffer(64);
  private readonly e164Prefixes = new PrefixFilter();
  private readonly barePrefixes = new PrefixFilter();
  private readonly bulk: Array<{ values: Float64Array; records: Uint32Array | number }> = [];

  constructor(readonly records: ProvenanceTable = new ProvenanceTable()) {}

  /** Adds one entry from any written form. Bad values are reported, never thrown. */
  add(entry: NumberEntry): EntryResult {
    const problem = provenanceProblem(entry);
    if (problem) return { ok: false, reason: problem };
    const match = entry.match ?? 'exact';
    const resolved = resolveEntry(entry.value, match);
    if ('reason' in resolved) return { ok: false, reason: resolved.reason };
    const record = this.records.intern(entry, resolved.rule);
    encodeDigits(resolved.digits, resolved.namespace);
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
    return new NumberIndex(
      this.records,
      new EntryTable(exact, this.records),
      new EntryTable(mobile, this.records, MOBILE_SCHEME),
      new EntryTable(this.prefixes.toTable(), this.records),
      this.e164Prefixes,
      this.barePrefixes,
    );
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

  /** @internal use `NumberIndex.builder()`. */
  constructor(
    readonly records: ProvenanceTable,
    /** Exact numbers outside the mobile domain (other countries, fixed lines, bare numbers). */
    private readonly exact: EntryTable,
    /** Exact numbers of the mobile domain (see mobile-table.ts). */
    private readonly mobile: EntryTable<MobileTable>,
    private readonly prefixes: EntryTable,
    private readonly e164Prefixes: PrefixFilter,
    private readonly barePrefixes: PrefixFilter,
  ) {}

  static builder(records?: ProvenanceTable): NumberIndexBuilder {
    return new NumberIndexBuilder(records);
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
    return new NumberIndex(
      records,
      new EntryTable(exact, records),
      new EntryTable(mobile, records, MOBILE_SCHEME),
      new EntryTable(KeyTable.fromParts(parts.prefixes), records),
      PrefixFilter.fromParts(parts.e164Prefixes),
      PrefixFilter.fromParts(parts.barePrefixes),
    );
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
    const problem = provenanceProblem(entry);
    if (problem) return { ok: false, reason: problem };
    const match = entry.match ?? 'exact';
    const resolved = resolveEntry(entry.value, match);
    if ('reason' in resolved) return { ok: false, reason: resolved.reason };
    const record = this.records.intern(entry, resolved.rule);
    encodeDigits(resolved.digits, resolved.namespace);
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
