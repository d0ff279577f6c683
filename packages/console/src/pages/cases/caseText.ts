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
}

/** `/rows/5/线索内容` → row 5, column 线索内容; `body` → the whole file. */
export function rowProblems(errors: readonly FieldError[]): RowProblem[] {
  return errors.map((error, key) => {
    const match = /^\/rows\/(\d+)(?:\/(.+))?$/.exec(error.field);
    return { key, row: match ? Number(match[1]) : null, column: match?.[2] ?? null, message: error.message };
  });
}
