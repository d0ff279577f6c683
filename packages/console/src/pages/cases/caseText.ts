import type { FieldError } from '../../api';
import type { Translate } from '../../i18n/translate';
import { invalidReasonText } from '../intercept/labelText';

// The case pages' words for the platform's problems, without React (unit-tested).

/**
 * The platform's "footprint 2 (account) is not valid: bad_checksum" in the reader's words; other
 * problems keep the platform's text.
 */
export function footprintProblemText(t: Translate, message: string): string {
  const invalid = /\(([a-z]+)\) is not valid: ([a-z_]+)$/.exec(message);
  if (!invalid) return message;
  const [, kind = '', reason = ''] = invalid;
  const why =
    reason === 'account_kind_required'
      ? `${t('cases.invalid.account_kind_required')}（${reason}）`
      : invalidReasonText(t, reason);
  return t('cases.invalid.footprint', { kind: t(`cases.kind.${kind}` as 'cases.kind.number'), reason: why });
}

/** A row's problem as the officer's spreadsheet shows it: row number, column, what is wrong. */
export interface RowProblem {
  key: number;
  row: number | null;
  column: string | null;
  message: string;
  code?: string | undefined;
  params?: Record<string, string | number> | undefined;
}

/** `/rows/5/线索内容` → row 5, column 线索内容; `body` → the whole file. */
export function rowProblems(errors: readonly FieldError[]): RowProblem[] {
  return errors.map((error, key) => {
    const match = /^\/rows\/(\d+)(?:\/(.+))?$/.exec(error.field);
    return {
      key,
      row: match ? Number(match[1]) : null,
      column: match?.[2] ?? null,
      message: error.message,
      ...(error.code ? { code: error.code } : {}),
      ...(error.params ? { params: error.params } : {}),
    };
  });
}

/** The spreadsheet problems the platform names by code (its `sheet-problems.ts`). */
const SHEET_PROBLEM_CODES = new Set([
  'sheet_empty',
  'sheet_no_rows',
  'file_unreadable',
  'workbook_no_sheet',
  'column_unknown',
  'column_missing',
  'cell_unreadable',
  'cell_empty',
  'cell_too_long',
  'cell_conflict',
  'fraud_type_unknown',
  'footprint_kind_unknown',
  'amount_invalid',
  'time_invalid',
  'unit_code_invalid',
  'unit_not_in_subtree',
  'ref_taken',
]);

/**
 * A problem of an imported spreadsheet in the reader's words, from its code and values (the column is
 * shown beside it, as the template names it); the platform's English text for a code it does not know.
 */
export function importProblemText(
  t: Translate,
  problem: Pick<RowProblem, 'message' | 'code' | 'params'>,
): string {
  const params = problem.params ?? {};
  if (
    problem.code === 'footprint_invalid' &&
    typeof params.kind === 'string' &&
    typeof params.reason === 'string'
  )
    return footprintProblemText(t, `(${params.kind}) is not valid: ${params.reason}`);
  if (problem.code && SHEET_PROBLEM_CODES.has(problem.code))
    return t(`cases.import.problem.${problem.code}` as 'cases.import.problem.cell_empty', params);
  return footprintProblemText(t, problem.message);
}
