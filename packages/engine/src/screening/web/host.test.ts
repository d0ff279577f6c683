import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeHost } from './host.js';
import { registrableDomain } from './registrable-domain.js';

describe('normalizeHost', () => {
  it.each([
    ['Example.COM.', 'example.com', 'domain'],
    ['ＥＸＡＭＰＬＥ．com', 'example.com', 'domain'],
    ['http://user:pw@例子.中国:8080/x?y#z', 'xn--fsqu00a.xn--fiqs8s', 'domain'],
    ['例子。中国', 'xn--fsqu00a.xn--fiqs8s', 'domain'],
    ['xn--fsqu00a.xn--fiqs8s', 'xn--fsqu00a.xn--fiqs8s', 'domain'],
    ['www.evil.cn:443', 'www.evil.cn', 'domain'],
    ['192.168.1.1:80', '192.168.1.1', 'ipv4'],
    ['0x7f.1', '127.0.0.1', 'ipv4'],
    ['[::1]', '[::1]', 'ipv6'],
    ['http://[2001:DB8::1]:8080/', '[2001:db8::1]', 'ipv6'],
  ])('normalizes %j to %s', (input, host, type) => {
    expect(normalizeHost(input)).toEqual({ ok: true, host, type });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['a b.com', 'bad_character'],
    ['a..b', 'bad_label'],
    [`${'a'.repeat(64)}.com`, 'bad_label'],
    [`${'a.'.repeat(130)}com`, 'too_long'],
  ])('says why %j is not a host', (input, reason) => {
    expect(normalizeHost(input)).toEqual({ ok: false, reason });
  });

  describe('properties', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const domain = fc
      .tuple(
        fc.array(label, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('com', 'cn', 'com.cn', 'top', 'xyz'),
      )
      .map(([labels, tld]) => `${labels.join('.')}.${tld}`);

    it('never throws', () => {
      fc.assert(
        fc.property(fc.string(), (input) => void normalizeHost(input)),
        { numRuns: 3000 },
      );
    });

    it('is idempotent', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.domain()), (input) => {
          const first = normalizeHost(input);
          if (!first.ok) return;
          expect(normalizeHost(first.host)).toEqual(first);
        }),
        { numRuns: 2000 },
      );
    });

    it('round-trips a domain written with case, trailing dot, scheme, userinfo and port', () => {
      fc.assert(
        fc.property(domain, fc.integer({ min: 1, max: 65535 }), (host, port) => {
          for (const written of [
            host.toUpperCase(),
            `${host}.`,
            `https://u:p@${host}:${port}/a`,
            `${host}:${port}`,
          ]) {
            expect(normalizeHost(written)).toEqual({ ok: true, host, type: 'domain' });
          }
        }),
      );
    });
  });
});

describe('registrableDomain', () => {
  it.each([
    ['a.b.example.com.cn', 'example.com.cn'],
    ['www.evil.cn', 'evil.cn'],
    ['com.cn', null],
    ['1.2.3.4', null],
  ])('of %s is %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });
});
