import { request } from './client';
import type { Page } from './types';

// 两卡 and 联合惩戒: involved cards, their groups by opening place and residence, key targets and their
// dispatch as clues, the chain between persons, the dispatch progress; joint punishments with appeals.
// The platform's schemas (packages/platform/src/modules/cards, …/punishment) are the source of truth.

const base = '/api/v1';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const id = (value: string) => encodeURIComponent(value);

export const cardKinds = ['bank_card', 'corporate_account', 'payment_account', 'sim'] as const;
export type CardKind = (typeof cardKinds)[number];
export const cardGroupings = ['opening', 'residence'] as const;
export type CardGrouping = (typeof cardGroupings)[number];
export const chainRoles = ['organiser', 'escort', 'buyer', 'seller', 'courier'] as const;
export type ChainRole = (typeof chainRoles)[number];

interface Unit {
  code: string;
  name: string;
}
interface LevelUnit extends Unit {
  level: string;
}

export interface MaskedCardPerson {
  personId: string;
  name: string;
  idNumber: string;
  residenceCode: string;
  residenceUnit: Unit | null;
}

export interface InvolvedCard {
  id: string;
  kind: CardKind;
  number: string;
  issuer: string | null;
  openingPlace: string | null;
  openingUnit: Unit | null;
  openedOn: string | null;
  holder: MaskedCardPerson | null;
  seenInCases: boolean;
  reportedBy: string | null;
  caseCount: number;
  amount: number;
  firstSeenAt: string;
  updatedAt: string;
}

