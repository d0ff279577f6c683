import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskBankCard, maskIdNumber, maskName, maskPhone } from './masking.js';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '+86138****5678'],
    ['025-84123456', '025****3456'],
    ['95588', '****8'],
  ])('%s → %s', (input, expected) => expect(maskPhone(input)).toBe(expected));

  it('never shows more than seven digits of an eleven-digit number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(masked.replace(/\D/g, '').length).toBe(7);
        expect(masked).toContain('****');
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it('keeps the region prefix and the last four', () => {
    expect(maskIdNumber('320102199001011234')).toBe('3201**********1234');
    expect(maskIdNumber('32010219900101123x')).toBe('3201**********123X');
  });
  it('hides short values entirely', () => expect(maskIdNumber('1234')).toBe('****'));
});

describe('maskBankCard', () => {
  it('keeps the BIN and the last four', () =>
    expect(maskBankCard('6222 0212 3456 7890 123')).toBe('622202*********0123'));
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李', '李'],
  ])('%s → %s', (input, expected) => expect(maskName(input)).toBe(expected));
});
