import { describe, expect, it } from 'vitest';
import { lineErrors, parseValueLines } from './entryLines';

describe('parseValueLines', () => {
  it('keeps line numbers of the text as typed, skipping blank lines', () => {
    expect(parseValueLines(' 138 1234 5678 \r\n\n12\n  \nicbc-login.com')).toEqual([
      { line: 1, value: '138 1234 5678' },
      { line: 3, value: '12' },
      { line: 5, value: 'icbc-login.com' },
    ]);
  });
});

describe('lineErrors', () => {
  const lines = parseValueLines('13812345678\n\n12\n1540000');
  it('maps entry positions back to typed lines and keeps the reason code', () => {
    expect(
      lineErrors(
        [
          { field: '/entries/1/value', message: 'too_short: 12' },
          { field: '/entries/2/value', message: 'bad_prefix: 1540000' },
        ],
        lines,
      ),
    ).toEqual([
      { line: 3, value: '12', reason: 'too_short' },
      { line: 4, value: '1540000', reason: 'bad_prefix' },
    ]);
  });
  it('keeps messages that are not codes, and errors about no entry', () => {
    expect(
      lineErrors(
        [
          { field: '/entries/0/value', message: 'must NOT have more than 2048 characters' },
          { field: '/entries', message: 'must NOT have more than 10000 items' },
        ],
        lines,
      ),
    ).toEqual([
      { line: 1, value: '13812345678', reason: 'must NOT have more than 2048 characters' },
      { line: null, value: null, reason: 'must NOT have more than 10000 items' },
    ]);
  });
});
