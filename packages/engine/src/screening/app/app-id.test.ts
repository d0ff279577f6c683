import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAppId } from './app-id.js';

describe('normalizeAppId', () => {
  it.each([
    ['com.example.app', 'com.example.app'],
    ['  Com.Example.SafeGuard ', 'com.example.safeguard'],
    ['com.tencent.xin', 'com.tencent.xin'],
    ['com.Example.Loan-Pro', 'com.example.loan-pro'],
    ['cn.gov.fzzx_2', 'cn.gov.fzzx_2'],
    ['io.123go.app', 'io.123go.app'],
    ['package:com.fake.safebox', 'com.fake.safebox'],
    ['https://play.google.com/store/apps/details?id=com.Fake.Invest&hl=zh', 'com.fake.invest'],
    ['ｃｏｍ．ｆａｋｅ．ａｐｐ', 'com.fake.app'],
  ])('reads %j as %j', (written, normalized) => {
    expect(normalizeAppId(written)).toEqual({ ok: true, normalized });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['package:', 'empty'],
    ['安全防护', 'not_an_app_id'],
    ['SafeGuard', 'not_an_app_id'],
    ['com.example app', 'not_an_app_id'],
    ['1com.example', 'not_an_app_id'],
    ['com..example', 'not_an_app_id'],
    ['com.example.', 'not_an_app_id'],
    ['com.例子.app', 'not_an_app_id'],
    [`com.${'a'.repeat(252)}`, 'too_long'],
  ])('says why %j is not an app id: %s', (written, reason) => {
    expect(normalizeAppId(written)).toEqual({ ok: false, reason });
  });

  describe('properties', () => {
    const appId = fc.stringMatching(/^[a-zA-Z][\w-]{0,10}(\.[\w-]{1,10}){1,4}$/);

    it('never throws', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.webUrl(), appId), (value) => {
          normalizeAppId(value);
        }),
        { numRuns: 3000 },
      );
    });

    it('is idempotent', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), appId), (value) => {
          const first = normalizeAppId(value);
          if (first.ok) expect(normalizeAppId(first.normalized)).toEqual(first);
        }),
        { numRuns: 3000 },
      );
    });

    it('accepts every reverse-DNS id, in any case', () => {
      fc.assert(
        fc.property(appId, (id) => {
          expect(normalizeAppId(id)).toEqual({ ok: true, normalized: id.toLowerCase() });
          expect(normalizeAppId(id.toUpperCase())).toEqual(normalizeAppId(id));
        }),
      );
    });
  });
});
