import { Type } from 'typebox';
import { IsoDateTime, PageQuery, Paged } from '../../http/schemas.js';

export const AuditEntrySchema = Type.Object(
  {
    id: Type.String(),
    at: IsoDateTime,
    actorType: Type.String(),
    actorUsername: Type.Union([Type.String(), Type.Null()]),
    actorUnitCode: Type.Union([Type.String(), Type.Null()]),
    /** What happened, e.g. auth.login, user.create, personal_data.reveal. */
    action: Type.String(),
    recordType: Type.Union([Type.String(), Type.Null()]),
    recordId: Type.Union([Type.String(), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  },
  { $id: 'AuditEntry' },
);

export const AuditQuery = Type.Object(
  {
    ...PageQuery,
    /** Action or action prefix (`auth.` matches every sign-in event). */
    action: Type.Optional(Type.String({ maxLength: 100 })),
    /** Exact username of the actor. */
    actor: Type.Optional(Type.String({ maxLength: 100 })),
    /** Actor's unit code. */
    unitCode: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
    sort: Type.Union([Type.Literal('-at'), Type.Literal('at')], { default: '-at' }),
  },
  { additionalProperties: false },
);

export const AuditPage = Paged(AuditEntrySchema);
