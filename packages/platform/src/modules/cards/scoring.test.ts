import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAIN_ROLE_WEIGHTS, KEY_TARGET_MIN_SCORE, scorePerson, type PersonActivity } from './scoring.js';

const none: PersonActivity = {
  cardsSold: 0,
  openingOccasions: 0,
  casesTouched: 0,
  moneyPassed: 0,
  chainRoles: {},
};

describe('scorePerson', () => {
  it('makes one card in one case a key target', () => {
    const { score, reasons } = scorePerson({ ...none, cardsSold: 1, openingOccasions: 1, casesTouched: 1 });
    expect(score).toBe(15);
    expect(score).toBeGreaterThanOrEqual(KEY_TARGET_MIN_SCORE);
    expect(reasons.map((r) => r.code)).toEqual(['cards_sold', 'cases_touched']);
  });

  it('counts a repeat seller only for cards opened on two occasions', () => {
    const sameDay = scorePerson({ ...none, cardsSold: 3, openingOccasions: 1 });
    const twoDays = scorePerson({ ...none, cardsSold: 3, openingOccasions: 2 });
    expect(twoDays.score - sameDay.score).toBe(15);
    expect(twoDays.reasons.map((r) => r.code)).toContain('repeat_seller');
  });

  it('caps the money at 50 points and weighs chain roles per person', () => {
    expect(scorePerson({ ...none, moneyPassed: 10_000_000 }).score).toBe(50);
    expect(scorePerson({ ...none, chainRoles: { organiser: 3, courier: 1 } }).score).toBe(
      3 * CHAIN_ROLE_WEIGHTS.organiser + CHAIN_ROLE_WEIGHTS.courier,
    );
  });

  it('is the sum of its reasons, each positive, and never falls when activity grows', () => {
    const activity = fc.record({
      cardsSold: fc.nat(50),
      openingOccasions: fc.nat(50),
      casesTouched: fc.nat(50),
      moneyPassed: fc.double({ min: 0, max: 1e9, noNaN: true }),
      chainRoles: fc.record({ organiser: fc.nat(20), buyer: fc.nat(20) }),
    });
    fc.assert(
      fc.property(activity, fc.nat(5), (a, more) => {
        const { score, reasons } = scorePerson(a);
        expect(reasons.every((r) => r.points > 0)).toBe(true);
        expect(score).toBeCloseTo(
          reasons.reduce((sum, r) => sum + r.points, 0),
          1,
        );
        const grown = scorePerson({
          ...a,
          cardsSold: a.cardsSold + more,
          casesTouched: a.casesTouched + more,
        });
        expect(grown.score).toBeGreaterThanOrEqual(score);
      }),
    );
  });
});
