import { Type } from 'typebox';
import { FRAUD_TYPES, type FraudType } from '@fanzha/engine';
import { IsoDateTime, PageQuery, Paged } from '../../http/schemas.js';

const Action = Type.Union([Type.Literal('block'), Type.Literal('mark'), Type.Literal('allow')]);
/** A list's kind (LIST_KINDS); also the kind of an appeal against one of its entries. */
export const ListKindSchema = Type.Union(
  [
    Type.Literal('number'),
    Type.Literal('domain'),
    Type.Literal('url'),
    Type.Literal('account'),
    Type.Literal('app'),
    Type.Literal('imei'),
  ],
  {
    description:
      'number, domain, url, account; app (Android package name or iOS bundle id), imei (device: 15-digit IMEI)',
  },
);
/** The engine's fraud types (冒充公检法 is `fake_police`, …). */
const FraudType = Type.Unsafe<FraudType>({
  type: 'string',
  enum: [...FRAUD_TYPES],
  description: 'the fraud type the list’s entries point to (engine FRAUD_TYPES)',
});

const Match = Type.Union(
  [
    Type.Literal('exact'),
    Type.Literal('prefix'),
    Type.Literal('domain'),
    Type.Literal('host'),
    Type.Literal('url_prefix'),
    Type.Literal('account'),
    Type.Literal('app'),
    Type.Literal('imei'),
  ],
  {
    description:
      'number: exact | prefix; domain: domain (and subdomains) | host; url: url_prefix; account: account; app: app; imei: imei',
  },
);
const SourceKind = Type.Union([
  Type.Literal('case'),
  Type.Literal('report'),
  Type.Literal('partner'),
  Type.Literal('rule'),
]);

export const IntelListSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    title: Type.String(),
    kind: ListKindSchema,
    defaultAction: Action,
    description: Type.Union([Type.String(), Type.Null()]),
    unitCode: Type.String(),
    fraudType: Type.Union([FraudType, Type.Null()]),
    entryCount: Type.Integer(),
    createdAt: IsoDateTime,
  },
  { $id: 'IntelList' },
);

export const IntelListCreateBody = Type.Object(
  {
    /** Machine name, e.g. `case-numbers`. */
    name: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,62}$' }),
    /** Name shown in the console, e.g. 涉案号码. */
    title: Type.String({ minLength: 1, maxLength: 200 }),
    kind: ListKindSchema,
    defaultAction: Action,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    /** Owning unit (defaults to the caller's). */
    unitCode: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })),
    /** The fraud type of the list's entries, given to warnings whose evidence names none. */
    fraudType: Type.Optional(FraudType),
  },
  { additionalProperties: false },
);

export const IntelListUpdateBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    /** The fraud type of the list's entries (null: none), given to warnings whose evidence names none. */
    fraudType: Type.Optional(Type.Union([FraudType, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const EntryInputSchema = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 2048 }),
    match: Type.Optional(Match),
    /** For account lists: bank_card, corporate_account, alipay, wechat_pay, qq, wechat. */
    accountKind: Type.Optional(Type.String({ maxLength: 40 })),
    action: Type.Optional(Action),
    confidence: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    source: Type.Optional(
      Type.Object(
        { kind: SourceKind, id: Type.String({ minLength: 1, maxLength: 200 }) },
        { additionalProperties: false },
      ),
    ),
    expiresAt: Type.Optional(Type.Union([IsoDateTime, Type.Null()])),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const EntriesAddBody = Type.Object(
  { entries: Type.Array(EntryInputSchema, { minItems: 1, maxItems: 10_000 }) },
  { additionalProperties: false },
);

export const EntryRemoveBody = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 2048 }),
    match: Type.Optional(Match),
    accountKind: Type.Optional(Type.String({ maxLength: 40 })),
    /** Why the entry is withdrawn; kept in the change log and the audit log. */
    reason: Type.String({ minLength: 2, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

export const IntelEntrySchema = Type.Object(
  {
    id: Type.String(),
    list: Type.String(),
    kind: ListKindSchema,
    value: Type.String(),
    match: Match,
    accountKind: Type.Union([Type.String(), Type.Null()]),
    action: Action,
    confidence: Type.Integer(),
    source: Type.Object({ kind: Type.String(), id: Type.String() }),
    reason: Type.Union([Type.String(), Type.Null()]),
    addedAt: IsoDateTime,
    addedBy: Type.Union([Type.String(), Type.Null()]),
    expiresAt: Type.Union([IsoDateTime, Type.Null()]),
  },
  { $id: 'IntelEntry' },
);

export const EntryQuery = Type.Object(
  {
    ...PageQuery,
    /** List id or name. */
    list: Type.Optional(Type.String({ maxLength: 100 })),
    /** Start of the value, as people write it (138 1234…, icbc-…). */
    q: Type.Optional(Type.String({ maxLength: 200 })),
    action: Type.Optional(Action),
    sourceKind: Type.Optional(SourceKind),
  },
  { additionalProperties: false },
);

export const EntryPage = Paged(IntelEntrySchema);

export const ListParams = Type.Object({ list: Type.String({ maxLength: 100 }) });

export const HistoryQuery = Type.Object(
  { value: Type.String({ minLength: 1, maxLength: 2048 }) },
  { additionalProperties: false },
);

export const HistoryList = Type.Object({
  items: Type.Array(
    Type.Object({
      seq: Type.String(),
      at: IsoDateTime,
      list: Type.String(),
      op: Type.String(),
      actor: Type.Union([Type.String(), Type.Null()]),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
