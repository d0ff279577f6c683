/** Request and response schemas of the clues API; each type has the name of its schema. */
import { Type, type Static } from 'typebox';
import { IsoDateTime, PageQuery, Paged } from '../../http/schemas.js';

/** A string enum typed as its literals (TypeBox unions of literals built from arrays lose their type). */
const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description && { description }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const CLUE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const CLUE_STATUSES = ['pending', 'working', 'transferring', 'done'] as const;
export const CLUE_RESULTS = ['verified', 'caught', 'not_found'] as const;
export const CLUE_ENTITY_KINDS = [
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
export const CLUE_HOP_KINDS = [
  'dispatched',
  'signed',
  'note',
  'feedback',
  'returned',
  'transferred',
  'reminded',
  'escalated',
] as const;

export const CluePrioritySchema = literals(CLUE_PRIORITIES, '紧急 urgent, 高 high, 一般 normal, 低 low');
export const ClueStatusSchema = literals(
  CLUE_STATUSES,
  '待签收 pending → 已签收 working → 已反馈 done; 待转派 transferring: returned to the common parent (不属本辖区)',
);
export const ClueResultSchema = literals(CLUE_RESULTS, '属实 verified, 已抓获 caught, 查无此人 not_found');

export const ClueEntityInput = Type.Object(
  {
    /** number, account (bank card, payment account), person (name or ID number), case (case number), qq, wechat, imei, domain, other. */
    kind: literals(CLUE_ENTITY_KINDS),
    value: Type.String({ minLength: 1, maxLength: 200 }),
    /** Who or what it is, e.g. 持卡人 or 组织开办者. */
    label: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ClueEntityInput = Static<typeof ClueEntityInput>;

export const NewClueSchema = Type.Object(
  {
    /** The receiving unit: in the sender's subtree, below the sender. */
    targetUnitCode: Type.String({ pattern: '^\\d{6,12}$' }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    content: Type.String({ minLength: 1, maxLength: 20_000 }),
    priority: Type.Optional(CluePrioritySchema),
    /** When the feedback is due; after now. */
    deadlineAt: IsoDateTime,
    entities: Type.Optional(Type.Array(ClueEntityInput, { maxItems: 100 })),
    /** The special operation it belongs to (e.g. a 集中收网 of 断卡). */
    operationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

/** One clue to dispatch, as services take it (the two-card analysis passes its key targets this way). */
export interface NewClue {
  targetUnitCode: string;
  title: string;
  content: string;
  priority?: (typeof CLUE_PRIORITIES)[number];
  deadlineAt: string | Date;
  entities?: ClueEntityInput[];
  operationId?: string;
  /** What produced the clue, e.g. `{ kind: 'card_target', id }`; shown on the clue, searchable by callers. */
  source?: { kind: string; id: string };
}

export const DispatchBody = Type.Object(
  { clues: Type.Array(NewClueSchema, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
export type DispatchBody = Static<typeof DispatchBody>;

const UnitRef = Type.Object({ code: Type.String(), name: Type.String() });

export const ClueSummary = Type.Object({
  /** XS + sending unit + year and month + serial. */
  id: Type.String(),
  title: Type.String(),
  priority: CluePrioritySchema,
  status: ClueStatusSchema,
  result: Nullable(ClueResultSchema),
  /** The unit that first sent it. */
  origin: UnitRef,
  /** The unit holding it now. */
  unit: UnitRef,
  deadlineAt: IsoDateTime,
  /** Open and past its deadline. */
  overdue: Type.Boolean(),
  dispatchedAt: IsoDateTime,
  signedAt: Nullable(IsoDateTime),
  signedBy: Nullable(Type.String()),
  completedAt: Nullable(IsoDateTime),
  escalatedTo: Nullable(UnitRef),
  escalatedAt: Nullable(IsoDateTime),
  /** Named by the last 不属本辖区 feedback as the right unit. */
  suggestedUnit: Nullable(UnitRef),
  operation: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  source: Nullable(Type.Object({ kind: Type.String(), id: Type.String() })),
  caughtCount: Nullable(Type.Integer()),
  cardsSeized: Nullable(Type.Integer()),
  moneyFrozen: Nullable(Type.Number()),
});
export type ClueSummary = Static<typeof ClueSummary>;

export const ClueHop = Type.Object({
  id: Type.String(),
  kind: literals(CLUE_HOP_KINDS),
  from: Nullable(UnitRef),
  to: Nullable(UnitRef),
  actor: Type.String(),
  actorUnitCode: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
  at: IsoDateTime,
});
export type ClueHop = Static<typeof ClueHop>;

export const ClueDetail = Type.Intersect([
  ClueSummary,
  Type.Object({
    content: Type.String(),
    resultNote: Nullable(Type.String()),
    entities: Type.Array(
      Type.Object({
        kind: literals(CLUE_ENTITY_KINDS),
        value: Type.String(),
        label: Nullable(Type.String()),
      }),
    ),
    /** Every step: who, when, from where to where, why. Oldest first. */
    hops: Type.Array(ClueHop),
    /** What the caller may do now. */
    actions: Type.Object({
      sign: Type.Boolean(),
      note: Type.Boolean(),
      feedback: Type.Boolean(),
      transfer: Type.Boolean(),
    }),
  }),
]);
export type ClueDetail = Static<typeof ClueDetail>;

export const ClueQuery = Type.Object(
  {
    /** inbox: held by the caller's subtree (or `unitCode`'s); outbox: sent by it. */
    box: Type.Union([Type.Literal('inbox'), Type.Literal('outbox')], { default: 'inbox' }),
    status: Type.Optional(ClueStatusSchema),
    result: Type.Optional(ClueResultSchema),
    priority: Type.Optional(CluePrioritySchema),
    unitCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
    operationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    overdue: Type.Optional(Type.Boolean()),
    escalated: Type.Optional(Type.Boolean()),
    /** Clue number prefix, words of the title, or an entity's value. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ClueQuery = Static<typeof ClueQuery>;

export const CluePage = Paged(ClueSummary);
export const DispatchResult = Type.Object({ items: Type.Array(ClueSummary) });

export const ClueIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const NoteBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);

export const FeedbackBody = Type.Object(
  {
    /** 属实 verified, 已抓获 caught, 查无此人 not_found, 不属本辖区 not_ours (goes to the right unit through the common parent). */
    result: Type.Union([ClueResultSchema, Type.Literal('not_ours')]),
    /** Persons caught (已抓获: at least 1). */
    caughtCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    /** Cards seized with them (已抓获 only). */
    cardsSeized: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    /** Money frozen in yuan (已抓获 only). */
    moneyFrozen: Type.Optional(Type.Number({ minimum: 0, maximum: 1e13 })),
    /** 不属本辖区: the unit it belongs to, if known (any unit of the province). */
    rightUnitCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type FeedbackBody = Static<typeof FeedbackBody>;

export const TransferBody = Type.Object(
  {
    /** A unit in the caller's subtree, other than the holder. */
    toUnitCode: Type.String({ pattern: '^\\d{6,12}$' }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    /** A new deadline for the new holder (default: unchanged). */
    deadlineAt: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBody>;

export const FiguresQuery = Type.Object(
  {
    /** The unit whose children are compared (default: the caller's). */
    unitCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
    /** Clues dispatched from (inclusive) … to (exclusive). */
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
    operationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type FiguresQuery = Static<typeof FiguresQuery>;

export const ClueCounts = Type.Object({
  /** Clues held in the subtree (attributed to where they are now, so a transfer moves them). */
  received: Type.Integer(),
  signed: Type.Integer(),
  done: Type.Integer(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  verified: Type.Integer(),
  caught: Type.Integer(),
  notFound: Type.Integer(),
  /** Persons caught (sum of 已抓获 feedback). */
  caughtCount: Type.Integer(),
  cardsSeized: Type.Integer(),
  moneyFrozen: Type.Number(),
  /** done / received (0 when nothing received). */
  completionRate: Type.Number(),
  /** (属实 + 已抓获) / done. */
  resultRate: Type.Number(),
});
export type ClueCounts = Static<typeof ClueCounts>;

export const ClueFigures = Type.Object({
  unit: UnitRef,
  from: Nullable(IsoDateTime),
  to: Nullable(IsoDateTime),
  total: ClueCounts,
  /** The unit itself (clues held at it) and each child with its subtree. */
  rows: Type.Array(Type.Intersect([Type.Object({ unit: UnitRef, own: Type.Boolean() }), ClueCounts])),
});

export const ClueNotice = Type.Object({
  id: Type.String(),
  unitCode: Type.String(),
  clueId: Type.String(),
  clueTitle: Type.String(),
  kind: literals(['dispatched', 'due_soon', 'overdue', 'escalated', 'returned'] as const),
  message: Type.String(),
  createdAt: IsoDateTime,
  readAt: Nullable(IsoDateTime),
});
export const NoticeQuery = Type.Object(
  { unread: Type.Optional(Type.Boolean()), ...PageQuery },
  { additionalProperties: false },
);
export type NoticeQuery = Static<typeof NoticeQuery>;
export const NoticePage = Type.Object({
  items: Type.Array(ClueNotice),
  total: Type.Integer(),
  unread: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export const NoticeIdParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,18}$' }) });

export const ProvinceUnit = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  parentCode: Nullable(Type.String()),
});
