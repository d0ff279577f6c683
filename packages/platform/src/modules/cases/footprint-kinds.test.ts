import { describe, expect, it } from 'vitest';
import { entryActionFor, normalizeFootprint } from './footprint-kinds.js';

describe('normalizeFootprint', () => {
  it.each([
    ['number', '+86 138-0013-8000', undefined, '+8613800138000', 'number'],
    ['sms', '10690123456', undefined, '10690123456', 'number'],
    ['domain', 'WWW.Fake-Bank.com.', undefined, 'www.fake-bank.com', 'domain'],
    ['qq', '12345 6789', undefined, '123456789', 'account'],
    ['wechat', 'Boss_Li01', undefined, 'boss_li01', 'account'],
    ['account', 'fraud@example.com', 'alipay', 'fraud@example.com', 'account'],
    ['app', '  安全 防护  ', undefined, '安全 防护', null],
    ['app', 'Com.Example.SafeGuard', undefined, 'com.example.safeguard', 'app'],
    ['imei', '49-015420-323751-8', undefined, '490154203237518', 'imei'],
    ['imei', '4901542032375197', undefined, '490154203237518', 'imei'],
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
    ['imei', '490154203237519', 'bad_checksum'],
    ['imei', '1234567890123', 'too_short'],
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
