/**
 * Rows of an import file → entry inputs. Each format's reader yields `ImportRow`s with the line (or
 * object) number, so every bad row can be reported where the person will find it.
 */
import { MATCHES_BY_KIND } from '../normalize.js';
import type { EntryInput } from '../service.js';

export type ImportFormat = 'csv' | 'ndjson' | 'stix';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'ndjson', 'stix'];

export type ImportRow = { line: number; input: EntryInput } | { line: number; error: string };

/** The columns of the CSV format; only `value` is required. */
export const CSV_COLUMNS = [
  'value',
  'action',
  'confidence',
  'source_kind',
  'source_id',
  'expires_at',
  'reason',
  'match',
  'account_kind',
] as const;

const ACTIONS = new Set(['block', 'mark', 'allow']);
const SOURCE_KINDS = new Set(['case', 'report', 'partner', 'rule']);
const MATCHES = new Set<string>(Object.values(MATCHES_BY_KIND).flat());

/** Checks one flat record (CSV columns or NDJSON fields, already mapped to CSV names). */
export function recordToInput(record: Record<string, unknown>): { input: EntryInput } | { error: string } {
  const text = (name: string): string | undefined => {
    const value = record[name];
    if (value === undefined || value === null || value === '') return undefined;
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  };
  const value = text('value');
  if (!value) return { error: 'value is missing' };
  const input: EntryInput = { value };
  const action = text('action');
  if (action !== undefined) {
    if (!ACTIONS.has(action)) return { error: `action must be block, mark or allow, not "${action}"` };
    input.action = action as EntryInput['action'];
  }
  const confidence = record.confidence;
  if (confidence !== undefined && confidence !== null && confidence !== '') {
    const number = typeof confidence === 'number' ? confidence : Number(confidence);
    if (!Number.isInteger(number) || number < 0 || number > 100)
      return { error: `confidence must be an integer 0–100, not "${String(confidence)}"` };
    input.confidence = number;
  }
  const sourceKind = text('source_kind');
  const sourceId = text('source_id');
  if (sourceKind !== undefined || sourceId !== undefined) {
    if (!sourceKind || !SOURCE_KINDS.has(sourceKind))
      return { error: `source_kind must be case, report, partner or rule, not "${sourceKind ?? ''}"` };
    if (!sourceId) return { error: 'source_id is missing' };
    input.source = { kind: sourceKind as 'case', id: sourceId };
  }
  const expiresAt = text('expires_at');
  if (expiresAt !== undefined) {
    if (Number.isNaN(Date.parse(expiresAt))) return { error: `expires_at is not a date: "${expiresAt}"` };
    input.expiresAt = new Date(expiresAt).toISOString();
  }
  const match = text('match');
  if (match !== undefined) {
    if (!MATCHES.has(match))
      return { error: `match must be one of ${[...MATCHES].join(', ')}, not "${match}"` };
    input.match = match as EntryInput['match'];
  }
  const reason = text('reason');
  if (reason !== undefined) input.reason = reason.slice(0, 1000);
  const accountKind = text('account_kind');
  if (accountKind !== undefined) input.accountKind = accountKind;
  return { input };
}