export interface CardQuery {
  kind?: CardKind | undefined;
  unit?: string | undefined;
  by?: CardGrouping | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export interface CardGroup {
  unit: LevelUnit;
  cards: number;
  byKind: Record<CardKind, number>;
  holders: number;
  cases: number;
  amount: number;
}

export interface CardGroups {
  unit: LevelUnit;
  by: CardGrouping;
  groups: CardGroup[];
  unplaced: number;
}

export interface TargetReason {
  code: string;
  value: number;
  points: number;
}

export interface KeyTarget {
  rank: number;
  personId: string;
  name: string;
  idNumber: string;
  residence: { code: string; unit: Unit | null };
  score: number;
  reasons: TargetReason[];
  cardsSold: number;
  casesTouched: number;
  moneyPassed: number;
  targetUnit: Unit;
  dispatched: { clueId: string; at: string } | null;
}

export interface TargetPage extends Page<KeyTarget> {
  unit: LevelUnit;
  by: CardGrouping;
}

export interface TargetQuery {
  unit?: string | undefined;
  by?: CardGrouping | undefined;
  page: number;
  pageSize: number;
}

export interface DispatchTargetsBody {
  unit?: string | undefined;
  by?: CardGrouping | undefined;
  personIds?: string[] | undefined;
  deadlineAt: string;
  priority?: 'urgent' | 'high' | 'normal' | 'low' | undefined;
}

export interface DispatchTargetsResult {
  dispatched: { personId: string; clueId: string; unitCode: string }[];
  skipped: { personId: string; reason: string }[];
}

export interface ProgressRow {
  unit: LevelUnit & { parentCode: string | null };
  dispatched: number;
  answered: number;
  caughtTargets: number;
  caughtPersons: number;
  notFound: number;
  overdue: number;
}

export interface ChainNeighbourhood {
  personId: string;
  depth: number;
  nodes: (MaskedCardPerson & { distance: number; roles: string[]; degree: number })[];
  edges: { id: string; from: string; to: string; role: ChainRole; caseId: string | null }[];
}

export interface CardDetail extends InvolvedCard {
  cases: {
    caseId: string;
    unitCode: string;
    payments: number;
    amount: number;
    firstAt: string | null;
    lastAt: string | null;
  }[];
}

export interface ChainEdgeBody {
  from: { name: string; idNumber: string };
  to: { name: string; idNumber: string };
  role: ChainRole;
  caseId?: string | undefined;
  note?: string | undefined;
}

export const cardsApi = {
  get: (cardId: string, signal?: AbortSignal) =>
    request<CardDetail>('GET', `${base}/cards/${id(cardId)}`, withSignal(signal)),
  recordChain: (body: ChainEdgeBody) =>
    request<{ created: boolean; id: string }>('POST', `${base}/cards/chain`, { body }),
  find: (query: CardQuery, signal?: AbortSignal) =>
    request<Page<InvolvedCard>>('GET', `${base}/cards`, { query, ...withSignal(signal) }),
  groups: (query: { by: CardGrouping; unit?: string | undefined }, signal?: AbortSignal) =>
    request<CardGroups>('GET', `${base}/cards/groups`, { query, ...withSignal(signal) }),
  targets: (query: TargetQuery, signal?: AbortSignal) =>
    request<TargetPage>('GET', `${base}/cards/targets`, { query, ...withSignal(signal) }),
  dispatch: (body: DispatchTargetsBody) =>
    request<DispatchTargetsResult>('POST', `${base}/cards/targets/dispatch`, { body }),
  progress: (query: { unit?: string | undefined }, signal?: AbortSignal) =>
    request<{ unit: LevelUnit; items: ProgressRow[] }>('GET', `${base}/cards/progress`, {
      query,
      ...withSignal(signal),
    }),
  chain: (personId: string, depth: number, signal?: AbortSignal) =>
    request<ChainNeighbourhood>('GET', `${base}/cards/persons/${id(personId)}/chain`, {
      query: { depth },
      ...withSignal(signal),
    }),
  revealPerson: (personId: string, reason: string) =>
    request<{ personId: string; name: string; idNumber: string }>(
      'POST',
      `${base}/cards/persons/${id(personId)}/reveal`,
      { body: { reason } },
    ),
};

export const punishmentMeasures = ['financial', 'telecom'] as const;
export type PunishmentMeasure = (typeof punishmentMeasures)[number];
export const punishmentStatuses = ['pending', 'active', 'expired', 'ended', 'revoked'] as const;
export type PunishmentStatus = (typeof punishmentStatuses)[number];

export interface Punishment {
  id: string;
  measure: PunishmentMeasure;
  status: PunishmentStatus;
  name: string;
  idNumber: string;
  reason: string;
  caseId: string | null;
  unit: Unit;
  startsAt: string;
  endsAt: string;
  endedAt: string | null;
  endReason: string | null;
  endedBy: string | null;
  openAppeals: number;
  createdBy: string;
  createdAt: string;
}

export interface PunishmentAppeal {
  id: string;
  reason: string;
  status: 'filed' | 'upheld' | 'revoked';
  filedBy: string;
  filedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

export type PunishmentDetail = Punishment & { appeals: PunishmentAppeal[] };

export interface PunishmentQuery {
  status?: PunishmentStatus | 'all' | undefined;
  measure?: PunishmentMeasure | undefined;
  unit?: string | undefined;
  idNumber?: string | undefined;
  page: number;
  pageSize: number;
}

export interface NewPunishment {
  person: { name: string; idNumber: string };
  measures: PunishmentMeasure[];
  reason: string;
  caseId?: string | undefined;
  startsAt?: string | undefined;
  endsAt: string;
}

export const punishmentApi = {
  find: (query: PunishmentQuery, signal?: AbortSignal) =>
    request<Page<Punishment>>('GET', `${base}/punishments`, { query, ...withSignal(signal) }),
  get: (punishmentId: string, signal?: AbortSignal) =>
    request<PunishmentDetail>('GET', `${base}/punishments/${id(punishmentId)}`, withSignal(signal)),
  create: (body: NewPunishment) => request<{ items: Punishment[] }>('POST', `${base}/punishments`, { body }),
  end: (punishmentId: string, reason: string) =>
    request<PunishmentDetail>('POST', `${base}/punishments/${id(punishmentId)}/end`, { body: { reason } }),
  reveal: (punishmentId: string, reason: string) =>
    request<{ id: string; name: string; idNumber: string }>(
      'POST',
      `${base}/punishments/${id(punishmentId)}/reveal`,
      { body: { reason } },
    ),
  appeal: (punishmentId: string, reason: string) =>
    request<PunishmentDetail>('POST', `${base}/punishments/${id(punishmentId)}/appeals`, {
      body: { reason },
    }),
  decide: (punishmentId: string, appealId: string, decision: 'uphold' | 'revoke', reason: string) =>
    request<PunishmentDetail>(
      'POST',
      `${base}/punishments/${id(punishmentId)}/appeals/${id(appealId)}/decide`,
      { body: { decision, reason } },
    ),
};
