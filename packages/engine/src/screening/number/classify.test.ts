import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyNumber } from './classify.js';

describe('classifyNumber', () => {
  it.each([
    '+86 138 1234 5678',
    '0086-13812345678',
    '86 13812345678',
    '8613812345678',
    '13812345678',
    '138.1234.5678',
    '１３８１２３４５６７８',
    '＋８６ １３８ １２３４ ５６７８',
    'tel:+86-138-1234-5678',
    'TEL:+8613812345678;ext=12',
    ' 138-1234-5678 ',
    '0138 1234 5678',
  ])('reads %j as the mobile +8613812345678', (input) => {
    const result = classifyNumber(input);
    expect(result).toMatchObject({
      kind: 'mobile',
      normalized: '+8613812345678',
      carrier: '中国移动',
      reason: null,
    });
    expect(result.input).toBe(input);
  });

  it('knows the home region of a mobile range', () => {
    expect(classifyNumber('13812345678').homeRegion).toEqual({ province: '江苏省', city: '连云港市' });
    expect(classifyNumber('13910001234').homeRegion?.province).toBe('北京市');
  });

  it.each([
    ['17001234567', '中国电信', { virtual: true }],
    ['17031234567', '中国移动', { virtual: true }],
    ['17091234567', '中国联通', { virtual: true }],
    ['17112345678', '中国联通', { virtual: true }],
    ['16212345678', '中国电信', { virtual: true }],
    ['16512345678', '中国移动', { virtual: true }],
    ['16712345678', '中国联通', { virtual: true }],
    ['13491234567', '中国电信', { satellite: true }],
    ['17401234567', '中国电信', { satellite: true }],
    ['19212345678', '中国广电', {}],
    ['18912345678', '中国电信', {}],
    ['18612345678', '中国联通', {}],
    ['1440123456789', '中国移动', { iot: true }],
    ['1461234567890', '中国联通', { iot: true }],
    ['1410123456789', '中国电信', { iot: true }],
    ['1064812345678', '中国移动', { iot: true }],
  ])('classifies the mobile range of %s', (input, carrier, flags) => {
    expect(classifyNumber(input)).toMatchObject({
      kind: 'mobile',
      normalized: `+86${input}`,
      carrier,
      virtual: false,
      satellite: false,
      iot: false,
      ...flags,
    });
  });

  it.each([
    ['(025) 8412-3456', '+862584123456', '南京市'],
    ['025-84123456', '+862584123456', '南京市'],
    ['+86 25 8412 3456', '+862584123456', '南京市'],
    ['+86 (0)25 8412 3456', '+862584123456', '南京市'],
    ['010 6512 3456', '+861065123456', '北京市'],
    ['0755-2345 6789', '+8675523456789', '深圳市'],
    ['0951-5012345', '+869515012345', '银川市'],
    ['+86 10 6512 3456', '+861065123456', '北京市'],
  ])('reads the fixed line %j with its city', (input, normalized, city) => {
    const result = classifyNumber(input);
    expect(result).toMatchObject({ kind: 'fixed', normalized, carrier: null });
    expect(result.homeRegion?.city).toBe(city);
  });

  it.each([
    ['95588', '95588'],
    ['955 88', '95588'],
    ['95105888', '95105888'],
    ['96110', '96110'],
    ['10086', '10086'],
    ['12345', '12345'],
    ['110', '110'],
    ['400-812-3456', '4008123456'],
    ['800 810 8888', '8008108888'],
    ['+86 95588', '95588'],
  ])('reads the service number %j as %s', (input, normalized) => {
    expect(classifyNumber(input)).toMatchObject({ kind: 'service', normalized });
  });

  it.each(['10690000', '1065502011234', '10690000123456789012', '1069 0000'])(
    'reads the SMS port %j',
    (input) => {
      expect(classifyNumber(input)).toMatchObject({ kind: 'sms_port', normalized: input.replace(/ /g, '') });
    },
  );

  it.each([
    ['+852 6123 4567', '+85261234567', 'HK'],
    ['+886 912 345 678', '+886912345678', 'TW'],
    ['00853 6612 3456', '+85366123456', 'MO'],
    ['+855 12 345 678', '+85512345678', 'KH'],
    ['+95 9 123 456 789', '+959123456789', 'MM'],
    ['+63 917 123 4567', '+639171234567', 'PH'],
  ])('reads the international number %j', (input, normalized, country) => {
    expect(classifyNumber(input)).toMatchObject({
      kind: 'international',
      normalized,
      country,
      carrier: null,
    });
  });

  it.each([
    ['12', 'too_short'],
    ['', 'not_a_number'],
    ['00', 'not_a_number'],
    ['+', 'not_a_number'],
    ['abc', 'not_a_number'],
    ['138-1234-567x', 'not_a_number'],
    ['1381234567', 'too_short'],
    ['138123456789', 'too_long'],
    ['15412345678', 'bad_prefix'],
    ['84123456', 'no_area_code'],
    ['0600-1234567', 'unknown_area_code'],
    ['106900001234567890123', 'too_long'],
    ['+999 1234567', 'unknown_country_code'],
    ['95', 'too_short'],
    ['9712345', 'bad_prefix'],
  ])('says why %j is invalid', (input, reason) => {
    expect(classifyNumber(input)).toMatchObject({ kind: 'invalid', normalized: null, reason });
  });

  describe('properties', () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom(...'0123456789+-() .０１８６tel:'.split('')) }),
    );
    const mobile = fc
      .tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.stringMatching(/^\d{9}$/))
      .map(([head, tail]) => head + tail);

    it('never throws', () => {
      fc.assert(
        fc.property(anyText, (input) => {
          classifyNumber(input);
        }),
        { numRuns: 2000 },
      );
    });

    it('reads bare digits the same on the fast path and through the full reading', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^\+?\d{0,22}$/), (digits) => {
          // A trailing space forces the full reading (NFKC, separators) of the same digits.
          const { input: _fast, ...fast } = classifyNumber(digits);
          const { input: _full, ...full } = classifyNumber(`${digits} `);
          expect(fast).toEqual(full);
        }),
        { numRuns: 2000 },
      );
    });

    it('is idempotent: a normalized number classifies to itself', () => {
      fc.assert(
        fc.property(anyText, (input) => {
          const first = classifyNumber(input);
          if (first.normalized === null) return;
          const second = classifyNumber(first.normalized);
          expect(second.normalized).toBe(first.normalized);
          expect(second.kind).toBe(first.kind);
        }),
        { numRuns: 2000 },
      );
    });

    it('round-trips every written form of a number to one normalized form', () => {
      const writtenForms = (national: string): string[] => [
        national,
        `+86${national}`,
        `0086 ${national}`,
        `86 ${national}`,
        `tel:+86-${national.slice(0, 3)}-${national.slice(3)}`,
        national.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
        `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`,
      ];
      fc.assert(
        fc.property(mobile, (national) => {
          const results = writtenForms(national).map((form) => classifyNumber(form));
          const normalized = new Set(results.map((r) => r.normalized));
          expect(normalized.size).toBe(1);
          if (results[0]!.kind === 'mobile') expect([...normalized][0]).toBe(`+86${national}`);
        }),
      );
    });
  });
});
