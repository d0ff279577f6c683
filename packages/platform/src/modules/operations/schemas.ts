/** Request and response schemas of the special operations API. */
import { FRAUD_TYPES } from '@fanzha/engine';
import { Type, type Static } from 'typebox';
import { IsoDateTime, PageQuery, Paged } from '../../http/schemas.js';

const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description && { description }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const OPERATION_FRAUD_TYPES = [...FRAUD_TYPES, 'other'] as const;

const UnitRef = Type.Object({ code: Type.String(), name: Type.String() });

const ParticipantInput = Type.Object(
  {
    /** A unit of the organiser's subtree (the organiser itself included); its whole subtree takes part. */
    unitCode: Type.String({ pattern: '^\\d{6,12}$' }),
    /** Suspects to catch (抓获目标). */
    targetSuspects: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    /** Cases to solve (破案目标). */
    targetCases: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

export const OperationBody = Type.Object(
  {
    /** e.g. 断卡, 云剑, 蓝剑1号. */
    name: Type.String({ minLength: 1, maxLength: 100 }),
    /** The organising unit (default: the caller's); in the caller's subtree. */
    unitCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
    windowFrom: IsoDateTime,
    windowTo: IsoDateTime,
    /** Fraud types in focus; cases solved count only these (all when empty). */
    fraudTypes: Type.Optional(
      Type.Array(literals(OPERATION_FRAUD_TYPES), { maxItems: 20, uniqueItems: true }),
    ),
    /** The two-card trade (断卡) is in focus. */
    cardTrade: Type.Optional(Type.Boolean()),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    units: Type.Array(ParticipantInput, { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type OperationBody = Static<typeof OperationBody>;

export const OperationSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  unit: UnitRef,
  windowFrom: IsoDateTime,
  windowTo: IsoDateTime,
  /** planned (before its window), active, ended. */
  phase: literals(['planned', 'active', 'ended'] as const),
  fraudTypes: Type.Array(Type.String()),
  cardTrade: Type.Boolean(),
  description: Type.String(),
  unitCount: Type.Integer(),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
});
export type OperationSummary = Static<typeof OperationSummary>;

/** Computed from the records in the window and the unit's subtree; never typed in. */
const Figures = {
  /** Cases of the focus fraud types whose 破案 fell in the window. */
  casesSolved: Type.Integer(),
  /** Persons caught by 已抓获 feedback given in the window. */
  suspectsCaught: Type.Integer(),
  cardsSeized: Type.Integer(),
  moneyFrozen: Type.Number(),
  /** Clues dispatched under the operation, held in the subtree now. */
  cluesDispatched: Type.Integer(),
  cluesDone: Type.Integer(),
  cluesOverdue: Type.Integer(),
};

export const UnitFigures = Type.Object({
  unit: UnitRef,
  targetSuspects: Type.Integer(),
  targetCases: Type.Integer(),
  ...Figures,
});
export type UnitFigures = Static<typeof UnitFigures>;

export const OperationDetail = Type.Intersect([
  OperationSummary,
  Type.Object({
    /** Each participating unit with its targets and figures. */
    units: Type.Array(UnitFigures),
    /** The figures of all participating subtrees together (each record counted once). */
    total: Type.Object({ targetSuspects: Type.Integer(), targetCases: Type.Integer(), ...Figures }),
    /** Where each figure comes from, for the reader. */
    sources: Type.Object({
      /** Cases whose 破案 transition falls in the window (cases module). */
      casesSolved: literals(['case_transitions'] as const),
      /** The number caught of the 已抓获 feedback given in the window (clues module). */
      suspectsCaught: literals(['clue_feedback'] as const),
      /** Involved cards whose holder or seller was caught in the window (two-card module). */
      cardsSeized: literals(['card_targets_caught'] as const),
      /** Freezes recorded on case accounts in the window (cases module). */
      moneyFrozen: literals(['case_account_freezes'] as const),
    }),
    computedAt: IsoDateTime,
  }),
]);
export type OperationDetail = Static<typeof OperationDetail>;

export const OperationQuery = Type.Object(
  {
    phase: Type.Optional(literals(['planned', 'active', 'ended'] as const)),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OperationQuery = Static<typeof OperationQuery>;
export const OperationPage = Paged(OperationSummary);
export const OperationIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const BoardStreamQuery = Type.Object(
  {
    /** Close the stream after this many seconds (clients reconnect); 0 sends the opening comment only. */
    maxSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
  },
  { additionalProperties: false },
);
export type BoardStreamQuery = Static<typeof BoardStreamQuery>;

const BoardHop = Type.Object({
  id: Type.String(),
  clueId: Type.String(),
  clueTitle: Type.String(),
  kind: Type.String(),
  from: Nullable(UnitRef),
  to: Nullable(UnitRef),
  actor: Type.String(),
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
  at: IsoDateTime,
});

export const OperationBoard = Type.Object({
  operation: Type.Object({ id: Type.String(), name: Type.String() }),
  /** Per participating unit: the operation's clues held in its subtree, by state. */
  units: Type.Array(
    Type.Object({
      unit: UnitRef,
      targetSuspects: Type.Integer(),
      dispatched: Type.Integer(),
      pending: Type.Integer(),
      working: Type.Integer(),
      done: Type.Integer(),
      overdue: Type.Integer(),
      caught: Type.Integer(),
      caughtCount: Type.Integer(),
      cardsSeized: Type.Integer(),
      moneyFrozen: Type.Number(),
      completionRate: Type.Number(),
    }),
  ),
  /** The latest signs, feedback, returns, transfers and escalations, newest first. */
  feed: Type.Array(BoardHop),
  at: IsoDateTime,
});
