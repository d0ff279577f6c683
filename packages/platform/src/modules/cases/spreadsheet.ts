/**
 * Cases as officers keep them in spreadsheets: rows of one case share a case reference, the case's own
 * columns filled on its first row (later rows may repeat them or leave them blank). Groups the rows read
 * by `sheet-read.ts` into cases and checks every cell; every problem names its row and column.
 */
import { FRAUD_TYPE_LABELS } from '@fanzha/engine';
import type { FootprintKind } from './footprint-kinds.js';
import type { CaseFraudType } from './schemas.js';
import {
  CASE_COLUMNS,
  FOOTPRINT_KIND_LABELS,
  FOOTPRINT_KIND_NAMES,
  FRAUD_TYPE_BY_NAME,
  cellField,
  type ColumnKey,
} from './sheet-columns.js';
import type { SheetError, SheetRow } from './sheet-read.js';
import { sheetProblem, type SheetProblemCode } from './sheet-problems.js';

export interface ParsedFootprint {
  row: number;
  kind: FootprintKind;
  accountKind?: string;
  value: string;
  amount?: number;
  occurredAt?: string;
  note?: string;
}

export interface ParsedCase {
  ref: string;
  /** Row of the case's first line. */
  row: number;
  unitCode?: string;
  fraudType: CaseFraudType;
  victim: { name: string; phone?: string; idNumber?: string };
  amountLost: number;
  occurredAt?: string;
  reportedAt?: string;
  narrative?: string;
  footprints: ParsedFootprint[];
}

/**
 * `2026-11-20 14:30`, `2026/11/20 14:30:05`, `2026-11-20` (China time), ISO 8601 with a zone, or an
 * Excel date serial (a date typed into a cell formatted as text or number: 46346.6 is 2026-11-20 14:24)
 * → ISO.
 */
export function parseTime(text: string): string | null {
  if (/^\d{5}(\.\d+)?$/.test(text.trim())) {
    // Days since 1899-12-30 in wall time (China time); 25569 is 1970-01-01.
    const wall = Math.round((Number(text) - 25_569) * 86_400_000);
    return new Date(wall - 8 * 3_600_000).toISOString();
  }
  const local = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
    text.trim(),
  );
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s));
    const check = new Date(utc + 8 * 3_600_000);
    if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23)
      return null;
    return new Date(utc).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text.trim())) {
    const date = new Date(text.trim());
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  return null;
}

function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[,，\s元¥￥]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const amount = Number(cleaned);
  return amount <= 1e13 ? amount : null;
}

type Fail = (
  row: number,
  key: ColumnKey | undefined,
  code: SheetProblemCode,
  params?: Record<string, string | number>,
) => void;

