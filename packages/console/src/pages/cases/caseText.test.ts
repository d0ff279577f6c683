import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { footprintProblemText, rowProblems } from './caseText';

const zh = translator('zh-CN');
const en = translator('en-US');

describe('footprintProblemText', () => {
  it('names the footprint kind and the engine’s reason in the reader’s language', () => {
    const message = 'footprint 1 (account) is not valid: bad_checksum';
    expect(footprintProblemText(zh, message)).toBe('账户不正确：校验位不正确（bad_checksum）');
    expect(footprintProblemText(en, 'the footprint of row 3 (imei) is not valid: too_short')).toMatch(
      /^Device \(IMEI\) is not valid: .*too_short/,
    );
    expect(footprintProblemText(zh, 'footprint 0 (account) is not valid: account_kind_required')).toBe(
      '账户不正确：请选择账户类型（account_kind_required）',
    );
  });

  it('keeps other problems as the platform wrote them', () =>
    expect(footprintProblemText(zh, 'not an amount in yuan: many')).toBe('not an amount in yuan: many'));
});

describe('rowProblems', () => {
  it('reads row number and column from the platform’s field, and the whole file from body', () =>
    expect(
      rowProblems([
        { field: '/rows/5/线索内容', message: 'a' },
        { field: '/rows/1', message: 'b' },
        { field: 'body', message: 'c' },
      ]),
    ).toEqual([
      { key: 0, row: 5, column: '线索内容', message: 'a' },
      { key: 1, row: 1, column: null, message: 'b' },
      { key: 2, row: null, column: null, message: 'c' },
    ]));
});
