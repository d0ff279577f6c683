/**
 * What a NumberIndex takes: entries (a number or a range in any written form, with its provenance),
 * and how an entry's value resolves to the key it is filed under.
 */
import { classifyNumber } from '../number/classify.js';
import type { EntryProvenance } from './entry.js';
import { provenanceProblem, type ProvenanceTable } from './provenance-table.js';
import { encodeDigits, splitNormalized } from './number-key.js';
import { normalizeNumberPrefix } from './number-prefix.js';

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

export interface Resolved {
  namespace: 'e164' | 'bare';
  digits: string;
  normalized: string;
  rule: string;
}

export function resolveEntry(value: string, match: NumberMatchRule): Resolved | { reason: string } {
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

export type PreparedEntry =
  { ok: false; reason: string } | { ok: true; match: NumberMatchRule; resolved: Resolved; record: number };

/**
 * Checks an entry, resolves its value and interns its provenance; on success `numberKey` holds the
 * key it is filed under (see number-key.ts), until the next encoding.
 */
export function prepareEntry(entry: NumberEntry, records: ProvenanceTable): PreparedEntry {
  const problem = provenanceProblem(entry);
  if (problem) return { ok: false, reason: problem };
  const match = entry.match ?? 'exact';
  const resolved = resolveEntry(entry.value, match);
  if ('reason' in resolved) return { ok: false, reason: resolved.reason };
  const record = records.intern(entry, resolved.rule);
  encodeDigits(resolved.digits, resolved.namespace);
  return { ok: true, match, resolved, record };
}
