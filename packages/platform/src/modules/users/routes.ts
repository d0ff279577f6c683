import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { Problem, errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import {
  RevealBody,
  RevealedPhone,
  UserCreateBody,
  UserIdParams,
  UserPage,
  UserQuery,
  UserSchema,
  UserUpdateBody,
} from './schemas.js';
import { createUser, getUser, listUsers, revealUserPhone, updateUserAccount } from './service.js';

export function userRoutes(ctx: Context) {
  return async (app: App) => {
    app.get(
      '/api/v1/users',
      {
        config: { access: { permission: 'users.read' } },
        schema: {
          tags: ['users'],
          summary: 'Users of the caller’s subtree',
          querystring: UserQuery,
          response: { 200: UserPage, ...errorResponses },
        },
      },
      async (request) => listUsers(ctx, requireActor(request), request.query),
    );

    app.post(
      '/api/v1/users',
      {
        config: { access: { permission: 'users.manage' } },
        schema: {
          tags: ['users'],
          summary: 'Create a user in a unit of the caller’s subtree',
          body: UserCreateBody,
          response: { 201: UserSchema, 409: Problem, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createUser(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/v1/users/:id',
      {
        config: { access: { permission: 'users.read' } },
        schema: {
          tags: ['users'],
          summary: 'One user',
          params: UserIdParams,
          response: { 200: UserSchema, ...errorResponses },
        },
      },
      async (request) => getUser(ctx, requireActor(request), request.params.id),
    );

    app.patch(
      '/api/v1/users/:id',
      {
        config: { access: { permission: 'users.manage' } },
        schema: {
          tags: ['users'],
          summary: 'Change a user’s name, roles, password or disable the account',
          params: UserIdParams,
          body: UserUpdateBody,
          response: { 200: UserSchema, 409: Problem, ...errorResponses },
        },
      },
      async (request) => updateUserAccount(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/users/:id/reveal',
      {
        config: { access: { permission: 'users.reveal' } },
        schema: {
          tags: ['users'],
          summary: 'The user’s full phone number, for a stated reason (audited)',
          params: UserIdParams,
          body: RevealBody,
          response: { 200: RevealedPhone, ...errorResponses },
        },
      },
      async (request) =>
        revealUserPhone(ctx, requireActor(request), request.params.id, request.body.reason, request.ip),
    );
  };
}
