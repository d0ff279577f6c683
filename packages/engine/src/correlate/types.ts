/**
 * Signal correlation: the contract between the platform (which receives partner events, screens their
 * counterparty and keeps warnings) and the engine (which combines a person's signals over sliding
 * windows by versioned, data-driven rules). Pure: time is the signal's own `at`, never a clock.
 */
import type { FraudType } from '../detect/fraud-types.js';

/** What a partner saw happen to a citizen. Also the NATS subject suffix: `fanzha.events.<kind>`. */
export const EVENT_KINDS = ['call', 'sms', 'web', 'app', 'transfer', 'report', 'screening_hit'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export type WarningLevel = 'red' | 'orange' | 'yellow';
export const WARNING_LEVELS: readonly WarningLevel[] = ['red', 'orange', 'yellow'];

/**
 * One event after the platform has validated and enriched it: the citizen's number in E.164, and what
 * the lists (and the detectors) say about its counterparty (the calling number, SMS sender or text,
 * domain/URL, app, payee account).
 */
export interface Signal {
  eventId: string;
  kind: EventKind;
  /** Milliseconds since the epoch: when it happened (the event's time, not when it arrived). */
  at: number;
  /** The potential victim: the citizen's phone number, E.164. */
  person: string;
  /** The counterparty in normalised form (E.164 number, host, URL, account digits, app id); null when none. */
  counterparty: string | null;
  /** The strongest list action on the counterparty, or null when no list (or detector) flagged it. */
  listed: 'block' | 'mark' | null;
  /** Names of the lists that matched the counterparty. */
  lists: readonly string[];
  /** The fraud type the evidence points to (partner, citizen report, list, SMS model); null when unknown. */
  fraudType: FraudType | null;
  /** Money involved (yuan), for transfers. */
  amount: number | null;
  /** How long the call lasted (seconds), when the partner said; absent or null otherwise. */
  durationSeconds?: number | null;
}

/** A condition one signal must meet to count as a step of a rule. Every given field must hold. */
export interface SignalCondition {
  kinds?: readonly EventKind[];
  /** true: any list action; 'block' / 'mark': that action at least ('block' ⊂ 'mark'); false: not listed. */
  listed?: boolean | 'block' | 'mark';
  fraudTypes?: readonly FraudType[];
  /** Any of these list names matched. */
  lists?: readonly string[];
  minAmount?: number;
  /** The call lasted at least this long (seconds); a signal without a duration does not meet it. */
  minDurationSeconds?: number;
}

/**
 * A versioned correlation rule, stored as data (JSON). It fires for a person when signals meeting each
 * of `steps` (in that order when `ordered`) fall within `windowMinutes` of each other.
 */
export interface CorrelationRule {
  id: string;
  version: number;
  name: string;
  description?: string;
  level: WarningLevel;
  /** The fraud type the warning is labelled with; null: take it from the signals. */
  fraudType: FraudType | null;
  windowMinutes: number;
  ordered: boolean;
  steps: readonly SignalCondition[];
  /** All step signals must name the same fraud type (e.g. a listed call and SMS of one scheme). */
  sameFraudType?: boolean;
  enabled: boolean;
  /**
   * zh-CN template of the firing's `reason`; placeholders (see `fillReason`): `{minutes}`, `{fraudType}`,
   * `{amount}`, `{counterparty}`, `{lists}`, `{steps}`. Absent: the rule's name and the minutes.
   */
  reason?: string;
}

/** A rule that fired, with the signals that made it fire: the warning's evidence and its reason. */
export interface RuleFiring {
  ruleId: string;
  ruleVersion: number;
  level: WarningLevel;
  fraudType: FraudType | null;
  person: string;
  /** When it fired: the `at` of the signal that completed it. */
  at: number;
  /** The signals that met the steps, in step order. */
  eventIds: readonly string[];
  /** Human-readable (zh-CN) reason, e.g. "冒充公检法号码来电后 12 分钟内访问涉诈域名". */
  reason: string;
}
