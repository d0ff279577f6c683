import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixed } from './key-mix.js';
import { MOBILE_BASE, MOBILE_SPAN, inMobileDomain, mobileMixOffset, mobileUnmix } from './mobile-mix.js';

const TWO_32 = 4294967296;

describe('mobileMix', () => {
  it('is a bijection of the domain: unmixing gives the number back, halves within 18 and 19 bits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MOBILE_SPAN - 1 }), (offset) => {
        mobileMixOffset(offset);
        expect(mixed[0]!).toBeLessThan(2 ** 18);
        expect(mixed[1]!).toBeLessThan(2 ** 19);
        expect(mobileUnmix(mixed[0]!, mixed[1]!)).toBe(MOBILE_BASE + offset);
      }),
      { numRuns: 2000 },
    );
  });

  it('knows its domain: 13-digit numbers from +8610… up to 2^37 of them', () => {
    const split = (value: number) => [Math.floor(value / TWO_32), value >>> 0] as const;
    expect(inMobileDomain(...split(8613812345678))).toBe(true);
    expect(inMobileDomain(...split(MOBILE_BASE))).toBe(true);
    expect(inMobileDomain(...split(MOBILE_BASE - 1))).toBe(false);
    expect(inMobileDomain(...split(MOBILE_BASE + MOBILE_SPAN - 1))).toBe(true);
    expect(inMobileDomain(...split(MOBILE_BASE + MOBILE_SPAN))).toBe(false);
    expect(inMobileDomain(...split(862584123456))).toBe(false);
    expect(inMobileDomain(...split(1e15 + 95588))).toBe(false);
  });
});
