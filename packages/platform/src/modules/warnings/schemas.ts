/** Request and response schemas of the warnings API (docs/warnings.md); each type has its schema's name. */
import { FRAUD_TYPES, type FraudType } from '@fanzha/engine';
import { Type } from 'typebox';
import { IsoDateTime, PageQuery, Paged } from '../../http/schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const FraudTypeSchema = Type.Unsafe<FraudType>({
  type: 'string',
  enum: [...FRAUD_TYPES],
  description: 'engine FRAUD_TYPES: fake_police (冒充公检法), click_farming_rebate (刷单返利), …',
});
const Level = Type.Union([Type.Literal('red'), Type.Literal('orange'), Type.Literal('yellow')]);
const Status = Type.Union([Type.Literal('open'), Type.Literal('closed')]);
const Channel = Type.Union([Type.Literal('call'), Type.Literal('sms'), Type.Literal('visit')], {
  description: 'call: through the 96110 line; sms: a flash SMS through the SMS gateway; visit: in person',
});
const Outcome = Type.Union(
  [Type.Literal('dissuaded'), Type.Literal('paid'), Type.Literal('unreachable'), Type.Literal('false_alarm')],
  {
    description:
      'dissuaded (劝阻成功; amount = loss avoided) and paid (amount = loss) close the warning; unreachable keeps it open (the third escalates); false_alarm closes it and counts against the rules that fired',
  },
);
const UnitCode = Type.String({ pattern: '^[0-9]{6,12}$' });
const Money = Type.Number({ minimum: 0, maximum: 1e12, description: 'yuan' });

const summaryFields = {
  id: Type.String({ format: 'uuid' }),
  level: Level,
  status: Status,
  fraudType: Nullable(Type.String()),
  /** The person's number, masked (138****5678). */
  phoneMasked: Type.String(),
  unitCode: Type.String(),
  unitName: Type.String(),
  routedBy: Type.Union(
    [
      Type.Literal('residence'),
      Type.Literal('home_region'),
      Type.Literal('province'),
      Type.Literal('transfer'),
    ],
    {
      description:
        'registered residence (ID number), the number’s home region, the province queue, a transfer',
    },
  ),
  ruleIds: Type.Array(Type.String()),
  deadlineAt: IsoDateTime,
  /** Past the deadline without a first contact (or unreachable three times): the parent unit's queue shows it. */
  escalated: Type.Boolean(),
  escalatedTo: Nullable(Type.String()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  firstContactAt: Nullable(IsoDateTime),
  outcome: Nullable(
    Type.Union([Type.Literal('dissuaded'), Type.Literal('paid'), Type.Literal('false_alarm')]),
  ),
  amount: Nullable(Type.Number()),
  attemptCount: Type.Integer({ minimum: 0 }),
};

export const WarningSummarySchema = Type.Object(summaryFields, { $id: 'WarningSummary' });

const TimelineItem = Type.Object(
  {
    type: Type.Union([
      Type.Literal('signal'),
      Type.Literal('firing'),
      Type.Literal('escalation'),
      Type.Literal('transfer'),
    ]),
    at: IsoDateTime,
    eventId: Nullable(Type.String()),
    ruleId: Nullable(Type.String()),
  },
  {
    additionalProperties: true,
    description:
      'signal: kind, counterparty, listed, lists, fraudType, amount; firing: ruleVersion, ruleName, level, fraudType, reason, eventIds; escalation and transfer: fromUnitCode, toUnitCode, cause or reason',
  },
);

const Attempt = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  channel: Channel,
  outcome: Outcome,
  amount: Nullable(Type.Number()),
  note: Nullable(Type.String()),
  message: Nullable(Type.String()),
  actor: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
});

export const WarningDetailSchema = Type.Object(
  {
    ...summaryFields,
    /** The full number: reading it is audited. */
    phone: Type.String(),
    idNumber: Nullable(Type.String()),
    idNumberMasked: Nullable(Type.String()),
    closedAt: Nullable(IsoDateTime),
    escalatedAt: Nullable(IsoDateTime),
    transfers: Type.Array(
      Type.Object({
        at: IsoDateTime,
        fromUnitCode: Type.String(),
        toUnitCode: Type.String(),
        reason: Type.String(),
        actor: Nullable(Type.String()),
      }),
    ),
    timeline: Type.Array(TimelineItem),
    attempts: Type.Array(Attempt),
  },
  { $id: 'WarningDetail' },
);

export const WarningQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Status),
    level: Type.Optional(Level),
    /** A unit of the caller's subtree: its subtree, and warnings escalated to it. */
    unit: Type.Optional(UnitCode),
    fraudType: Type.Optional(FraudTypeSchema),
  },
  { additionalProperties: false },
);

