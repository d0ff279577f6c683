import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { footprintProblemText, importProblemText, rowProblems } from './caseText';

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

describe('importProblemText', () => {
  it('writes a spreadsheet problem in Chinese from its code and values, English on request', () => {
    const conflict = { message: 'differs…', code: 'cell_conflict', params: { row: 3, value: '冒充公检法' } };
    expect(importProblemText(zh, conflict)).toBe('与同一案件第 3 行填写的「冒充公检法」不一致');
    expect(importProblemText(en, conflict)).toBe('Differs from “冒充公检法” in row 3 of the same case');
    expect(
      importProblemText(zh, { message: 'x', code: 'cell_empty', params: { what: 'the fraud type' } }),
    ).toBe('不能为空');
    expect(
      importProblemText(zh, {
        message: 'the footprint of row 3 (account) is not valid: bad_checksum',
        code: 'footprint_invalid',
        params: { kind: 'account', reason: 'bad_checksum' },
      }),
    ).toBe('账户不正确：校验位不正确（bad_checksum）');
  });

  it('keeps the platform’s text for a code it does not know', () =>
    expect(importProblemText(zh, { message: 'something new', code: 'brand_new' })).toBe('something new'));
});
