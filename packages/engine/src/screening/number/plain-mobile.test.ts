import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyNumber } from './classify.js';
import { plainMobileE164Value } from './plain-mobile.js';

/** What the fast path must agree with: classifyNumber's mobile "+86" + the same 11 digits. */
function classifiedValue(input: string): number {
  const classified = classifyNumber(input);
  return classified.kind === 'mobile' && classified.normalized === `+86${input}`
    ? Number(classified.normalized.slice(1))
    : -1;
}

describe('plainMobileE164Value', () => {
  it('reads an allocated 11-digit mobile as classifyNumber normalizes it', () => {
    expect(plainMobileE164Value('13812345678')).toBe(8613812345678);
  });

  it('leaves every other form and number to classifyNumber', () => {
    for (const input of [
      '+8613812345678',
      '138 1234 5678',
      '1381234567',
      '138123456789',
      '10086',
      '１３８１２３４５６７８',
    ])
      expect(plainMobileE164Value(input)).toBe(-1);
  });

  it('agrees with classifyNumber on every 11-digit string starting with 1', () => {
    const digits = fc.string({
      unit: fc.constantFrom(...'0123456789'.split('')),
      minLength: 10,
      maxLength: 10,
    });
    fc.assert(
      fc.property(digits, (rest) => {
        const input = `1${rest}`;
        const fast = plainMobileE164Value(input);
        // The fast path may decline (-1) only where classifyNumber gives no plain mobile either.
        expect(fast).toBe(classifiedValue(input));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees on every 4-digit prefix', () => {
    for (let prefix = 1000; prefix < 2000; prefix++) {
      const input = `${prefix}1234567`;
      expect(plainMobileE164Value(input)).toBe(classifiedValue(input));
    }
  });
});
