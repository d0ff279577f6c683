import { describe, expect, it } from 'vitest';
import { Rng } from './random.js';
import { generateResidentId, isValidResidentId, residentIdCheckCharacter } from './resident-id.js';

describe('residentIdCheckCharacter', () => {
  it('gives the check characters of published examples', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
  });
});

describe('generateResidentId', () => {
  it('makes valid IDs of the given county with a plausible birth date', () => {
    const rng = new Rng(7);
    for (let i = 0; i < 2_000; i++) {
      const id = generateResidentId(rng, '320102');
      expect(isValidResidentId(id)).toBe(true);
      expect(id.slice(0, 6)).toBe('320102');
      const year = Number(id.slice(6, 10));
      expect(year).toBeGreaterThanOrEqual(1945);
      expect(year).toBeLessThanOrEqual(2006);
      expect(Number(id.slice(10, 12))).toBeGreaterThanOrEqual(1);
      expect(Number(id.slice(10, 12))).toBeLessThanOrEqual(12);
    }
  });

  it('rejects a county code that is not 6 digits', () => {
    expect(() => generateResidentId(new Rng(1), '3201')).toThrow(/6 digits/);
  });
});

describe('isValidResidentId', () => {
  it('rejects a wrong check character', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
  });
});
