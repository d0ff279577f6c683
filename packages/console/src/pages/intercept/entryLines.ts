import type { FieldError } from '../../api';

// The add-entries dialog takes one value per line. The platform reports bad values by their position
// in the request (`/entries/3/value`, "too_short: 12"); these helpers map them back to the lines
// the person typed, so every bad line can be shown with its number and reason.

export interface ValueLine {
  /** 1-based line number in the text as typed. */
  line: number;
  value: string;
}

export interface LineError {
  /** 1-based line of the text; null when the platform's error does not name an entry. */
  line: number | null;
  value: string | null;
  /** The reason code (too_short, bad_prefix…) or the platform's message when it has no code. */
  reason: string;
}

/** Non-empty lines, trimmed, with their line numbers. */
export function parseValueLines(text: string): ValueLine[] {
  return text
    .split(/\r?\n/)
    .map((raw, index) => ({ line: index + 1, value: raw.trim() }))
    .filter((line) => line.value !== '');
}

const entryField = /^\/entries\/(\d+)(?:\/|$)/;
const codedMessage = /^([a-z][a-z0-9_]*)(?::\s?[\s\S]*)?$/;

export function lineErrors(errors: readonly FieldError[], lines: readonly ValueLine[]): LineError[] {
  return errors.map((error) => {
    const index = entryField.exec(error.field)?.[1];
    const line = index === undefined ? undefined : lines[Number(index)];
    const reason = codedMessage.exec(error.message)?.[1] ?? error.message;
    return { line: line?.line ?? null, value: line?.value ?? null, reason };
  });
}
