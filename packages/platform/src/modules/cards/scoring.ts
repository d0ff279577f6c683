/**
 * How a key target (重点对象) is ranked: what he did in the card trade, weighed. Pure and documented
 * here, because an officer must be able to read why a person is on the list:
 *   10 per card sold (a card of his that surfaced in a case or a partner's report),
 *    5 per case his cards touched,
 *    1 per 10,000 yuan that passed through them (at most 50),
 *   15 if he is a repeat seller (cards opened on two or more occasions: days, places or banks),
 *   per person he stands above in the chain: organiser 8, buyer 6, seller 6, escort 4, courier 3.
 * A person scoring at least KEY_TARGET_MIN_SCORE is a key target (one card in one case is enough).
 */
import type { ChainRole } from '../../store/cards-schema.js';

export const KEY_TARGET_MIN_SCORE = 15;

export const CHAIN_ROLE_WEIGHTS: Record<ChainRole, number> = {
  organiser: 8,
  buyer: 6,
  seller: 6,
  escort: 4,
  courier: 3,
};

export interface PersonActivity {
  cardsSold: number;
  /** Distinct occasions his cards were opened on (day, else place, else issuer). */
  openingOccasions: number;
  casesTouched: number;
  /** Yuan. */
  moneyPassed: number;
  /** Persons he stands above, per role. */
  chainRoles: Partial<Record<ChainRole, number>>;
}

export type ReasonCode =
  'cards_sold' | 'cases_touched' | 'money_passed' | 'repeat_seller' | `chain_${ChainRole}`;

export interface Reason {
  code: ReasonCode;
  value: number;
  points: number;
}

export function scorePerson(activity: PersonActivity): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const add = (code: ReasonCode, value: number, points: number) => {
    // Points in hundredths: a reason worth less than that (a few yuan) is no reason.
    const rounded = Math.round(points * 100) / 100;
    if (value > 0 && rounded > 0) reasons.push({ code, value, points: rounded });
  };
  add('cards_sold', activity.cardsSold, activity.cardsSold * 10);
  add('cases_touched', activity.casesTouched, activity.casesTouched * 5);
  add('money_passed', activity.moneyPassed, Math.min(activity.moneyPassed / 10_000, 50));
  if (activity.cardsSold >= 2 && activity.openingOccasions >= 2)
    add('repeat_seller', activity.openingOccasions, 15);
  for (const [role, count] of Object.entries(activity.chainRoles) as [ChainRole, number][])
    add(`chain_${role}`, count, count * CHAIN_ROLE_WEIGHTS[role]);
  const score = Math.round(reasons.reduce((sum, reason) => sum + reason.points, 0) * 100) / 100;
  return { score, reasons: reasons.sort((a, b) => b.points - a.points) };
}
