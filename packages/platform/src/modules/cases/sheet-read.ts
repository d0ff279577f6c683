/**
 * Reads the case spreadsheet into rows of cells keyed by column: xlsx with exceljs, CSV with csv-parse
 * (exceljs's CSV reader turns long digit strings such as bank cards into floating-point numbers and
 * loses their last digits). Every problem is reported with its row number, never thrown.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FieldError } from '../../errors.js';
import { COLUMNS, SHEET_NAME, headerKey, normalizeHeader, type ColumnKey } from './sheet-columns.js';
import { sheetProblem } from './sheet-problems.js';

export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  cells: Partial<Record<ColumnKey, string>>;
}

export type SheetError = FieldError;

/** Maps the header row to column keys; unknown headers are reported, missing required ones too. */
function mapHeader(header: string[]): { keys: Array<ColumnKey | null>; errors: SheetError[] } {
  const keys = header.map((text) => (text.trim() ? (headerKey.get(normalizeHeader(text)) ?? null) : null));
  const errors: SheetError[] = [];
  header.forEach((text, index) => {
    if (text.trim() && keys[index] === null)
      errors.push(sheetProblem('/rows/1', 'column_unknown', { header: text.trim(), column: index + 1 }));
  });
  for (const required of [
    'ref',
    'fraudType',
    'victimName',
    'amountLost',
    'footprintKind',
    'footprintValue',
  ] as const)
    if (!keys.includes(required))
      errors.push(
        sheetProblem('/rows/1', 'column_missing', {
          header: COLUMNS.find((c) => c.key === required)!.header,
        }),
      );
  return { keys, errors };
}

function toRows(records: Array<{ row: number; values: string[] }>): {
  rows: SheetRow[];
  errors: SheetError[];
} {
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [sheetProblem('/rows/1', 'sheet_empty')] };
  const { keys, errors } = mapHeader(header.values);
  const rows: SheetRow[] = [];
  for (const record of data) {
    if (record.values.every((value) => value.trim() === '')) continue;
    const cells: SheetRow['cells'] = {};
    record.values.forEach((value, index) => {
      const key = keys[index];
      if (key && value.trim() !== '') cells[key] = value.trim();
    });
    rows.push({ row: record.row, cells });
  }
  return { rows, errors };
}

export function readCsv(data: Buffer): { rows: SheetRow[]; errors: SheetError[] } {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parseCsv(data, {
      bom: true,
      relax_column_count: true,
      info: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (error) {
    return {
      rows: [],
      errors: [sheetProblem('body', 'file_unreadable', { format: 'CSV', reason: (error as Error).message })],
    };
  }
  return toRows(records.map(({ record, info }) => ({ row: info.lines, values: record })));
}

export async function readXlsx(data: Buffer): Promise<{ rows: SheetRow[]; errors: SheetError[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [sheetProblem('body', 'file_unreadable', { format: 'xlsx' })] };
  }
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) return { rows: [], errors: [sheetProblem('body', 'workbook_no_sheet')] };
  const records: Array<{ row: number; values: string[] }> = [];
  const errors: SheetError[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, COLUMNS.length); column++) {
      const text = cellText(row.getCell(column).value);
      if (text.ok) values.push(text.value);
      else {
        values.push('');
        errors.push(sheetProblem(`/rows/${rowNumber}`, 'cell_unreadable', { column, reason: text.reason }));
      }
    }
    records.push({ row: rowNumber, values });
  });
  const result = toRows(records);
  return { rows: result.rows, errors: [...errors, ...result.errors] };
}

/** A cell as the text the officer sees; dates in China time; numbers that lost digits are refused. */
function cellText(value: ExcelJS.CellValue): { ok: true; value: string } | { ok: false; reason: string } {
  if (value === null || value === undefined) return { ok: true, value: '' };
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Number.isSafeInteger(value))
      return {
        ok: false,
        reason: 'a long number was stored as a number and lost its last digits; format the column as text',
      };
    return { ok: true, value: String(value) };
  }
  if (typeof value === 'boolean') return { ok: true, value: String(value) };
  if (value instanceof Date) return { ok: true, value: wallTimeOf(value) };
  if ('richText' in value) return { ok: true, value: value.richText.map((part) => part.text).join('') };
  if ('text' in value && typeof value.text === 'string') return { ok: true, value: value.text };
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return { ok: true, value: '' };
}

/** exceljs reads a date cell as UTC; the officer typed China time, so the UTC fields are the wall time. */
function wallTimeOf(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}
