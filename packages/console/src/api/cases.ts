import { request } from './client';
import type { Page } from './types';
import { upload } from './upload';
import type { FraudType } from './warnings';

// 案件: cases, their footprints (and the intel entries those became), the status flow, the audited
// reveal and the spreadsheet import. The platform's schemas (packages/platform/src/modules/cases) are
// the source of truth.

const base = '/api/v1';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const id = (value: string) => encodeURIComponent(value);

export const caseStatuses = ['accepted', 'filed', 'investigating', 'solved', 'withdrawn'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Where each status may go next (the platform refuses anything else with `invalid_transition`). */
export const nextCaseStatuses: Record<CaseStatus, readonly CaseStatus[]> = {
  accepted: ['filed', 'withdrawn'],
  filed: ['investigating', 'withdrawn'],
  investigating: ['solved', 'withdrawn'],
  solved: [],
  withdrawn: [],
};

export const withdrawalCauses = ['mistake', 'duplicate', 'no_crime', 'other'] as const;
export type WithdrawalCause = (typeof withdrawalCauses)[number];

export type CaseFraudType = FraudType | 'other';

export const footprintKinds = [
  'number',
  'sms',
  'domain',
  'url',
  'account',
  'qq',
  'wechat',
  'app',
  'imei',
] as const;
export type FootprintKind = (typeof footprintKinds)[number];

/** Account kinds a footprint of kind `account` names. */
export const footprintAccountKinds = ['bank_card', 'corporate_account', 'alipay', 'wechat_pay'] as const;

export interface MaskedPerson {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
}

export interface CaseSummary {
  id: string;
  unitCode: string;
  unitName: string;
  externalRef: string | null;
  fraudType: CaseFraudType;
  status: CaseStatus;
  /** Masked by the platform; the full values only through `reveal`. */
  victim: MaskedPerson;
  amountLost: number;
  occurredAt: string | null;
  reportedAt: string;
  warningId: string | null;
  footprintCount: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface FootprintEntry {
  id: string;
  list: string;
  action: 'block' | 'mark' | 'allow';
  confidence: number;
  source: { kind: string; id: string };
  addedAt: string;
}

export interface Footprint {
  id: string;
  kind: FootprintKind;
  accountKind: string | null;
  value: string;
  amount: number | null;
  occurredAt: string | null;
  confidence: number;
  note: string | null;
  status: 'active' | 'removed';
  action: 'block' | 'mark' | null;
  list: string | null;
  entry: FootprintEntry | null;
  createdBy: string;
  createdAt: string;
  removedBy: string | null;
  removedAt: string | null;
  removalReason: string | null;
  /** Yuan frozen on this account (the sum of its freezes). */
  frozenAmount: number;
}

/** A freeze (冻结) the bank made on an account footprint. */
export interface FreezeBody {
  amount: number;
  frozenAt: string;
  reference?: string;
  note?: string;
}

export interface CaseTransition {
  from: CaseStatus | null;
  to: CaseStatus;
  cause: WithdrawalCause | null;
  reason: string | null;
  actor: string;
  at: string;
}

export interface CaseDetail extends CaseSummary {
  timeline: Array<{ at: string; event: string }>;
  narrative: string;
  suspects: Array<MaskedPerson & { id: string; note: string | null }>;
  footprints: Footprint[];
  transitions: CaseTransition[];
}

export interface FootprintInput {
  kind: FootprintKind;
  value: string;
  accountKind?: string;
  amount?: number;
  occurredAt?: string;
  confidence?: number;
  note?: string;
}

export interface CaseCreateBody {
  unitCode?: string;
  externalRef?: string;
  fraudType: CaseFraudType;
  victim: { name: string; phone?: string; idNumber?: string };
  amountLost: number;
  occurredAt?: string;
  reportedAt?: string;
  narrative?: string;
  warningId?: string;
  suspects?: Array<{ name?: string; idNumber?: string; phone?: string; note?: string }>;
  footprints: FootprintInput[];
}

export interface CaseQuery {
  page?: number;
  pageSize?: number;
  status?: CaseStatus | undefined;
  fraudType?: CaseFraudType | undefined;
  unitCode?: string | undefined;
  warningId?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface CaseTransitionBody {
  to: CaseStatus;
  cause?: WithdrawalCause;
  reason?: string;
}

export interface CaseImportResult {
  created: number;
  footprints: number;
  cases: Array<{ ref: string; id: string; footprints: number }>;
}

export const caseImportTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

export const casesApi = {
  find: (query: CaseQuery, signal?: AbortSignal) =>
    request<Page<CaseSummary>>('GET', `${base}/cases`, { query, ...withSignal(signal) }),
  get: (caseId: string, signal?: AbortSignal) =>
    request<CaseDetail>('GET', `${base}/cases/${id(caseId)}`, withSignal(signal)),
  create: (body: CaseCreateBody) => request<CaseDetail>('POST', `${base}/cases`, { body }),
  addFootprints: (caseId: string, footprints: FootprintInput[]) =>
    request<CaseDetail>('POST', `${base}/cases/${id(caseId)}/footprints`, { body: { footprints } }),
  removeFootprint: (caseId: string, footprintId: string, reason: string) =>
    request<CaseDetail>('DELETE', `${base}/cases/${id(caseId)}/footprints/${id(footprintId)}`, {
      query: { reason },
    }),
  freeze: (caseId: string, footprintId: string, body: FreezeBody) =>
    request<CaseDetail>('POST', `${base}/cases/${id(caseId)}/footprints/${id(footprintId)}/freezes`, {
      body,
    }),
  transition: (caseId: string, body: CaseTransitionBody) =>
    request<CaseDetail>('POST', `${base}/cases/${id(caseId)}/transitions`, { body }),
  reveal: (caseId: string, reason: string) =>
    request<{ victim: MaskedPerson; suspects: Array<MaskedPerson & { id: string }> }>(
      'POST',
      `${base}/cases/${id(caseId)}/reveal`,
      { body: { reason } },
    ),
  importFile: (file: File) => {
    const format = /\.csv$/i.test(file.name) ? 'csv' : 'xlsx';
    return upload<CaseImportResult>(`${base}/cases/imports`, file, {
      query: { format },
      contentType: caseImportTypes[format],
    });
  },
  templateUrl: `${base}/cases/import-template.xlsx`,
};
