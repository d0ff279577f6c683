/**
 * CDR import: parses CSV (with a header naming the columns, in any order) and NDJSON lines into
 * records, one line at a time so that files of any size stream. A bad line is reported with its line
 * number and what is wrong; it never throws.
 */
import type { CallDetailRecord, CallDirection } from './record.js';

export type CdrParseResult =
  | { readonly ok: true; readonly record: CallDetailRecord }
  | { readonly ok: false; readonly line: number; readonly error: string };

export const CDR_FIELDS = ['caller', 'callee', 'start', 'duration', 'direction', 'cell', 'imei'] as const;
type CdrField = (typeof CDR_FIELDS)[number];

const DIRECTIONS: Readonly<Record<string, CallDirection>> = {
  outbound: 'outbound',
  out: 'outbound',
  mo: 'outbound',
  moc: 'outbound',
  inbound: 'inbound',
  in: 'inbound',
  mt: 'inbound',
  mtc: 'inbound',
};

/** Epoch milliseconds from epoch seconds, epoch milliseconds or an ISO 8601 string; NaN if none. */
function parseStart(value: unknown): number {
  if (typeof value === 'number') return value < 1e11 ? value * 1000 : value;
  if (typeof value !== 'string' || value.trim() === '') return NaN;
  const s = value.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return parseStart(Number(s));
  // A time without a zone is China Standard Time, as carriers write it.
  const withZone = /(?:z|[+-]\d\d:?\d\d)$/i.test(s) ? s : `${s.replace(' ', 'T')}+08:00`;
  return Date.parse(withZone);
}

function toRecord(fields: Readonly<Record<CdrField, unknown>>, line: number): CdrParseResult {
  const fail = (error: string): CdrParseResult => ({ ok: false, line, error });
  for (const name of ['caller', 'callee', 'cell', 'imei'] as const) {
    const v = fields[name];
    if (typeof v !== 'string' && typeof v !== 'number') return fail(`missing ${name}`);
  }
  const caller = String(fields.caller).trim();
  const callee = String(fields.callee).trim();
  if (caller === '' || callee === '') return fail('empty caller or callee');
  const start = parseStart(fields.start);
  if (!Number.isFinite(start)) return fail(`invalid start: ${JSON.stringify(fields.start)}`);
  const duration =
    typeof fields.duration === 'string' ? Number(fields.duration.trim() || NaN) : fields.duration;
  if (typeof duration !== 'number' || !(duration >= 0))
    return fail(`invalid duration: ${JSON.stringify(fields.duration)}`);
  const direction =
    DIRECTIONS[
      String(fields.direction ?? '')
        .trim()
        .toLowerCase()
    ];
  if (!direction) return fail(`invalid direction: ${JSON.stringify(fields.direction)}`);
  return {
    ok: true,
    record: {
      caller,
      callee,
      start,
      duration,
      direction,
      cell: String(fields.cell).trim(),
      imei: String(fields.imei).trim(),
    },
  };
}

export function parseCdrNdjsonLine(text: string, line: number): CdrParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, line, error: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, line, error: 'expected a JSON object' };
  }
  return toRecord(value as Record<CdrField, unknown>, line);
}

/** Splits one CSV line (RFC 4180 quoting: "a,b" and "" for a quote). */
export function splitCsvLine(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/**
 * A CSV reader: feed it lines in order, starting with the header. The header must name every field of
 * CDR_FIELDS (any order, extra columns ignored); the header line itself yields null.
 */
export function createCdrCsvParser(): (text: string, line: number) => CdrParseResult | null {
  let columns: Int32Array | undefined;
  return (text, line) => {
    if (!columns) {
      const header = splitCsvLine(text).map((h) => h.trim().toLowerCase());
      const missing = CDR_FIELDS.filter((f) => !header.includes(f));
      if (missing.length > 0) return { ok: false, line, error: `header lacks ${missing.join(', ')}` };
      columns = Int32Array.from(CDR_FIELDS, (f) => header.indexOf(f));
      return null;
    }
    const cells = splitCsvLine(text);
    const fields = {} as Record<CdrField, unknown>;
    CDR_FIELDS.forEach((f, i) => (fields[f] = cells[columns![i]!]));
    return toRecord(fields, line);
  };
}
