import { isMessageKey, type Translate } from '../i18n/translate';
import { ApiProblem } from './client';

// Turns any failure into one line for a person: known problem codes get the console's own wording
// (in the current language); unknown ones show the server's `title`.
export function problemMessage(t: Translate, error: unknown): string {
  if (error instanceof ApiProblem) {
    const key = `problem.${error.code}`;
    if (isMessageKey(key)) return t(key);
    return error.title || t('problem.unknown', { status: error.status });
  }
  return error instanceof Error ? error.message : String(error);
}
