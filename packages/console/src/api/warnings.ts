import { request } from './client';
import type { Page } from './types';

// 预警劝阻: warnings, their stream, figures and rules, and the events' dead letters (docs/warnings.md).
// The platform's schemas (packages/platform/src/modules/warnings, modules/events) are the source of truth.

const base = '/api/v1';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const warningLevels = ['red', 'orange', 'yellow'] as const;
export type WarningLevel = (typeof warningLevels)[number];

export const warningStatuses = ['open', 'closed'] as const;
export type WarningStatus = (typeof warningStatuses)[number];

export const attemptChannels = ['call', 'sms', 'visit'] as const;
export type AttemptChannel = (typeof attemptChannels)[number];

export const attemptOutcomes = ['dissuaded', 'paid', 'unreachable', 'false_alarm'] as const;
export type AttemptOutcome = (typeof attemptOutcomes)[number];

/** The fraud types of the engine's classification (packages/engine/src/detect/fraud-types.ts). */
export const fraudTypes = [
  'click_farming_rebate',
  'fake_investment',
  'fake_loan',
  'fake_customer_service',
  'fake_police',
  'fake_credit_repair',
  'fake_shopping',
  'fake_boss_acquaintance',
  'fake_game_trading',
  'romance',
] as const;
export type FraudType = (typeof fraudTypes)[number];

/** A warning as the queue and the stream show it; the phone is masked by the server. */
export interface WarningSummary {
  id: string;
  level: WarningLevel;
  status: WarningStatus;
  fraudType: string | null;
  phoneMasked: string;
  unitCode: string;
  unitName?: string | undefined;
  /** Where the routing found the unit: residence, home_region, province, transfer. */
  routedBy?: string | undefined;
  ruleIds?: string[] | undefined;
  /** First contact is due by then. */
  deadlineAt: string;
  /** Passed its deadline without a first contact; the parent unit's queue shows it too. */
  escalated: boolean;
  /** The unit it escalated to (the parent of its unit). */
  escalatedTo?: string | null | undefined;
  createdAt: string;
  updatedAt: string;
  firstContactAt?: string | null | undefined;
  outcome?: AttemptOutcome | null | undefined;
  /** Yuan: the loss avoided (dissuaded) or lost (paid). */
  amount?: number | null | undefined;
  attemptCount?: number | undefined;
}

/**
 * One entry of a warning's history: a signal that arrived, a rule that fired on signals, an escalation
 * to the parent unit, a transfer. Which fields are set depends on `type`.
 */
export interface TimelineItem {
  type: 'signal' | 'firing' | 'escalation' | 'transfer';
  at: string;
  /** Signal: the event's kind, id, counterparty and the lists that matched it. */
  kind?: string | undefined;
  eventId?: string | null | undefined;
  counterparty?: string | null | undefined;
  listed?: 'block' | 'mark' | null | undefined;
  lists?: string[] | undefined;
  amount?: number | null | undefined;
  durationSeconds?: number | undefined;
  fraudType?: string | null | undefined;
  /** Escalation and transfer: from where to where, why. */
  fromUnitCode?: string | undefined;
  toUnitCode?: string | undefined;
  cause?: string | undefined;
  actor?: string | null | undefined;
  /** Firing: the rule, its version, the level it set and why it fired. */
  ruleId?: string | null | undefined;
  ruleVersion?: number | undefined;
  ruleName?: string | undefined;
  level?: WarningLevel | undefined;
  reason?: string | undefined;
  eventIds?: string[] | undefined;
}

export interface WarningAttempt {
  id: string;
  at: string;
  channel: AttemptChannel;
  outcome: AttemptOutcome;
  amount: number | null;
  note: string | null;
  message?: string | null | undefined;
  actor?: string | null | undefined;
  unitCode?: string | null | undefined;
}

/** One warning in full: the person's phone and ID number are shown (the platform audits the read). */
export interface WarningDetail extends WarningSummary {
  phone?: string | undefined;
  idNumber?: string | null | undefined;
  idNumberMasked?: string | null | undefined;
  escalatedAt?: string | null | undefined;
  closedAt?: string | null | undefined;
  transfers?: WarningTransfer[] | undefined;
  timeline: TimelineItem[];
  attempts: WarningAttempt[];
}

export interface WarningTransfer {
  at: string;
  fromUnitCode: string;
  toUnitCode: string;
  reason: string;
  actor?: string | null | undefined;
}

export interface WarningQuery {
  page: number;
  pageSize: number;
  status?: WarningStatus | undefined;
  level?: WarningLevel | undefined;
  fraudType?: string | undefined;
  unit?: string | undefined;
}

export interface AttemptBody {
  channel: AttemptChannel;
  outcome: AttemptOutcome;
  amount?: number;
  note?: string;
  message?: string;
}

export interface TransferBody {
  unitCode: string;
  reason: string;
}

export interface LevelCounts {
  red: number;
  orange: number;
  yellow: number;
}

export interface UnitFigures extends LevelCounts {
  unitCode: string;
  unitName?: string | undefined;
  total?: number | undefined;
}

