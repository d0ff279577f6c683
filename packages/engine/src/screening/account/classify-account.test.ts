import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_KINDS, classifyAccount, luhnValid } from './classify-account.js';

/** Appends the Luhn check digit to a card number's body. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

describe('classifyAccount', () => {
  it('reads a bank card with its issuing bank', () => {
    const card = withCheckDigit('622202000000000000');
    expect(classifyAccount('bank_card', card.replace(/(\d{4})/g, '$1 '))).toEqual({
      ok: true,
      kind: 'bank_card',
      normalized: card,
      bank: { code: 'ICBC', name: '中国工商银行' },
    });
    expect(classifyAccount('bank_card', withCheckDigit('621700123456789012'))).toMatchObject({
      bank: { code: 'CCB' },
    });
  });

  it.each([
    ['6222020000000000001', 'bad_checksum'],
    ['4111111111111112', 'bad_checksum'],
    ['62220200000', 'too_short'],
    ['62220200000000000000', 'too_long'],
    ['6222-abcd', 'not_digits'],
  ])('says why the card %j is invalid', (value, reason) => {
    expect(classifyAccount('bank_card', value)).toEqual({ ok: false, kind: 'bank_card', reason });
  });

  it('accepts an unknown bank’s 19-digit card without Luhn', () => {
    expect(classifyAccount('bank_card', '9876543210987654321')).toMatchObject({ ok: true, bank: null });
  });

  it('keys a corporate account by bank and number', () => {
    expect(classifyAccount('corporate_account', '中国工商银行 1234 5678 9012 3456 789')).toMatchObject({
      normalized: 'ICBC:1234567890123456789',
    });
    expect(classifyAccount('corporate_account', '12345678 9012')).toMatchObject({
      normalized: '123456789012',
    });
    expect(classifyAccount('corporate_account', 'Foo:1234567890')).toMatchObject({ reason: 'unknown_bank' });
  });

  it.each([
    ['alipay', 'Foo@Example.com', 'foo@example.com'],
    ['alipay', '138 1234 5678', '+8613812345678'],
    ['wechat_pay', 'wxid_Abc123', 'wxid_abc123'],
    ['wechat', 'Wxid_Abc123', 'wxid_abc123'],
    ['wechat', '+86 13812345678', '+8613812345678'],
    ['qq', '10001', '10001'],
    ['qq', '１２３４５６７８', '12345678'],
  ])('normalizes the %s account %j', (kind, value, normalized) => {
    expect(classifyAccount(kind, value)).toMatchObject({ ok: true, kind, normalized });
  });

  it.each([
    ['qq', '01234', 'bad_format'],
    ['qq', '1234', 'too_short'],
    ['wechat', '1abcdef', 'bad_format'],
    ['alipay', 'not an account', 'bad_format'],
    ['other', '1', 'unknown_kind'],
    ['qq', '', 'empty'],
  ])('says why the %s account %j is invalid', (kind, value, reason) => {
    expect(classifyAccount(kind, value)).toMatchObject({ ok: false, reason });
  });

  describe('properties', () => {
    const kind = fc.constantFrom(...ACCOUNT_KINDS);
    it('never throws', () => {
      fc.assert(
        fc.property(kind, fc.string(), (k, value) => void classifyAccount(k, value)),
        { numRuns: 3000 },
      );
    });

    it('is idempotent', () => {
      const value = fc.oneof(fc.string(), fc.stringMatching(/^[1-9][\d ]{4,24}$/), fc.emailAddress());
      fc.assert(
        fc.property(kind, value, (k, v) => {
          const first = classifyAccount(k, v);
          if (!first.ok) return;
          expect(classifyAccount(k, first.normalized)).toEqual(first);
        }),
        { numRuns: 3000 },
      );
    });

    it('round-trips a card number written with spaces, dashes and full-width digits', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^62\d{14,16}$/), (body) => {
          const card = withCheckDigit(body.slice(0, -1));
          const written = [card, card.replace(/(\d{4})/g, '$1 '), card.replace(/(\d{4})/g, '$1-')];
          written.push(card.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))));
          const normalized = new Set(written.map((w) => JSON.stringify(classifyAccount('bank_card', w))));
          expect(normalized.size).toBe(1);
        }),
      );
    });
  });
});
