import { luhnValid } from '@fanzha/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryActionFor, normalizeFootprint, normalizeImei } from './footprint-kinds.js';

describe('normalizeFootprint', () => {
  it.each([
    ['number', '+86 138-0013-8000', undefined, '+8613800138000', 'number'],
    ['sms', '10690123456', undefined, '10690123456', 'number'],
    ['domain', 'WWW.Fake-Bank.com.', undefined, 'www.fake-bank.com', 'domain'],
    ['qq', '12345 6789', undefined, '123456789', 'account'],
    ['wechat', 'Boss_Li01', undefined, 'boss_li01', 'account'],
    ['account', 'fraud@example.com', 'alipay', 'fraud@example.com', 'account'],
    ['app', '  安全 防护  ', undefined, '安全 防护', null],
  ])('%s %s (%s) → %s on a %s list', (kind, value, accountKind, normalized, listKind) => {
    const result = normalizeFootprint(kind, value, accountKind);
    expect(result).toMatchObject({ ok: true, value: normalized, listKind });
  });

  it.each([
    ['number', '12', 'too_short'],
    ['account', '6222021234567890', 'account_kind_required'],
    ['qq', '123456789', 'account_kind_not_qq', 'wechat'],
    ['fax', '123', 'unknown_kind'],
    ['domain', '   ', 'empty'],
  ])('%s %s → %s', (kind, value, reason, accountKind?: string) =>
    expect(normalizeFootprint(kind, value, accountKind)).toEqual({ ok: false, reason }),
  );

  it('marks service numbers, which fraudsters spoof, and blocks ordinary ones', () => {
    const hotline = normalizeFootprint('number', '95588');
    const mobile = normalizeFootprint('number', '13800138000');
    expect(hotline.ok && entryActionFor(95, hotline.markOnly)).toBe('mark');
    expect(mobile.ok && entryActionFor(95, mobile.markOnly)).toBe('block');
    expect(mobile.ok && entryActionFor(59, mobile.markOnly)).toBe('mark');
  });
});

describe('normalizeImei', () => {
  it('accepts every 15-digit IMEI with a valid check digit however it is separated, and only those', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{15}$/), fc.constantFrom('', ' ', '-'), (digits, separator) => {
        const written = `${digits.slice(0, 2)}${separator}${digits.slice(2, 8)}${separator}${digits.slice(8)}`;
        const result = normalizeImei(written);
        expect(result.ok).toBe(luhnValid(digits));
        if (result.ok) expect(result.value).toBe(digits);
      }),
    );
  });

  it('takes a 16-digit IMEISV as it is and refuses other lengths', () => {
    expect(normalizeImei('3568540521234501')).toEqual({ ok: true, value: '3568540521234501' });
    expect(normalizeImei('12345678901234')).toEqual({ ok: false, reason: 'too_short' });
    expect(normalizeImei('35-68540521-2345-01-7')).toEqual({ ok: false, reason: 'too_long' });
  });
});
