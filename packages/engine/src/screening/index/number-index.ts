/**
 * NumberIndex: listed phone numbers (exact, e.g. +8613812345678) and number ranges (prefixes, e.g.
 * every +861700 number, every 95 number), each entry with its provenance. Built once from a snapshot,
 * then kept current with `add`/`remove` deltas and an occasional `compact()`.
 */
import { classifyNumber } from '../number/classify.js';
import type { EntryProvenance } from './entry.js';
import { EntryTable } from './entry-table.js';
import { KeyBuffer } from './key-buffer.js';
import { KeyGroups } from './key-groups.js';
import { KeyTable } from './key-table.js';
import { mix, mixed } from './key-mix.js';
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

/** Numbers per batch pass: small enough for the work arrays to stay in L1. */
const BATCH = 256;
const TWO_32 = 4294967296;

const POW10 = Array.from({ length: 21 }, (_, i) => 10 ** i);

/** Digits of a positive integer below 10^16, by comparisons (E.164 values have 8–15). */
function digitCount(value: number): number {
  if (value >= 1e12) return value >= 1e14 ? (value >= 1e15 ? 16 : 15) : value >= 1e13 ? 14 : 13;
  let digits = 1;
  while (digits < 12 && value >= POW10[digits]!) digits++;
  return digits;
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

  private exactTable(): KeyTable {
    if (this.bulk.length === 0) return this.exact.toTable();
    // Bulk snapshots: mixed keys are grouped by their top 8 bits (a counting sort: one pass to count,
    // mixing again to scatter, which is cheaper than storing and re-reading them) for the table's
    // slot scatter, whose writes then stay in cache.
    const count = this.bulk.reduce((n, chunk) => n + chunk.values.length, this.exact.size);
    const grouped = new KeyGroups(count);
    this.exact.mixInto(grouped);
    for (const { values } of this.bulk) countE164Values(grouped, values);
    grouped.startScatter();
    this.exact.mixInto(grouped);
    for (const { values, records } of this.bulk) scatterE164Values(grouped, values, records);
    return KeyTable.fromMixed(grouped.highs, grouped.lows, grouped.payloads, count, true);
  }

  build(): NumberIndex {
    return new NumberIndex(
      this.records,
      new EntryTable(this.exactTable(), this.records),
      new EntryTable(this.prefixes.toTable(), this.records),
      this.e164Prefixes,
      this.barePrefixes,
    );
  }
}

function countE164Values(groups: KeyGroups, values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    mix(Math.floor(value / TWO_32), value >>> 0);
    groups.count(mixed[0]!);
  }
}

function scatterE164Values(groups: KeyGroups, values: Float64Array, records: Uint32Array | number): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    mix(Math.floor(value / TWO_32), value >>> 0);
    groups.add(mixed[0]!, mixed[1]!, typeof records === 'number' ? records : records[i]!);
  }
}

export class NumberIndex {
  private batchWork?: {
    highs: Uint32Array;
    lows: Uint32Array;
    scratch: Uint32Array;
    out: Uint8Array;
  };

  /** @internal use `NumberIndex.builder()`. */
  constructor(
    readonly records: ProvenanceTable,
    private readonly exact: EntryTable,
    private readonly prefixes: EntryTable,
    private readonly e164Prefixes: PrefixFilter,
    private readonly barePrefixes: PrefixFilter,
  ) {}

  static builder(records?: ProvenanceTable): NumberIndexBuilder {
    return new NumberIndexBuilder(records);
  }

  /** The index's tables and filters, for a snapshot (compact first). */
  toParts() {
    return {
      exact: this.exact.snapshotTable().toParts(),
      prefixes: this.prefixes.snapshotTable().toParts(),
      e164Prefixes: this.e164Prefixes.toParts(),
      barePrefixes: this.barePrefixes.toParts(),
    };
  }

  static fromParts(records: ProvenanceTable, parts: ReturnType<NumberIndex['toParts']>): NumberIndex {
    return new NumberIndex(
      records,
      new EntryTable(KeyTable.fromParts(parts.exact), records),
      new EntryTable(KeyTable.fromParts(parts.prefixes), records),
      PrefixFilter.fromParts(parts.e164Prefixes),
      PrefixFilter.fromParts(parts.barePrefixes),
    );
  }

  get size(): number {
    return this.exact.size + this.prefixes.size;
  }

  get pendingChanges(): number {
    return this.exact.pendingChanges + this.prefixes.pendingChanges;
  }

  get byteLength(): number {
    return this.exact.byteLength + this.prefixes.byteLength;
  }

  /**
   * The action bits (ACTION_BIT) of every live entry matching an E.164 number given as the value of
   * its digits. The hot path: no strings, no allocation.
   */
  actionsOfE164(value: number, now: number): number {
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
   * number's action bits to `out`. Faster per number than single lookups, because the cache misses of
   * independent numbers overlap.
   */
  actionsOfE164Batch(values: Float64Array, now: number, out: Uint8Array): void {
    const work = (this.batchWork ??= {
      highs: new Uint32Array(BATCH),
      lows: new Uint32Array(BATCH),
      scratch: new Uint32Array(2 * BATCH),
      out: new Uint8Array(BATCH),
    });
    for (let from = 0; from < values.length; from += BATCH) {
      const count = Math.min(BATCH, values.length - from);
      for (let i = 0; i < count; i++) {
        const value = values[from + i]!;
        mix(Math.floor(value / TWO_32), value >>> 0);
        work.highs[i] = mixed[0]!;
        work.lows[i] = mixed[1]!;
      }
      work.out.fill(0, 0, count);
      this.exact.actionsBatchMixed(work.highs, work.lows, count, now, work.out, work.scratch);
      for (let i = 0; i < count; i++) {
        out[from + i] =
          this.e164Prefixes.lengths === 0
            ? work.out[i]!
            : work.out[i]! | this.prefixActionsOfE164(values[from + i]!, now);
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
      this.exact.collect(numberKey.high, numberKey.low, now, records);
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
    } else {
      this.exact.add(numberKey.high, numberKey.low, record);
    }
    return { ok: true, normalized: resolved.normalized };
  }

  /** Removes a value's entry from a list; returns how many entries went. */
  remove(value: string, list: string, match: NumberMatchRule = 'exact'): number {
    const resolved = resolveEntry(value, match);
    if ('reason' in resolved) return 0;
    encodeDigits(resolved.digits, resolved.namespace);
    const table = match === 'prefix' ? this.prefixes : this.exact;
    return table.remove(numberKey.high, numberKey.low, this.records.listId(list));
  }

  /** Folds pending deltas into the typed arrays (O(size): ~1 s at 10 million on one core). */
  compact(): void {
    this.exact.compact();
    this.prefixes.compact();
  }
}
