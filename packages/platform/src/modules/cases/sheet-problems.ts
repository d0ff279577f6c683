/**
 * What can be wrong in an imported spreadsheet: one stable code per problem, its English text (the
 * API's `message`) and the values it names (`params`), from which the console writes the officer's
 * Chinese text. The cell is in the error's field (`/rows/5/线索内容`: row and column as the template
 * names them).
 */
import type { FieldError } from '../../errors.js';

type Params = Record<string, string | number>;

const english = {
  sheet_empty: () => 'the sheet is empty',
  sheet_no_rows: () => 'the sheet has no rows below its header',
  file_unreadable: (p: Params) => `not a readable ${p.format} file${p.reason ? `: ${p.reason}` : ''}`,
  workbook_no_sheet: () => 'the workbook has no sheet',
  column_unknown: (p: Params) => `unknown column ${p.header} (column ${p.column})`,
  column_missing: (p: Params) => `missing column ${p.header}`,
  cell_unreadable: (p: Params) => `column ${p.column}: ${p.reason}`,
  cell_empty: (p: Params) => `${p.what} is empty${p.hint ? ` (${p.hint})` : ''}`,
  cell_too_long: (p: Params) => `longer than ${p.limit} characters`,
  cell_conflict: (p: Params) => `differs from row ${p.row} of the same case (${p.value})`,
  fraud_type_unknown: (p: Params) => `unknown fraud type ${p.value}; use one of ${p.allowed}`,
  footprint_kind_unknown: (p: Params) => `unknown footprint kind ${p.value}; use one of ${p.allowed}`,
  amount_invalid: (p: Params) => `not an amount in yuan: ${p.value}`,
  time_invalid: (p: Params) => `not a time: ${p.value} (write 2026-11-20 14:30)`,
  unit_code_invalid: (p: Params) => `not a unit code: ${p.value}`,
  unit_not_in_subtree: (p: Params) => `no unit ${p.value} in your part of the org tree`,
  ref_taken: (p: Params) =>
    `unit ${p.unit} already has a case with the reference ${p.value} (imported before?)`,
} satisfies Record<string, (params: Params) => string>;

export type SheetProblemCode = keyof typeof english;

/** A problem of the sheet at `field`, with its code, English text and params. */
export function sheetProblem(field: string, code: SheetProblemCode, params: Params = {}): FieldError {
  return { field, code, message: english[code](params), ...(Object.keys(params).length ? { params } : {}) };
}