export const WarningPage = Paged(WarningSummarySchema);

export const WarningIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const AttemptBody = Type.Object(
  {
    channel: Channel,
    outcome: Outcome,
    /** Loss avoided (dissuaded) or lost (paid), yuan; required for those two. */
    amount: Type.Optional(Money),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    /** When it happened, if not now (ISO 8601). */
    at: Type.Optional(IsoDateTime),
    /** The flash SMS text (channel sms); the standard 96110 warning when left out. */
    message: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const TransferBody = Type.Object(
  {
    /** A unit of the caller's subtree, or the province (its queue). */
    unitCode: UnitCode,
    reason: Type.String({ minLength: 2, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

export const FiguresQuerySchema = Type.Object(
  {
    /** Start of the period (warnings created from then); default 24 hours before `to`. */
    from: Type.Optional(IsoDateTime),
    /** End of the period (exclusive); default now. */
    to: Type.Optional(IsoDateTime),
    /** A unit of the caller's subtree; default the caller's own. */
    unit: Type.Optional(UnitCode),
  },
  { additionalProperties: false },
);

const LevelCounts = {
  red: Type.Integer(),
  orange: Type.Integer(),
  yellow: Type.Integer(),
  total: Type.Integer(),
};

/** What is counted of the warnings issued: handled, handled in time, outcomes and their amounts (yuan). */
const Outcomes = {
  handled: Type.Integer(),
  handledInTime: Type.Integer(),
  dissuaded: Type.Integer(),
  lossAvoided: Type.Number(),
  paid: Type.Integer(),
  lost: Type.Number(),
  falseAlarms: Type.Integer(),
};

export const WarningFiguresSchema = Type.Object(
  {
    from: IsoDateTime,
    to: IsoDateTime,
    unitCode: Type.String(),
    issued: Type.Object(LevelCounts),
    /** One row per unit one level below `unit` (and `unit` itself for warnings at its own level). */
    byUnit: Type.Array(
      Type.Object({
        unitCode: Type.String(),
        unitName: Type.String(),
        issued: Type.Integer(),
        ...LevelCounts,
        ...Outcomes,
      }),
    ),
    ...Outcomes,
    falseAlarmRate: Type.Array(
      Type.Object({
        ruleId: Type.String(),
        ruleName: Type.String(),
        fired: Type.Integer(),
        closed: Type.Integer(),
        falseAlarms: Type.Integer(),
        rate: Nullable(Type.Number()),
      }),
    ),
  },
  { $id: 'WarningFigures' },
);

export const StreamQuery = Type.Object(
  {
    /** Close the stream after this many seconds (clients reconnect); 0 sends the opening comment only. */
    maxSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
  },
  { additionalProperties: false },
);

/** A correlation rule as JSON (engine `CorrelationRule`); checked in full by the engine's parseRules. */
const RuleObject = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      '{id, version, name, description?, level, fraudType, windowMinutes, ordered, steps: [{kinds?, listed?, fraudTypes?, lists?, minAmount?, minDurationSeconds?}], sameFraudType?, enabled, reason?}',
  },
);

const StoredRule = Type.Object(
  {
    id: Type.String(),
    version: Type.Integer(),
    name: Type.String(),
    level: Level,
    enabled: Type.Boolean(),
    createdAt: IsoDateTime,
    createdBy: Nullable(Type.String()),
  },
  { additionalProperties: true },
);

export const RuleList = Type.Object({
  items: Type.Array(Type.Object({ versions: Type.Array(StoredRule) }, { additionalProperties: true })),
});

export const RuleParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,63}$' }) });

export const RulePutBody = RuleObject;

export const RuleVersion = StoredRule;

export const BacktestBody = Type.Object(
  {
    rules: Type.Array(RuleObject, { minItems: 1, maxItems: 200 }),
    from: IsoDateTime,
    to: IsoDateTime,
    /** True victims' phone numbers: how many of them the rules would have warned. */
    victims: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 1_000_000 })),
  },
  { additionalProperties: false },
);

export const BacktestResultSchema = Type.Object({
  from: IsoDateTime,
  to: IsoDateTime,
  events: Type.Integer(),
  /** Persons warned (one open warning per person). */
  warnings: Type.Integer(),
  perRule: Type.Array(
    Type.Object({
      ruleId: Type.String(),
      ruleName: Type.String(),
      firings: Type.Integer(),
      warnings: Type.Integer(),
      victimsCaught: Nullable(Type.Integer()),
    }),
  ),
  victims: Nullable(Type.Integer()),
  victimsCaught: Nullable(Type.Integer()),
  falseAlarmPersons: Nullable(Type.Integer()),
});
