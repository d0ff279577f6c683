/** Request and response schemas of the two-card (两卡) API; each type has the name of its schema. */
import { Type, type Static } from 'typebox';
import { IsoDateTime, PageQuery, Paged } from '../../http/schemas.js';
import { CARD_KINDS } from './card-kinds.js';
import { CHAIN_ROLES, MAX_CHAIN_DEPTH } from './chain.js';

/** A string enum typed as its literals (TypeBox unions of literals built from arrays lose their type). */
const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description && { description }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const CardKindSchema = literals(
  CARD_KINDS,
  '银行卡 bank_card, 对公账户 corporate_account, 支付账户 payment_account, 电话卡 sim',
);
export const GroupBySchema = literals(['opening', 'residence'] as const, '开户地 opening, 户籍地 residence');
export const ChainRoleSchema = literals(
  CHAIN_ROLES,
  '组织开办 organiser, 带队 escort, 收购 buyer, 贩卖 seller, 邮寄 courier',
);
const UnitCode = Type.String({ pattern: '^\\d{6,12}$' });
const UnitRef = Type.Object({ code: Type.String(), name: Type.String() });
const UnitLevelRef = Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() });
const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });

/** A person as lists show him: name and ID number masked. */
const MaskedPerson = {
  personId: Type.String(),
  name: Type.String(),
  idNumber: Type.String(),
  /** 户籍地: the ID number's first six digits (GB/T 2260). */
  residenceCode: Type.String(),
  residenceUnit: Nullable(UnitRef),
};

