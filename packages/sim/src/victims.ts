/** A victim during the run: the plan, and what the officers changed about it. */
import type { VictimPlan } from './model.js';

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
