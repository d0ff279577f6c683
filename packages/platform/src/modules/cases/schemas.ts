/** Request and response schemas of the cases API; each type has the name of its schema. */
import { FRAUD_TYPES } from '@fanzha/engine';
import { Type, type Static } from 'typebox';
import { IsoDateTime, PageQuery, Paged } from '../../http/schemas.js';
import { FOOTPRINT_KINDS } from './footprint-kinds.js';

/** The Ministry of Public Security's common fraud types (engine `FRAUD_TYPES`) and `other`. */
export const CASE_FRAUD_TYPES = [...FRAUD_TYPES, 'other'] as const;
export type CaseFraudType = (typeof CASE_FRAUD_TYPES)[number];

export const CASE_STATUSES = ['accepted', 'filed', 'investigating', 'solved', 'withdrawn'] as const;

/** A string enum typed as its literals (TypeBox unions of literals built from arrays lose their type). */
const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description && { description }) });

export const CaseStatusSchema = literals(
  CASE_STATUSES,
  '受理 accepted → 立案 filed → 侦查 investigating → 破案 solved; 撤案 withdrawn from any open status',
);
export const FraudTypeSchema = literals(CASE_FRAUD_TYPES);
export const WithdrawalCause = literals(
  ['mistake', 'duplicate', 'no_crime', 'other'] as const,
  'why a case is withdrawn; `mistake` (错案) also withdraws its footprints’ intel entries',
);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const FootprintInput = Type.Object(
  {
    /** number, sms (the sender), domain, url, account (with accountKind), qq, wechat, app, imei. */
    kind: literals(FOOTPRINT_KINDS),
    /** As the victim or the bank wrote it; normalised by the engine. */
    value: Type.String({ minLength: 1, maxLength: 4096 }),
    /** Kind account: bank_card, corporate_account, alipay, wechat_pay, qq, wechat. */
    accountKind: Type.Optional(Type.String({ maxLength: 40 })),
    /** Money that went through it (yuan), e.g. a transfer to this card. */
    amount: Type.Optional(Type.Number({ minimum: 0, maximum: 1e13 })),
    /** When it happened: the call, the message, the transfer. */
    occurredAt: Type.Optional(IsoDateTime),
    /** 0–100 (default 90); below 60 the entry marks instead of blocking. */
    confidence: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type FootprintInput = Static<typeof FootprintInput>;

const SuspectInput = Type.Object(
  {
    /** Name or nickname, as far as known. */
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    idNumber: Type.Optional(Type.String({ maxLength: 30 })),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type SuspectInput = Static<typeof SuspectInput>;

const TimelineEvent = Type.Object(
  {
    at: IsoDateTime,
    /** What happened, e.g. 接到自称公安局的电话. */
    event: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const CaseCreateBody = Type.Object(
  {
    /** The owning unit (default: the officer's); must be in the officer's subtree. */
    unitCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
    /** The officer's own reference (警情编号); unique within the unit. */
    externalRef: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    fraudType: FraudTypeSchema,
    victim: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 100 }),
        phone: Type.Optional(Type.String({ maxLength: 40 })),
        idNumber: Type.Optional(Type.String({ maxLength: 30 })),
      },
      { additionalProperties: false },
    ),
    /** Money lost in yuan. */
    amountLost: Type.Number({ minimum: 0, maximum: 1e13 }),
    occurredAt: Type.Optional(IsoDateTime),
    /** When the victim reported (default: now). */
    reportedAt: Type.Optional(IsoDateTime),
    timeline: Type.Optional(Type.Array(TimelineEvent, { maxItems: 200 })),
    narrative: Type.Optional(Type.String({ maxLength: 20_000 })),
    /** The warning this case follows (a warning whose outcome was "already paid"). */
    warningId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    suspects: Type.Optional(Type.Array(SuspectInput, { maxItems: 100 })),
    footprints: Type.Array(FootprintInput, { maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type CaseCreateBody = Static<typeof CaseCreateBody>;

const MaskedPerson = {
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  idNumber: Nullable(Type.String()),
};

export const CaseSummary = Type.Object(
  {
    /** The case number (A + unit code + year and month + serial), also the source id of its intel entries. */
    id: Type.String(),
    unitCode: Type.String(),
    unitName: Type.String(),
    externalRef: Nullable(Type.String()),
    fraudType: FraudTypeSchema,
    status: CaseStatusSchema,
    /** Masked (张*, 138****5678, 3201**********1234); the full values only through the audited reveal. */
    victim: Type.Object(MaskedPerson),
    amountLost: Type.Number(),
    occurredAt: Nullable(IsoDateTime),
    reportedAt: IsoDateTime,
    warningId: Nullable(Type.String()),
    /** Active footprints. */
    footprintCount: Type.Integer(),
    createdBy: Type.String(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  },
  { $id: 'CaseSummary' },
);
export type CaseSummary = Static<typeof CaseSummary>;

export const FootprintEntry = Type.Object({
  id: Type.String(),
  list: Type.String(),
  action: Type.Union([Type.Literal('block'), Type.Literal('mark'), Type.Literal('allow')]),
  confidence: Type.Integer(),
  /** The case the entry names now: this one, or another case holding the same value. */
  source: Type.Object({ kind: Type.String(), id: Type.String() }),
  addedAt: IsoDateTime,
});

export const FootprintView = Type.Object(
  {
    id: Type.String(),
    kind: literals(FOOTPRINT_KINDS),
    accountKind: Nullable(Type.String()),
    /** Normalised by the engine (E.164, punycode host, account digits). */
    value: Type.String(),
    amount: Nullable(Type.Number()),
    occurredAt: Nullable(IsoDateTime),
    confidence: Type.Integer(),
    note: Nullable(Type.String()),
    status: Type.Union([Type.Literal('active'), Type.Literal('removed')]),
    /** What the footprint asked of screening: null for kinds screening does not take (apps, devices). */
    action: Nullable(Type.Union([Type.Literal('block'), Type.Literal('mark')])),
    /** The list its entry is on (case-numbers, case-domains, case-urls, case-accounts). */
    list: Nullable(Type.String()),
    /** The intel entry as it stands; null when withdrawn or not screenable. */
    entry: Nullable(FootprintEntry),
    createdBy: Type.String(),
    createdAt: IsoDateTime,
    removedBy: Nullable(Type.String()),
    removedAt: Nullable(IsoDateTime),
    removalReason: Nullable(Type.String()),
    /** Money frozen on this account (yuan, the sum of its freezes); 0 for other kinds. */
    frozenAmount: Type.Number(),
  },
  { $id: 'CaseFootprint' },
);
export type FootprintView = Static<typeof FootprintView>;

export const CaseDetail = Type.Object(
  {
    ...CaseSummary.properties,
    timeline: Type.Array(Type.Object({ at: IsoDateTime, event: Type.String() })),
    narrative: Type.String(),
    suspects: Type.Array(Type.Object({ id: Type.String(), ...MaskedPerson, note: Nullable(Type.String()) })),
    footprints: Type.Array(FootprintView),
    transitions: Type.Array(
      Type.Object({
        from: Nullable(CaseStatusSchema),
        to: CaseStatusSchema,
        cause: Nullable(WithdrawalCause),
        reason: Nullable(Type.String()),
        actor: Type.String(),
        at: IsoDateTime,
      }),
    ),
  },
  { $id: 'CaseDetail' },
);
export type CaseDetail = Static<typeof CaseDetail>;

export const CaseQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(CaseStatusSchema),
    fraudType: Type.Optional(FraudTypeSchema),
    /** A unit of the caller's subtree: its cases and those of the units below it. */
    unitCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
    /** A case number or officer reference (prefix), or a footprint value (any written form). */
    q: Type.Optional(Type.String({ maxLength: 200 })),
    /** The cases that follow this warning. */
    warningId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Reported at or after. */
    from: Type.Optional(IsoDateTime),
    /** Reported before. */
    to: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type CaseQuery = Static<typeof CaseQuery>;

export const CasePage = Paged(CaseSummary);

export const CaseIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const FootprintIdParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  fid: Type.String({ maxLength: 20 }),
});

export const FootprintsAddBody = Type.Object(
  { footprints: Type.Array(FootprintInput, { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);

/** A freeze (冻结) of money on an account footprint, as the bank's freeze notice states it. */
export const FreezeBody = Type.Object(
  {
    /** Yuan frozen, more than 0. */
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e13 }),
    /** When the bank froze it (not in the future). */
    frozenAt: IsoDateTime,
    /** The freeze notice's number (冻结通知书文号). */
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type FreezeBody = Static<typeof FreezeBody>;

export const FootprintRemoveQuery = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 2, maxLength: 500 })) },
  { additionalProperties: false },
);

export const CaseTransitionBody = Type.Object(
  {
    to: CaseStatusSchema,
    /** Required when withdrawing (撤案). */
    cause: Type.Optional(WithdrawalCause),
    reason: Type.Optional(Type.String({ minLength: 2, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type CaseTransitionBody = Static<typeof CaseTransitionBody>;

export const RevealBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);

export const CaseRevealed = Type.Object({
  victim: Type.Object(MaskedPerson),
  suspects: Type.Array(Type.Object({ id: Type.String(), ...MaskedPerson })),
});

export const CaseImportQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])) },
  { additionalProperties: false },
);

export const CaseImportResult = Type.Object({
  created: Type.Integer(),
  footprints: Type.Integer(),
  cases: Type.Array(Type.Object({ ref: Type.String(), id: Type.String(), footprints: Type.Integer() })),
});
