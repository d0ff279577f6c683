import { request } from './client';
import type { Page } from './types';
import type { FraudType } from './warnings';

// 线索 and 专项行动: clues down the org tree (dispatch, sign, notes, feedback, transfer), their notices
// and figures; special operations with figures computed by the platform and the 收网 board. The
// platform's schemas (packages/platform/src/modules/clues, …/operations) are the source of truth.

const base = '/api/v1';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const id = (value: string) => encodeURIComponent(value);

export const cluePriorities = ['urgent', 'high', 'normal', 'low'] as const;
export type CluePriority = (typeof cluePriorities)[number];
export const clueStatuses = ['pending', 'working', 'transferring', 'done'] as const;
export type ClueStatus = (typeof clueStatuses)[number];
export const clueResults = ['verified', 'caught', 'not_found'] as const;
export type ClueResult = (typeof clueResults)[number];
export const clueEntityKinds = [
  'number',
  'account',
  'person',
  'case',
  'qq',
  'wechat',
  'imei',
  'domain',
  'other',
] as const;
export type ClueEntityKind = (typeof clueEntityKinds)[number];
export type ClueHopKind =
  'dispatched' | 'signed' | 'note' | 'feedback' | 'returned' | 'transferred' | 'reminded' | 'escalated';

export interface UnitRef {
  code: string;
  name: string;
}

export interface ClueEntity {
  kind: ClueEntityKind;
  value: string;
  label?: string | null;
}

export interface ClueSummary {
  id: string;
  title: string;
  priority: CluePriority;
  status: ClueStatus;
  result: ClueResult | null;
  origin: UnitRef;
  unit: UnitRef;
  deadlineAt: string;
  overdue: boolean;
  dispatchedAt: string;
  signedAt: string | null;
  signedBy: string | null;
  completedAt: string | null;
  escalatedTo: UnitRef | null;
  escalatedAt: string | null;
  suggestedUnit: UnitRef | null;
  operation: { id: string; name: string } | null;
  source: { kind: string; id: string } | null;
  caughtCount: number | null;
  cardsSeized: number | null;
  moneyFrozen: number | null;
}

export interface ClueHop {
  id: string;
  kind: ClueHopKind;
  from: UnitRef | null;
  to: UnitRef | null;
  actor: string;
  actorUnitCode: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
  at: string;
}

export interface ClueDetail extends ClueSummary {
  content: string;
  resultNote: string | null;
  entities: ClueEntity[];
  hops: ClueHop[];
  actions: { sign: boolean; note: boolean; feedback: boolean; transfer: boolean };
}

export interface ClueQuery {
  box?: 'inbox' | 'outbox';
  status?: ClueStatus | undefined;
  result?: ClueResult | undefined;
  priority?: CluePriority | undefined;
  unitCode?: string | undefined;
  operationId?: string | undefined;
  overdue?: boolean | undefined;
  escalated?: boolean | undefined;
  q?: string | undefined;
  page?: number;
  pageSize?: number;
}

export interface NewClue {
  targetUnitCode: string;
  title: string;
  content: string;
  priority?: CluePriority;
  deadlineAt: string;
  entities?: ClueEntity[];
  operationId?: string;
}

export interface ClueFeedback {
  result: ClueResult | 'not_ours';
  caughtCount?: number;
  cardsSeized?: number;
  moneyFrozen?: number;
  rightUnitCode?: string;
  note?: string;
}

export interface ClueCounts {
  received: number;
  signed: number;
  done: number;
  open: number;
  overdue: number;
  verified: number;
  caught: number;
  notFound: number;
  caughtCount: number;
  cardsSeized: number;
  moneyFrozen: number;
  completionRate: number;
  resultRate: number;
}

export interface ClueFiguresRow extends ClueCounts {
  unit: UnitRef;
  own: boolean;
}

export interface ClueFigures {
  unit: UnitRef;
  from: string | null;
  to: string | null;
  total: ClueCounts;
  rows: ClueFiguresRow[];
}

export interface ClueNotice {
  id: string;
  unitCode: string;
  clueId: string;
  clueTitle: string;
  kind: 'dispatched' | 'due_soon' | 'overdue' | 'escalated' | 'returned';
  message: string;
  createdAt: string;
  readAt: string | null;
}

