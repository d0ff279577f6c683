/** Factories for the index tests: provenance records and mobile tables from E.164 values. Not exported by the package. */
import type { EntryProvenance } from './entry.js';
import { mixed } from './key-mix.js';
import { MOBILE_BASE, mobileMixOffset } from './mobile-mix.js';
import { ProvenanceTable } from './provenance-table.js';

/** A provenance of `list` with `action`, from a rule, live until `expiresAt` (null: forever). */
export const provenance = (
  list: string,
  action: EntryProvenance['action'],
  expiresAt: number | null = null,
): EntryProvenance => ({
  list,
  action,
  confidence: 50,
  source: { kind: 'rule', id: 'r' },
  addedAt: 0,
  expiresAt,
});

/** `count` records on lists l0, l1, … whose actions cycle block, mark, allow. */
export function recordsOf(
  count: number,
  expiresAt: (r: number) => number | null = () => null,
): ProvenanceTable {
  const records = new ProvenanceTable();
  for (let r = 0; r < count; r++) {
    records.intern(provenance(`l${r}`, (['block', 'mark', 'allow'] as const)[r % 3]!, expiresAt(r)), 't');
  }
  return records;
}

/** What a mobile table is built from: the mixed keys of `values` (E.164 numbers of the domain), value i with payload payloadOf(i). */
export function mobileParts(values: ArrayLike<number>, payloadOf: (i: number) => number) {
  const xs = new Uint32Array(values.length);
  const ys = new Uint32Array(values.length);
  const payloads = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    mobileMixOffset(values[i]! - MOBILE_BASE);
    xs[i] = mixed[0]!;
    ys[i] = mixed[1]!;
    payloads[i] = payloadOf(i);
  }
  return { xs, ys, payloads, count: values.length };
}

/** The payloads a mobile table holds for `value`, sorted. */
export function mobilePayloads(
  table: { findMixed(x: number, y: number, after?: number): number; payloadAt(position: number): number },
  value: number,
): number[] {
  mobileMixOffset(value - MOBILE_BASE);
  const [x, y] = [mixed[0]!, mixed[1]!];
  const out: number[] = [];
  for (let p = table.findMixed(x, y); p >= 0; p = table.findMixed(x, y, p)) out.push(table.payloadAt(p));
  return out.sort((a, b) => a - b);
}
