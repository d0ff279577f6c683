/**
 * Identity and access at the edge of every request. Each API route must declare an `access` rule in
 * its config (`registerAccessCheck` refuses to start a server with a route that has none); the rule is
 * checked before the body is even validated: no identity → 401, wrong role or scope → 403. Which
 * records the caller sees is decided later, in the store, by unit.
 */
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
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
    if ('public' in access) return;
    // The check is the route's own first onRequest hook, its rule bound here: no lookup of the
    // route's config per request.
    const check = accessCheck(ctx, apiKeyActor, access);
    route.onRequest = [check, ...[route.onRequest ?? []].flat()];
  });
}

/**
 * The onRequest hook of a route with `rule`. A callback hook, not an async one: the API-key path (the
 * screening hot path, answered from an in-memory cache) then runs without a promise per request.
 */
function accessCheck(
  ctx: Context,
  apiKeyActor: ApiKeyResolver,
  rule: Exclude<AccessRule, { public: true }>,
): onRequestHookHandler {
  return function checkAccess(request, _reply, done) {
    try {
      if ('scope' in rule) {
        const apiKey = apiKeyOf(request);
        const resolved = apiKey ? apiKeyActor(apiKey) : null;
        if (resolved instanceof Promise) {
          resolved.then((actor) => done(checkScope(request, actor, rule.scope)), done);
          return;
        }
        return done(checkScope(request, resolved, rule.scope));
      }
      const token = request.cookies?.[SESSION_COOKIE];
      (token ? actorForSession(ctx, token) : Promise.resolve(null)).then((actor) => {
        request.actor = actor;
        request.sessionToken = actor ? (token ?? null) : null;
        if (!actor) return done(new AppError('unauthenticated', 'sign in first'));
        if ('permission' in rule && !hasPermission(actor, rule.permission)) {
          return done(
            new AppError('forbidden', `your roles do not include the permission ${rule.permission}`),
          );
        }
        withActorLog(request, actor);
        done();
      }, done);
    } catch (error) {
      done(error as Error);
    }
  };
}

function checkScope(request: FastifyRequest, actor: Actor | null, scope: string): AppError | undefined {
  request.actor = actor;
  if (!actor)
    return new AppError(
      'unauthenticated',
      'this API needs a valid API key (X-API-Key or Authorization: Bearer)',
    );
  if (!hasScope(actor, scope)) return new AppError('forbidden', `this API key lacks the scope ${scope}`);
  withActorLog(request, actor);
  return undefined;
}

/** Request logs name the caller. */
function withActorLog(request: FastifyRequest, actor: Actor): void {
  request.log = request.log.child({
    actor: actor.type === 'api_key' ? `key:${actor.name}` : actor.username,
    unit: actor.type === 'system' ? null : actor.unitCode,
  });
}
