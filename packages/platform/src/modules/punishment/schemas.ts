/** Request and response schemas of the joint punishment (联合惩戒) API; each type has the name of its schema. */
import { Type, type Static } from 'typebox';
import { IsoDateTime, PageQuery, Paged } from '../../http/schemas.js';

/** A string enum typed as its literals (TypeBox unions of literals built from arrays lose their type). */
const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description && { description }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const MEASURES = ['financial', 'telecom'] as const;
export const STATUSES = ['pending', 'active', 'expired', 'ended', 'revoked'] as const;

export const MeasureSchema = literals(MEASURES, '金融惩戒 financial (banks), 电信惩戒 telecom (carriers)');
export const StatusSchema = literals(
  STATUSES,
  '待生效 pending, 惩戒中 active, 已到期 expired, 提前解除 ended, 申诉撤销 revoked',
);
const UnitRef = Type.Object({ code: Type.String(), name: Type.String() });

export const PunishmentBody = Type.Object(
  {
    person: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 100 }),
        /** 18-character resident ID (GB 11643). */
        idNumber: Type.String({ minLength: 18, maxLength: 18 }),
      },
      { additionalProperties: false },
    ),
    /** One punishment per measure. */
    measures: Type.Array(MeasureSchema, { minItems: 1, maxItems: 2, uniqueItems: true }),
    reason: Type.String({ minLength: 2, maxLength: 500 }),
    caseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Default: now. */
    startsAt: Type.Optional(IsoDateTime),
    endsAt: IsoDateTime,
    /** The deciding unit (in the caller's subtree); default the caller's. */
    unitCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
  },
  { additionalProperties: false },
);
export type PunishmentBody = Static<typeof PunishmentBody>;

export const PunishmentView = Type.Object({
  id: Type.String(),
  measure: MeasureSchema,
  status: StatusSchema,
  /** Masked; the reveal route gives the full values. */
  name: Type.String(),
  idNumber: Type.String(),
  reason: Type.String(),
  caseId: Nullable(Type.String()),
  unit: UnitRef,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  endedAt: Nullable(IsoDateTime),
  endReason: Nullable(Type.String()),
  endedBy: Nullable(Type.String()),
  openAppeals: Type.Integer(),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
});

export const AppealView = Type.Object({
  id: Type.String(),
  reason: Type.String(),
  status: literals(['filed', 'upheld', 'revoked'] as const, '已提交 filed, 维持 upheld, 撤销 revoked'),
  filedBy: Type.String(),
  filedAt: IsoDateTime,
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(IsoDateTime),
  decisionReason: Nullable(Type.String()),
});

export const PunishmentDetail = Type.Intersect([
  PunishmentView,
  Type.Object({ appeals: Type.Array(AppealView) }),
]);

export const CreatedPunishments = Type.Object({ items: Type.Array(PunishmentView) });
export const PunishmentPage = Paged(PunishmentView);

export const PunishmentQuery = Type.Object(
  {
    /** Default `active`: in force now (expired ones drop off by themselves). */
    status: Type.Optional(Type.Union([StatusSchema, Type.Literal('all')])),
    measure: Type.Optional(MeasureSchema),
    unit: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
    /** A full resident ID: that person's punishments. */
    idNumber: Type.Optional(Type.String({ minLength: 18, maxLength: 18 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PunishmentQuery = Static<typeof PunishmentQuery>;

export const PunishmentIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const AppealIdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  appealId: Type.String({ minLength: 1, maxLength: 64 }),
});
export const ReasonBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 1000 }) },
  { additionalProperties: false },
);
export const DecideBody = Type.Object(
  {
    /** revoke: the punishment ends now; uphold: it runs on. */
    decision: literals(['uphold', 'revoke'] as const),
    reason: Type.String({ minLength: 2, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type DecideBody = Static<typeof DecideBody>;

export const PunishmentRevealed = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumber: Type.String(),
});

export const DeltaQuery = Type.Object(
  {
    /** The cursor of the previous answer; without it, the whole list in force (a snapshot). */
    since: Type.Optional(Type.String({ pattern: '^p[0-9a-z]{1,12}$' })),
    measure: Type.Optional(MeasureSchema),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('ndjson')])),
  },
  { additionalProperties: false },
);
export type DeltaQuery = Static<typeof DeltaQuery>;

const DeltaAdd = Type.Object({
  id: Type.String(),
  measure: MeasureSchema,
  /** Full: the partner must match it against its customers (see modules/punishment/deltas.ts). */
  idNumber: Type.String(),
  name: Type.String(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
});
const DeltaRemoval = Type.Object({
  id: Type.String(),
  measure: MeasureSchema,
  idNumber: Type.String(),
  cause: literals(['expired', 'ended', 'revoked'] as const),
});

export const DeltaView = Type.Object({
  /** Pass it as `since` next time. */
  cursor: Type.String(),
  /** True without `since`: `adds` is the whole list, drop what you held. */
  snapshot: Type.Boolean(),
  adds: Type.Array(DeltaAdd),
  removals: Type.Array(DeltaRemoval),
});
