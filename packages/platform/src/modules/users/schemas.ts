import { Type } from 'typebox';
import { IsoDateTime, PageQuery, Paged } from '../../http/schemas.js';

export const RoleSchema = Type.Union(
  [Type.Literal('admin'), Type.Literal('analyst'), Type.Literal('officer'), Type.Literal('auditor')],
  {
    description:
      'admin: manages users and settings of its subtree; analyst: reads and analyses its subtree; officer: works cases, warnings and clues of its unit; auditor: reads the audit log',
  },
);

export const UserSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    username: Type.String(),
    displayName: Type.String(),
    unitCode: Type.String(),
    unitName: Type.String(),
    roles: Type.Array(RoleSchema),
    /** Masked (138****5678); the full number only through the audited reveal. */
    phoneMasked: Type.Union([Type.String(), Type.Null()]),
    disabled: Type.Boolean(),
    createdAt: IsoDateTime,
    lastLoginAt: Type.Union([IsoDateTime, Type.Null()]),
  },
  { $id: 'User' },
);

export const UserQuery = Type.Object(
  {
    ...PageQuery,
    /** Part of the username or display name. */
    q: Type.Optional(Type.String({ maxLength: 100 })),
    unitCode: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })),
    role: Type.Optional(RoleSchema),
    sort: Type.Union(
      [
        Type.Literal('username'),
        Type.Literal('-username'),
        Type.Literal('createdAt'),
        Type.Literal('-createdAt'),
      ],
      {
        default: 'username',
      },
    ),
  },
  { additionalProperties: false },
);

export const UserPage = Paged(UserSchema);

export const UserCreateBody = Type.Object(
  {
    /** Login name: lower-case letters, digits, `.`, `-`, `_`. */
    username: Type.String({ minLength: 2, maxLength: 63, pattern: '^[a-zA-Z0-9][a-zA-Z0-9._-]*$' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    unitCode: Type.String({ pattern: '^[0-9]{6,12}$' }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 4, uniqueItems: true }),
    /** Initial password, at least 8 characters. */
    password: Type.String({ minLength: 8, maxLength: 200 }),
    phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+?[0-9]{5,20}$' }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const UserUpdateBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, maxItems: 4, uniqueItems: true })),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const RevealBody = Type.Object(
  {
    /** Why the full value is needed; kept in the audit log. */
    reason: Type.String({ minLength: 2, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const RevealedPhone = Type.Object({ phone: Type.Union([Type.String(), Type.Null()]) });
