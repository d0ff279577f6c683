import type { FormInstance } from 'antd';
import { ApiProblem } from '../api';
import type { Translate } from '../i18n';

// Puts a server's answer next to the field it is about. The platform names fields in `errors[].field`
// (a plain name or a JSON pointer such as `/username`); a few codes imply a field of their own.

const codeFields: Record<string, string> = {
  username_taken: 'username',
  unit_not_found: 'unitCode',
};

function fieldName(field: string): string {
  return field.split(/[/.]/).filter(Boolean).at(-1) ?? field;
}

/** Returns true when the error was shown on a form field; otherwise the caller shows it elsewhere. */
export function showOnFields(
  form: FormInstance,
  error: unknown,
  t: Translate,
  known: readonly string[],
): boolean {
  if (!(error instanceof ApiProblem)) return false;
  const codeField = codeFields[error.code];
  if (codeField && known.includes(codeField)) {
    form.setFields([{ name: codeField, errors: [t(`problem.${error.code}` as 'problem.username_taken')] }]);
    return true;
  }
  const fields = error.errors
    .map((item) => ({ name: fieldName(item.field), errors: [item.message] }))
    .filter((item) => known.includes(item.name));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
