import { request } from './client';
import type { CandidateDecideBody, CandidateQuery, CandidateStatus, Page } from './types';

// 呼叫行为复核: numbers the fraud-caller detector marked from carriers' CDRs, for analysts to block or
// allow. The platform's schemas (packages/platform/src/modules/caller-behaviour) are the source of truth.

const base = '/api/v1';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** The behaviour features the caller score reads (packages/engine/src/detect/cdr/score.ts). */
export const callerFeatures = [
  'callsPerHour',
  'distinctCalleeShare',
  'outboundShare',
  'unansweredShare',
  'shortShare',
  'nightShare',
  'victimCallees',
  'imeiChanges',
] as const;

export interface CallerCandidate {
  id: string;
  /** E.164. */
  number: string;
  /** 0..1, of the best marked window. */
  score: number;
  contributions: Array<{ feature: string; value: number }>;
  /** The best window's features: calls, callsPerHour, distinctCallees, shares 0..1, imeiChanges, cellChanges, … */
  features: Record<string, number>;
  windowStart: string;
  /** Marked windows so far. */
  windows: number;
  firstSeenAt: string;
  lastSeenAt: string;
  status: CandidateStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  listName: string | null;
}

export interface CallerStreamStats {
  stream: 'in-process' | 'jetstream';
  records: number;
  badLines: number;
  numbers: number;
  markedWindows: number;
  queueDepth: number;
  victims: number;
}

/** Where a blocked number goes unless the analyst picks another number list (the platform's default). */
export const DEFAULT_CALLER_BLOCK_LIST = 'caller-behaviour-block';

export const callerReviewApi = {
  candidates: (query: CandidateQuery, signal?: AbortSignal) =>
    request<Page<CallerCandidate>>('GET', `${base}/intel/caller-candidates`, {
      query,
      ...withSignal(signal),
    }),
  decide: (id: string, body: CandidateDecideBody) =>
    request<CallerCandidate>('POST', `${base}/intel/caller-candidates/${encodeURIComponent(id)}/decide`, {
      body,
    }),
  stats: (signal?: AbortSignal) =>
    request<CallerStreamStats>('GET', `${base}/intel/caller-behaviour/stats`, withSignal(signal)),
};
