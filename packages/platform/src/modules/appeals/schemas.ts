import { Type } from 'typebox';
import { IsoDateTime, PageQuery, Paged } from '../../http/schemas.js';
import { ListKindSchema } from '../intel/index.js';

const AppealStatus = Type.Union(
  [Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')],
  { description: 'pending: waiting for an analyst; approved: the entry is withdrawn and the value allowed' },
);

export const AppealSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    /** Name of the list the value is on. */
    list: Type.String(),
    kind: ListKindSchema,
    /** The listed value in its normalised form (E.164, punycode host, …). */
    value: Type.String(),
    /** Who filed it: a username or the partner API key's name. */
    appellant: Type.String(),
    appellantUnitCode: Type.String(),
    reason: Type.String(),
    evidence: Type.Union([Type.String(), Type.Null()]),
    status: AppealStatus,
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    decisionReason: Type.Union([Type.String(), Type.Null()]),
    createdAt: IsoDateTime,
    decidedAt: Type.Union([IsoDateTime, Type.Null()]),
  },
  { $id: 'Appeal' },
);

export const AppealCreateBody = Type.Object(
  {
    /** List id or name, e.g. `case-numbers`. */
    list: Type.String({ minLength: 1, maxLength: 100 }),
    /** The listed value as people write it (`138 1234 5678`, `ICBC-Login.com`); normalised for the list's kind. */
    value: Type.String({ minLength: 1, maxLength: 2048 }),
    /** Why the value should be released, e.g. 本机号码为正常用户使用，被误拦截. */
    reason: Type.String({ minLength: 2, maxLength: 2000 }),
    /** Supporting facts: contract number, business licence, customer statement. */
    evidence: Type.Optional(Type.String({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
);

export const AppealDecideBody = Type.Object(
  {
    /** approve: withdraw the entry and keep the value on the allow list; reject: the entry stays. */
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    /** Why; shown to the appellant and kept in the change and audit logs. */
    reason: Type.String({ minLength: 2, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

export const AppealQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(AppealStatus),
  },
  { additionalProperties: false },
);

export const AppealPage = Paged(AppealSchema);

export const AppealIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