export const CardView = Type.Object({
  id: Type.String(),
  kind: CardKindSchema,
  /** Normalised: digits of a card or account, E.164 of a SIM, `alipay:…` / `wechat_pay:…` of a payment account. */
  number: Type.String(),
  /** Bank (by BIN or as reported), payment provider or carrier. */
  issuer: Nullable(Type.String()),
  /** 开户地: the branch or outlet, as the partner named it. */
  openingPlace: Nullable(Type.String()),
  openingUnit: Nullable(UnitRef),
  openedOn: Nullable(Type.String({ format: 'date' })),
  /** Masked; `POST /api/v1/cards/persons/{id}/reveal` for the full values. */
  holder: Nullable(Type.Object(MaskedPerson)),
  seenInCases: Type.Boolean(),
  /** The partner that last reported it. */
  reportedBy: Nullable(Type.String()),
  caseCount: Type.Integer(),
  /** Yuan that passed through it in cases. */
  amount: Type.Number(),
  firstSeenAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const CardDetail = Type.Intersect([
  CardView,
  Type.Object({
    cases: Type.Array(
      Type.Object({
        caseId: Type.String(),
        unitCode: Type.String(),
        payments: Type.Integer(),
        amount: Type.Number(),
        firstAt: Nullable(IsoDateTime),
        lastAt: Nullable(IsoDateTime),
      }),
    ),
  }),
]);

export const CardPage = Paged(CardView);

export const CardQuery = Type.Object(
  {
    kind: Type.Optional(CardKindSchema),
    /** Cards opened (by=opening, the default) or held by residents (by=residence) under this unit. */
    unit: Type.Optional(UnitCode),
    by: Type.Optional(GroupBySchema),
    /** Prefix of the card number. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    seenInCases: Type.Optional(Type.Boolean()),
    /** Cards of one person. */
    holder: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CardQuery = Static<typeof CardQuery>;

export const CardIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const GroupQuery = Type.Object(
  { by: GroupBySchema, unit: Type.Optional(UnitCode) },
  { additionalProperties: false },
);

const KindCounts = Type.Object(Object.fromEntries(CARD_KINDS.map((kind) => [kind, Type.Integer()])));

export const CardGroupsView = Type.Object({
  unit: UnitLevelRef,
  by: GroupBySchema,
  groups: Type.Array(
    Type.Object({
      /** A child unit, or the unit itself for cards placed at its own level. */
      unit: UnitLevelRef,
      cards: Type.Integer(),
      byKind: KindCounts,
      holders: Type.Integer(),
      cases: Type.Integer(),
      amount: Type.Number(),
    }),
  ),
  /** Cards of the unit's cases with no such place yet (no partner report, or another province). */
  unplaced: Type.Integer(),
});

export const TargetQuery = Type.Object(
  {
    by: Type.Optional(GroupBySchema),
    unit: Type.Optional(UnitCode),
    /** Lowest score listed (default 15: one card in one case). */
    minScore: Type.Optional(Type.Number({ minimum: 0 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const Reason = Type.Object({
  /** cards_sold, cases_touched, money_passed, repeat_seller, chain_<role>. */
  code: Type.String(),
  value: Type.Number(),
  points: Type.Number(),
});

export const TargetView = Type.Object({
  rank: Type.Integer(),
  personId: Type.String(),
  name: Type.String(),
  idNumber: Type.String(),
  residence: Type.Object({ code: Type.String(), unit: Nullable(UnitRef) }),
  score: Type.Number(),
  reasons: Type.Array(Reason),
  cardsSold: Type.Integer(),
  casesTouched: Type.Integer(),
  moneyPassed: Type.Number(),
  /** Where his clue goes (or went). */
  targetUnit: UnitRef,
  dispatched: Nullable(Type.Object({ clueId: Type.String(), at: IsoDateTime })),
});

export const TargetPage = Type.Object({
  unit: UnitLevelRef,
  by: GroupBySchema,
  items: Type.Array(TargetView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const DispatchBody = Type.Object(
  {
    unit: Type.Optional(UnitCode),
    by: Type.Optional(GroupBySchema),
    /** Persons of the ranked list; all undispatched key targets when absent. */
    personIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 1000 })),
    minScore: Type.Optional(Type.Number({ minimum: 0 })),
    deadlineAt: IsoDateTime,
    priority: Type.Optional(literals(['urgent', 'high', 'normal', 'low'] as const)),
    /** A special operation (专项行动) the clues belong to. */
    operationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type DispatchBody = Static<typeof DispatchBody>;

export const DispatchResultView = Type.Object({
  dispatched: Type.Array(
    Type.Object({ personId: Type.String(), clueId: Type.String(), unitCode: Type.String() }),
  ),
  skipped: Type.Array(
    Type.Object({
      personId: Type.String(),
      /** already_dispatched, or no_unit_below (his unit is the sender's own: it works him itself). */
      reason: Type.String(),
    }),
  ),
});

export const ProgressQuery = Type.Object({ unit: Type.Optional(UnitCode) }, { additionalProperties: false });

export const ProgressView = Type.Object({
  unit: UnitLevelRef,
  items: Type.Array(
    Type.Object({
      unit: Type.Object({
        code: Type.String(),
        name: Type.String(),
        level: Type.String(),
        parentCode: Nullable(Type.String()),
      }),
      /** Key targets whose clue this unit (or a unit below) holds. */
      dispatched: Type.Integer(),
      /** Clues answered (反馈). */
      answered: Type.Integer(),
      /** Targets whose clue came back 已抓获. */
      caughtTargets: Type.Integer(),
      /** Persons caught, as the feedback counted them. */
      caughtPersons: Type.Integer(),
      notFound: Type.Integer(),
      overdue: Type.Integer(),
    }),
  ),
});

const PersonInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    /** 18-character resident ID (GB 11643). */
    idNumber: Type.String({ minLength: 18, maxLength: 18 }),
  },
  { additionalProperties: false },
);

export const ChainEdgeBody = Type.Object(
  {
    /** The person who acts … */
    from: PersonInput,
    /** … on this one: `from` is the `role` of `to` (organised his opening, led him, bought from him, sold for him, mailed his cards). */
    to: PersonInput,
    role: ChainRoleSchema,
    caseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ChainEdgeBody = Static<typeof ChainEdgeBody>;

export const ChainEdgeView = Type.Object({
  /** false when the same edge was recorded before (nothing changed). */
  created: Type.Boolean(),
  id: Type.String(),
  fromPersonId: Type.String(),
  toPersonId: Type.String(),
  role: ChainRoleSchema,
  caseId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
});

export const PersonIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ChainQuery = Type.Object(
  { depth: Type.Integer({ minimum: 1, maximum: MAX_CHAIN_DEPTH, default: 2 }) },
  { additionalProperties: false },
);

export const ChainView = Type.Object({
  personId: Type.String(),
  depth: Type.Integer(),
  nodes: Type.Array(
    Type.Object({
      ...MaskedPerson,
      /** Steps from the person asked about. */
      distance: Type.Integer(),
      /** Roles he holds towards others. */
      roles: Type.Array(Type.String()),
      degree: Type.Integer(),
    }),
  ),
  edges: Type.Array(
    Type.Object({
      id: Type.String(),
      from: Type.String(),
      to: Type.String(),
      role: ChainRoleSchema,
      caseId: Nullable(Type.String()),
    }),
  ),
});

export const RevealBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export const PersonRevealed = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  idNumber: Type.String(),
});

export const CardFeedResultView = Type.Object({
  accepted: Type.Integer(),
  rejected: Type.Array(Type.Object({ index: Type.Integer(), reason: Type.String() })),
});
