import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUrl } from './url.js';

describe('normalizeUrl', () => {
  it.each([
    [
      'HTTP://User:Pw@WWW.Example.COM.:80/a/../b/%7e%e4%b8%ad?q=%2f#frag',
      'http://www.example.com/b/~%E4%B8%AD?q=%2F',
    ],
    ['example.com', 'http://example.com/'],
    ['https://例子.中国:443', 'https://xn--fsqu00a.xn--fiqs8s/'],
    ['www.icbc.com.cn@evil.cn/login', 'http://evil.cn/login'],
    ['example.com:8080/a', 'http://example.com:8080/a'],
    ['http://[::1]:8080/', 'http://[::1]:8080/'],
    ['https://evil.cn/?', 'https://evil.cn/'],
  ])('normalizes %j to %s', (input, url) => {
    const result = normalizeUrl(input);
    expect(result.ok && result.url).toBe(url);
  });

  it('keys a URL without its scheme, so prefix rules match http and https alike', () => {
    expect(normalizeUrl('https://Evil.cn/Login?a=1')).toMatchObject({
      key: 'evil.cn/Login?a=1',
      host: 'evil.cn',
    });
  });

  it.each([
    ['', 'empty'],
    ['ftp://x.com/', 'unsupported_scheme'],
    ['javascript:alert(1)', 'unsupported_scheme'],
    ['http://a b.com/', 'not_a_url'],
    ['http://a..b/', 'bad_host'],
  ])('says why %j is not a URL', (input, reason) => {
    expect(normalizeUrl(input)).toEqual({ ok: false, reason });
  });

  describe('properties', () => {
    it('never throws', () => {
      fc.assert(
        fc.property(fc.string(), (input) => void normalizeUrl(input)),
        { numRuns: 3000 },
      );
    });

    it('is idempotent', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string()),
          (input) => {
            const first = normalizeUrl(input);
            if (!first.ok) return;
            expect(normalizeUrl(first.url)).toEqual(first);
          },
        ),
        { numRuns: 2000 },
      );
    });

    it('round-trips: case of scheme and host, default port, fragment and userinfo do not change it', () => {
      fc.assert(
        fc.property(fc.webUrl({ validSchemes: ['http', 'https'] }), (input) => {
          const url = new URL(input);
          const variant = `${url.protocol.toUpperCase()}//someone@${url.hostname.toUpperCase()}${url.pathname}${url.search}#x`;
          const a = normalizeUrl(`${url.protocol}//${url.hostname}${url.pathname}${url.search}`);
          const b = normalizeUrl(variant);
          expect(b).toEqual(a);
        }),
        { numRuns: 500 },
      );
    });
  });
});
