/** A victim during the run: the plan, and what the officers changed about it. */
import type { FraudType } from '@fanzha/engine';
import type { SimPlan, VictimPlan } from './model.js';
import { isoChina } from './time.js';

export interface VictimState {
  plan: VictimPlan;
  /** When an officer dissuaded them (simulated ms); their later steps and the payment do not happen. */
  dissuadedAt: number | null;
  /** An officer already recorded their payment (a later warning records no second amount). */
  paidRecorded: boolean;
}

export function victimStates(victims: readonly VictimPlan[]): Map<number, VictimState> {
  return new Map(victims.map((plan) => [plan.person, { plan, dissuadedAt: null, paidRecorded: false }]));
}

/** Whether the step happens: nothing after the moment an officer got through. */
export function stepHappens(victim: VictimState, at: number): boolean {
  return victim.dissuadedAt === null || at < victim.dissuadedAt;
}

/** What happened to each victim, beside the plan. */
export interface VictimOutcome {
  id: string;
  phone: string;
  fraudType: FraudType;
  amount: number;
  paymentAt: string;
  outcome: 'paid' | 'dissuaded' | 'pending';
  dissuadedAt: string | null;
}

/** A victim's outcome at the end of a run. */
export function victimOutcome(plan: SimPlan, state: VictimState): VictimOutcome {
  const { plan: victim, dissuadedAt } = state;
  return {
    id: victim.id,
    phone: plan.people[victim.person]!.phone,
    fraudType: victim.fraudType,
    amount: victim.amount,
    paymentAt: isoChina(victim.paymentAt),
    outcome: dissuadedAt !== null ? 'dissuaded' : victim.paymentAt <= plan.end ? 'paid' : 'pending',
    dissuadedAt: dissuadedAt === null ? null : isoChina(dissuadedAt),
  };
}