/** Groups rows into cases by reference and checks every cell; errors name row and column. */
export function groupCases(rows: SheetRow[]): { cases: ParsedCase[]; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const fail: Fail = (row, key, code, params) => errors.push(sheetProblem(cellField(row, key), code, params));
  const groups = new Map<string, SheetRow[]>();
  for (const row of rows) {
    const ref = row.cells.ref;
    if (!ref) {
      fail(row.row, 'ref', 'cell_empty', { what: 'the case reference' });
      continue;
    }
    if (ref.length > 100) {
      fail(row.row, 'ref', 'cell_too_long', { limit: 100 });
      continue;
    }
    groups.set(ref, [...(groups.get(ref) ?? []), row]);
  }
  const cases: ParsedCase[] = [];
  for (const [ref, group] of groups) {
    const first = group[0]!;
    // The case's columns: the first non-empty value of each; a different one later is a conflict.
    const caseCells: Partial<Record<ColumnKey, { value: string; row: number }>> = {};
    for (const row of group)
      for (const key of CASE_COLUMNS) {
        const value = row.cells[key];
        if (value === undefined) continue;
        const held = caseCells[key];
        if (!held) caseCells[key] = { value, row: row.row };
        else if (held.value !== value)
          fail(row.row, key, 'cell_conflict', { row: held.row, value: held.value });
      }
    const cell = (key: (typeof CASE_COLUMNS)[number]) => caseCells[key]?.value;
    const at = (key: (typeof CASE_COLUMNS)[number]) => caseCells[key]?.row ?? first.row;
    const fraudText = cell('fraudType');
    const fraudType = fraudText ? FRAUD_TYPE_BY_NAME.get(fraudText.toLowerCase()) : undefined;
    if (!fraudText) fail(first.row, 'fraudType', 'cell_empty', { what: 'the fraud type' });
    else if (!fraudType)
      fail(at('fraudType'), 'fraudType', 'fraud_type_unknown', {
        value: fraudText,
        allowed: `${Object.values(FRAUD_TYPE_LABELS).join('、')}、其他`,
      });
    const victimName = cell('victimName');
    if (!victimName) fail(first.row, 'victimName', 'cell_empty', { what: 'the victim’s name' });
    else if (victimName.length > 100) fail(at('victimName'), 'victimName', 'cell_too_long', { limit: 100 });
    const amountText = cell('amountLost');
    const amountLost = amountText === undefined ? null : parseAmount(amountText);
    if (amountText === undefined)
      fail(first.row, 'amountLost', 'cell_empty', { what: 'the amount lost', hint: 'write 0 for none' });
    else if (amountLost === null)
      fail(at('amountLost'), 'amountLost', 'amount_invalid', { value: amountText });
    const unitCode = cell('unitCode');
    if (unitCode && !/^\d{6,12}$/.test(unitCode))
      fail(at('unitCode'), 'unitCode', 'unit_code_invalid', { value: unitCode });
    const times: Partial<Record<'occurredAt' | 'reportedAt', string>> = {};
    for (const key of ['occurredAt', 'reportedAt'] as const) {
      const text = cell(key);
      if (text === undefined) continue;
      const parsed = parseTime(text);
      if (parsed) times[key] = parsed;
      else fail(at(key), key, 'time_invalid', { value: text });
    }
    for (const [key, limit] of [
      ['victimPhone', 40],
      ['victimIdNumber', 30],
      ['narrative', 20_000],
    ] as const) {
      const text = cell(key);
      if (text && text.length > limit) fail(at(key), key, 'cell_too_long', { limit });
    }
    const footprints: ParsedFootprint[] = [];
    for (const row of group) {
      const footprint = footprintOf(row, fail);
      if (footprint) footprints.push(footprint);
    }
    if (fraudType && victimName && amountLost !== null)
      cases.push({
        ref,
        row: first.row,
        unitCode,
        fraudType,
        victim: { name: victimName, phone: cell('victimPhone'), idNumber: cell('victimIdNumber') },
        amountLost,
        occurredAt: times.occurredAt,
        reportedAt: times.reportedAt,
        narrative: cell('narrative'),
        footprints,
      });
  }
  return { cases, errors };
}

function footprintOf(row: SheetRow, fail: Fail): ParsedFootprint | null {
  const { footprintKind: kindText, footprintValue: value } = row.cells;
  if (!kindText && !value) return null;
  if (!kindText) return (fail(row.row, 'footprintKind', 'cell_empty', { what: 'the footprint kind' }), null);
  if (!value) return (fail(row.row, 'footprintValue', 'cell_empty', { what: 'the footprint' }), null);
  const kind = FOOTPRINT_KIND_NAMES[kindText.toLowerCase()];
  if (!kind)
    return (
      fail(row.row, 'footprintKind', 'footprint_kind_unknown', {
        value: kindText,
        allowed: FOOTPRINT_KIND_LABELS.join('、'),
      }),
      null
    );
  let amount: number | undefined;
  if (row.cells.footprintAmount !== undefined) {
    const parsed = parseAmount(row.cells.footprintAmount);
    if (parsed === null)
      return (fail(row.row, 'footprintAmount', 'amount_invalid', { value: row.cells.footprintAmount }), null);
    amount = parsed;
  }
  let occurredAt: string | undefined;
  if (row.cells.footprintTime !== undefined) {
    const parsed = parseTime(row.cells.footprintTime);
    if (!parsed)
      return (fail(row.row, 'footprintTime', 'time_invalid', { value: row.cells.footprintTime }), null);
    occurredAt = parsed;
  }
  if (value.length > 4096) return (fail(row.row, 'footprintValue', 'cell_too_long', { limit: 4096 }), null);
  return { row: row.row, ...kind, value, amount, occurredAt, note: row.cells.footprintNote?.slice(0, 1000) };
}
