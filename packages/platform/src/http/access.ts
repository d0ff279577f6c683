/**
 * Identity and access at the edge of every request. Each API route must declare an `access` rule in
 * its config (`registerAccessCheck` refuses to start a server with a route that has none); the rule is
 * checked before the body is even validated: no identity → 401, wrong role or scope → 403. Which
 * records the caller sees is decided later, in the store, by unit.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../context.js';
import { AppError } from '../errors.js';
import type { Actor } from '../modules/auth/actor.js';
import type { AccessRule } from '../modules/auth/policy.js';
import { hasPermission, hasScope } from '../modules/auth/policy.js';
import { actorForApiKey, actorForSession } from '../modules/auth/service.js';

export const SESSION_COOKIE = 'fanzha_session';

export interface RouteRecord {
  method: string;
  url: string;
  access: AccessRule;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its access rule, as registered (the authorisation test is generated from it). */
    routeTable: RouteRecord[];
  }
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

/** Paths that are not part of the API contract and need no rule: documentation UI and static console. */
export const isUndeclaredPathAllowed = (url: string): boolean =>
  !url.startsWith('/api/') || url.startsWith('/api/v1/docs');

function apiKeyOf(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const authorization = request.headers.authorization;
  return authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : null;
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'sign in first');
  return request.actor;
}

/** Resolves API keys; the screening paths use an in-memory cache instead of the store. */
export type ApiKeyResolver = (key: string) => Promise<Actor | null> | Actor | null;

export function registerAccessCheck(
  app: FastifyInstance,
  ctx: Context,
  resolveApiKey?: ApiKeyResolver,
): void {
  const apiKeyActor: ApiKeyResolver = resolveApiKey ?? ((key) => actorForApiKey(ctx, key));
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  const routeTable: RouteRecord[] = [];
  app.decorate('routeTable', routeTable);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path ?? '';
    const methods = [route.method].flat().filter((method) => method !== 'HEAD');
    if (isUndeclaredPathAllowed(url) || methods.length === 0) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${methods.join(',')} ${url} has no access rule in its config`);
    for (const method of methods) routeTable.push({ method, url, access });
  });

  app.addHook('onRequest', async (request) => {
    const rule = request.routeOptions.config?.access;
    if (!rule || 'public' in rule) return;
    const apiKey = apiKeyOf(request);
    if ('scope' in rule) {
      request.actor = apiKey ? await apiKeyActor(apiKey) : null;
      if (!request.actor)
        throw new AppError(
          'unauthenticated',
          'this API needs a valid API key (X-API-Key or Authorization: Bearer)',
        );
      if (!hasScope(request.actor, rule.scope))
        throw new AppError('forbidden', `this API key lacks the scope ${rule.scope}`);
    } else {
      const token = request.cookies?.[SESSION_COOKIE];
      request.actor = token ? await actorForSession(ctx, token) : null;
      request.sessionToken = request.actor ? (token ?? null) : null;
      if (!request.actor) throw new AppError('unauthenticated', 'sign in first');
      if ('permission' in rule && !hasPermission(request.actor, rule.permission)) {
        throw new AppError('forbidden', `your roles do not include the permission ${rule.permission}`);
      }
    }
    const actor = request.actor;
    request.log = request.log.child({
      actor: actor.type === 'api_key' ? `key:${actor.name}` : actor.username,
      unit: actor.type === 'system' ? null : actor.unitCode,
    });
  });
}