export interface ProvinceUnit {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export const cluesApi = {
  find: (query: ClueQuery, signal?: AbortSignal) =>
    request<Page<ClueSummary>>('GET', `${base}/clues`, { query, ...withSignal(signal) }),
  get: (clueId: string, signal?: AbortSignal) =>
    request<ClueDetail>('GET', `${base}/clues/${id(clueId)}`, withSignal(signal)),
  dispatch: (clues: NewClue[]) =>
    request<{ items: ClueSummary[] }>('POST', `${base}/clues`, { body: { clues } }),
  sign: (clueId: string) => request<ClueDetail>('POST', `${base}/clues/${id(clueId)}/sign`),
  note: (clueId: string, text: string) =>
    request<ClueDetail>('POST', `${base}/clues/${id(clueId)}/notes`, { body: { text } }),
  feedback: (clueId: string, body: ClueFeedback) =>
    request<ClueDetail>('POST', `${base}/clues/${id(clueId)}/feedback`, { body }),
  transfer: (clueId: string, body: { toUnitCode: string; reason: string; deadlineAt?: string }) =>
    request<ClueDetail>('POST', `${base}/clues/${id(clueId)}/transfer`, { body }),
  figures: (
    query: { unitCode?: string; from?: string; to?: string; operationId?: string },
    signal?: AbortSignal,
  ) => request<ClueFigures>('GET', `${base}/clues/figures`, { query, ...withSignal(signal) }),
  notices: (query: { unread?: boolean; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    request<Page<ClueNotice> & { unread: number }>('GET', `${base}/clues/notices`, {
      query,
      ...withSignal(signal),
    }),
  readNotice: (noticeId: string) => request<null>('POST', `${base}/clues/notices/${id(noticeId)}/read`),
  provinceUnits: (signal?: AbortSignal) =>
    request<ProvinceUnit[]>('GET', `${base}/clues/units`, withSignal(signal)),
};

export type OperationPhase = 'planned' | 'active' | 'ended';

export interface OperationSummary {
  id: string;
  name: string;
  unit: UnitRef;
  windowFrom: string;
  windowTo: string;
  phase: OperationPhase;
  fraudTypes: string[];
  cardTrade: boolean;
  description: string;
  unitCount: number;
  createdBy: string;
  createdAt: string;
}

export interface OperationFigures {
  casesSolved: number;
  suspectsCaught: number;
  cardsSeized: number;
  moneyFrozen: number;
  cluesDispatched: number;
  cluesDone: number;
  cluesOverdue: number;
}

export interface OperationUnitFigures extends OperationFigures {
  unit: UnitRef;
  targetSuspects: number;
  targetCases: number;
}

export interface OperationDetail extends OperationSummary {
  units: OperationUnitFigures[];
  total: OperationFigures & { targetSuspects: number; targetCases: number };
  /** Where each figure comes from (cases, clue feedback, the two-card records, freezes on case accounts). */
  sources: {
    casesSolved: 'case_transitions';
    suspectsCaught: 'clue_feedback';
    cardsSeized: 'card_targets_caught';
    moneyFrozen: 'case_account_freezes';
  };
  computedAt: string;
}

export interface OperationBody {
  name: string;
  unitCode?: string;
  windowFrom: string;
  windowTo: string;
  fraudTypes?: (FraudType | 'other')[];
  cardTrade?: boolean;
  description?: string;
  units: { unitCode: string; targetSuspects?: number; targetCases?: number }[];
}

export interface OperationBoardUnit {
  unit: UnitRef;
  targetSuspects: number;
  dispatched: number;
  pending: number;
  working: number;
  done: number;
  overdue: number;
  caught: number;
  caughtCount: number;
  cardsSeized: number;
  moneyFrozen: number;
  completionRate: number;
}

export interface OperationBoard {
  operation: { id: string; name: string };
  units: OperationBoardUnit[];
  feed: Array<{
    id: string;
    clueId: string;
    clueTitle: string;
    kind: ClueHopKind;
    from: UnitRef | null;
    to: UnitRef | null;
    actor: string;
    detail: Record<string, unknown> | null;
    at: string;
  }>;
  at: string;
}

export const operationsApi = {
  find: (
    query: { phase?: OperationPhase | undefined; q?: string | undefined; page?: number; pageSize?: number },
    signal?: AbortSignal,
  ) => request<Page<OperationSummary>>('GET', `${base}/operations`, { query, ...withSignal(signal) }),
  get: (operationId: string, signal?: AbortSignal) =>
    request<OperationDetail>('GET', `${base}/operations/${id(operationId)}`, withSignal(signal)),
  create: (body: OperationBody) => request<OperationDetail>('POST', `${base}/operations`, { body }),
  update: (operationId: string, body: OperationBody) =>
    request<OperationDetail>('PUT', `${base}/operations/${id(operationId)}`, { body }),
  board: (operationId: string, signal?: AbortSignal) =>
    request<OperationBoard>('GET', `${base}/operations/${id(operationId)}/board`, withSignal(signal)),
  /** Server-sent events: one `clue` event per step of the operation's clues. */
  streamUrl: (operationId: string) => `${base}/operations/${id(operationId)}/stream`,
};
