/**
 * The fraud-caller score of one number's window: a logistic score over the behaviour features with
 * weights set by hand from how SIM boxes and call farms are described by carriers and police (volume,
 * strangers, short and unanswered calls, no inbound, rotating handsets), and checked on synthetic
 * traffic (docs/detection.md). Each term is returned as a named contribution.
 */
import type { CallerFeatures, CallerWindow } from './behaviour.js';

export interface CallerContribution {
  readonly feature: keyof CallerFeatures;
  readonly value: number;
}

export interface CallerScore {
  readonly number: string;
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly score: number;
  readonly contributions: readonly CallerContribution[];
  readonly features: CallerFeatures;
}

/** Marking threshold on `score`: numbers at or above it go to analysts. */
export const CALLER_MARK_THRESHOLD = 0.7;

const BIAS = -7;
/** Shares only speak once there are enough calls to form a share. */
const MIN_CALLS_FOR_SHARES = 5;

const TERMS = [
  'callsPerHour',
  'distinctCalleeShare',
  'outboundShare',
  'unansweredShare',
  'shortShare',
  'nightShare',
  'victimCallees',
  'imeiChanges',
] as const satisfies ReadonlyArray<keyof CallerFeatures>;

/** Term values, in TERMS order; reused (scoring is synchronous) so that a window costs no allocation. */
const values = new Float64Array(TERMS.length);

function computeTerms(f: CallerFeatures): number {
  const enough = f.calls >= MIN_CALLS_FOR_SHARES ? 1 : 0;
  // 10 calls an hour is busy for a person; each doubling above it adds weight, up to 160 an hour.
  values[0] = 1.6 * Math.min(4, Math.max(0, Math.log2(f.callsPerHour / 10)));
  values[1] = enough * 1.5 * f.distinctCalleeShare;
  values[2] = enough * 4.0 * Math.max(0, f.outboundShare - 0.5);
  values[3] = enough * 1.5 * f.unansweredShare;
  values[4] = enough * 1.5 * f.shortShare;
  values[5] = enough * 1.0 * f.nightShare;
  values[6] = 2.5 * Math.min(3, f.victimCallees);
  // SIMs rotating through a gateway's slots change handset on almost every call.
  values[7] = 2.0 * Math.min(1, f.imeiChanges / Math.max(1, f.calls * 0.2));
  let z = BIAS;
  for (let i = 0; i < values.length; i++) z += values[i]!;
  return z;
}

/** The score alone, without allocating (for the marking path). */
export function scoreFeatures(f: CallerFeatures): number {
  return 1 / (1 + Math.exp(-computeTerms(f)));
}

/** The score and its non-zero contributions, largest first. */
export function scoreCallerFeatures(f: CallerFeatures): {
  score: number;
  contributions: CallerContribution[];
} {
  const score = 1 / (1 + Math.exp(-computeTerms(f)));
  const contributions: CallerContribution[] = [];
  for (let i = 0; i < TERMS.length; i++) {
    if (values[i] !== 0) contributions.push({ feature: TERMS[i]!, value: values[i]! });
  }
  contributions.sort((a, b) => b.value - a.value);
  return { score, contributions };
}

export function scoreCallerWindow(window: CallerWindow): CallerScore {
  const { score, contributions } = scoreCallerFeatures(window.features);
  return {
    number: window.number,
    windowStart: window.windowStart,
    windowEnd: window.windowEnd,
    score,
    contributions,
    features: window.features,
  };
}
