import { Type } from 'typebox';
import { UnitSchema } from '../org/schemas.js';
import { RoleSchema } from '../users/schemas.js';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const MeSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(RoleSchema),
    unit: UnitSchema,
  },
  { $id: 'Me' },
);

export const LoginResponse = Type.Object({ user: MeSchema });
