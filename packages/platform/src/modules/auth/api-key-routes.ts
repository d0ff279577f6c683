import { Type } from 'typebox';
import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { errorResponses, IsoDateTime } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { API_KEY_SCOPES, listApiKeys, revokeApiKey } from './api-keys.js';
import { createApiKey } from './service.js';

const Scope = Type.Union(API_KEY_SCOPES.map((scope) => Type.Literal(scope)));

const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  unitCode: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: IsoDateTime,
  lastUsedAt: Type.Union([IsoDateTime, Type.Null()]),
  revokedAt: Type.Union([IsoDateTime, Type.Null()]),
});

const ApiKeyCreateBody = Type.Object(
  {
    /** Who uses it, e.g. 中国移动江苏公司. */
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(Scope, { minItems: 1, uniqueItems: true }),
    /** Owning unit (defaults to the caller's). */
    unitCode: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })),
  },
  { additionalProperties: false },
);

export function apiKeyRoutes(ctx: Context) {
  return async (app: App) => {
    app.get(
      '/api/v1/api-keys',
      {
        config: { access: { permission: 'apikeys.manage' } },
        schema: {
          tags: ['api-keys'],
          summary: 'Partner API keys of the caller’s subtree',
          response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await listApiKeys(ctx, requireActor(request)) }),
    );

    app.post(
      '/api/v1/api-keys',
      {
        config: { access: { permission: 'apikeys.manage' } },
        schema: {
          tags: ['api-keys'],
          summary: 'Create a partner API key; the key is in this response only',
          body: ApiKeyCreateBody,
          response: {
            201: Type.Object({ id: Type.String(), prefix: Type.String(), key: Type.String() }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const unitCode =
          request.body.unitCode ??
          (actor.type === 'system' ? `${ctx.config.provinceCode}0000` : actor.unitCode);
        return reply.status(201).send(
          await createApiKey(ctx, actor, {
            name: request.body.name,
            scopes: request.body.scopes,
            unitCode,
          }),
        );
      },
    );

    app.post(
      '/api/v1/api-keys/:id/revoke',
      {
        config: { access: { permission: 'apikeys.manage' } },
        schema: {
          tags: ['api-keys'],
          summary: 'Revoke a key (effective within seconds on every node)',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await revokeApiKey(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