export interface RulePrecision {
  ruleId: string;
  ruleName?: string | undefined;
  /** Warnings the rule fired on that were closed. */
  closed?: number | undefined;
  fired?: number | undefined;
  falseAlarms: number;
  /** falseAlarms / closed, 0..1; null when nothing was closed yet. */
  rate: number | null;
}

export interface WarningFigures {
  from?: string | undefined;
  to?: string | undefined;
  issued: LevelCounts & { total?: number | undefined };
  byUnit: UnitFigures[];
  /** First contact within the deadline, and all warnings contacted. */
  handledInTime: number;
  handled?: number | undefined;
  dissuaded: number;
  /** Yuan. */
  lossAvoided: number;
  paid?: number | undefined;
  lost?: number | undefined;
  falseAlarmRate: RulePrecision[];
}

export interface FiguresQuery {
  from?: string | undefined;
  to?: string | undefined;
  unit?: string | undefined;
}

export interface SignalConditionData {
  kinds?: string[];
  listed?: boolean | 'block' | 'mark';
  fraudTypes?: string[];
  lists?: string[];
  minAmount?: number;
  minDurationSeconds?: number;
}

/** A correlation rule's version, as stored (engine `CorrelationRule`). */
export interface WarningRule {
  id: string;
  version: number;
  name: string;
  description?: string | undefined;
  level: WarningLevel;
  fraudType: string | null;
  windowMinutes: number;
  ordered: boolean;
  steps: SignalConditionData[];
  /** Every step's signal must point to the same fraud type. */
  sameFraudType?: boolean | undefined;
  enabled: boolean;
  /** The reason template the firing shows. */
  reason?: string | undefined;
}

export interface WarningRuleWithVersions extends WarningRule {
  versions?: (WarningRule & { createdAt?: string; createdBy?: string | null })[] | undefined;
}

export interface BacktestBody {
  rules: WarningRule[];
  from: string;
  to: string;
  victims?: string[];
}

export interface BacktestRuleResult {
  ruleId: string;
  ruleName?: string | undefined;
  firings?: number | undefined;
  /** Persons it would have warned. */
  warnings: number;
  /** Null when no victims were given. */
  victimsCaught?: number | null | undefined;
}

export interface BacktestResult {
  from?: string | undefined;
  to?: string | undefined;
  events?: number | undefined;
  warnings: number;
  perRule: BacktestRuleResult[];
  victims?: number | null | undefined;
  victimsCaught?: number | null | undefined;
  /** Persons warned who are not among the given victims. */
  falseAlarmPersons?: number | null | undefined;
}

export interface DeadLetter {
  id: string;
  eventId: string | null;
  /** Refused on arrival (`validation`) or failed while handled (`handler`). */
  stage?: 'validation' | 'handler' | undefined;
  /** Who sent it: an API key's name, or the bus. */
  source?: string | undefined;
  receivedAt: string;
  reason: string;
  payload: unknown;
}

export const warningsApi = {
  find: (query: WarningQuery, signal?: AbortSignal) =>
    request<Page<WarningSummary>>('GET', `${base}/warnings`, { query, ...withSignal(signal) }),
  get: (id: string, signal?: AbortSignal) =>
    request<WarningDetail>('GET', `${base}/warnings/${encodeURIComponent(id)}`, withSignal(signal)),
  recordAttempt: (id: string, body: AttemptBody) =>
    request<WarningDetail>('POST', `${base}/warnings/${encodeURIComponent(id)}/attempts`, { body }),
  transfer: (id: string, body: TransferBody) =>
    request<WarningDetail>('POST', `${base}/warnings/${encodeURIComponent(id)}/transfer`, { body }),
  figures: (query: FiguresQuery, signal?: AbortSignal) =>
    request<WarningFigures>('GET', `${base}/warnings/figures`, { query, ...withSignal(signal) }),
  /** The server-sent events of the caller's subtree (`warning`: a created or updated summary). */
  streamUrl: `${base}/warnings/stream`,
};

export const warningRulesApi = {
  list: (signal?: AbortSignal) =>
    request<{ items: WarningRuleWithVersions[] }>('GET', `${base}/warning-rules`, withSignal(signal)),
  /** A new version of rule `id` (the next number); it goes live at once. */
  put: (id: string, body: Omit<WarningRule, 'id' | 'version'>) =>
    request<WarningRule & { createdAt?: string; createdBy?: string | null }>(
      'PUT',
      `${base}/warning-rules/${encodeURIComponent(id)}`,
      { body },
    ),
  backtest: (body: BacktestBody, signal?: AbortSignal) =>
    request<BacktestResult>('POST', `${base}/warning-rules/backtest`, { body, ...withSignal(signal) }),
};

export const eventsApi = {
  deadLetters: (query: { page: number; pageSize: number }, signal?: AbortSignal) =>
    request<Page<DeadLetter>>('GET', `${base}/events/dead-letters`, { query, ...withSignal(signal) }),
};
