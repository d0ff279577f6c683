/**
 * The simulated world and its ground truth: people, gangs with their numbers, domains and accounts,
 * the gangs' contacts, and the victims' planned path from contact through lure to payment. Plain data,
 * so a plan can be compared, written to a file (`--truth`) and scored.
 */
import type { FraudType } from '@fanzha/engine';
import type { CallerPlan } from './callers.js';

/** A resident of the province (or, for a few, a number from elsewhere). */
export interface Person {
  /** 11-digit mobile number, as carriers write it. */
  phone: string;
  /** 18-digit resident ID; its first 6 digits are `countyCode`. */
  idNumber: string;
  /** County of registered residence (户籍地). */
  countyCode: string;
  /** City of the phone's home region (号码归属地), or null for a number of another province. */
  phoneCity: string | null;
  /** Whether the carrier passes the ID number along with its events (real-name registration data). */
  carrierKnowsId: boolean;
}

/** A number, domain or account a gang uses; `listed`: the simulated analysts put it on a list at the start. */
export interface GangAsset {
  value: string;
  listed: boolean;
}

export interface Gang {
  id: string;
  fraudType: FraudType;
  numbers: GangAsset[];
  domains: GangAsset[];
  accounts: GangAsset[];
}

export type StepChannel = 'call' | 'sms' | 'web' | 'transfer';

/** One thing that happens to a victim: a call or SMS from the gang, a visit to its site, the payment. */
export interface VictimStep {
  role: 'contact' | 'lure' | 'payment';
  channel: StepChannel;
  /** Milliseconds since the epoch. For the payment: when the bank sees the transfer start. */
  at: number;
  /** The gang's number, domain or account. */
  counterparty: string;
  durationSeconds?: number;
  text?: string;
  amount?: number;
}

/** A person the gang hooked: the planned steps, and when the money would be gone. */
export interface VictimPlan {
  id: string;
  /** Index into the population. */
  person: number;
  fraudType: FraudType;
  gangId: string;
  steps: VictimStep[];
  /** When the payment completes (after the bank's short hold): the last moment to dissuade. */
  paymentAt: number;
  amount: number;
  /** The victim reports to the police (举报) after paying. */
  reportsAfterPayment: boolean;
}

/** A gang's call or SMS to a person who hangs up or ignores it (the victims' contacts are in their plans). */
export interface GangContact {
  at: number;
  gangId: string;
  person: number;
  channel: 'call' | 'sms';
  from: string;
  durationSeconds: number;
  text?: string;
  /** The person reports the number to the police (a citizen report). */
  reported: boolean;
}

export interface SimPlan {
  seed: number;
  /** The province's name, e.g. 江苏省. */
  province: string;
  start: number;
  end: number;
  people: Person[];
  gangs: Gang[];
  contacts: GangContact[];
  victims: VictimPlan[];
  /** Who calls in bulk: the gangs' SIM boxes (the truth of the caller-behaviour figures) and busy honest callers. */
  callers?: CallerPlan;
}
