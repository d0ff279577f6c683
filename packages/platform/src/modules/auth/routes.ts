import type { Context } from '../../context.js';
import { SESSION_COOKIE, requireActor } from '../../http/access.js';
import { Problem, errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import type { LoginLimiter } from './login-limiter.js';
import { LoginBody, LoginResponse, MeSchema } from './schemas.js';
import { describeMe, login, logout } from './service.js';
import { AppError } from '../../errors.js';
import type { Metrics } from '../../http/observability.js';

export function authRoutes(ctx: Context, limiter: LoginLimiter, metrics: Metrics) {
  return async (app: App) => {
    app.post(
      '/api/v1/auth/login',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with username and password; sets an HTTP-only session cookie',
          body: LoginBody,
          response: { 200: LoginResponse, 400: Problem, 401: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        try {
          const result = await login(ctx, limiter, {
            ...request.body,
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
          });
          metrics.logins.inc({ outcome: 'success' });
          reply.setCookie(SESSION_COOKIE, result.token, {
            path: '/',
            httpOnly: true,
            sameSite: 'strict',
            secure: ctx.config.secureCookies,
            expires: result.expiresAt,
          });
          return { user: result.user };
        } catch (error) {
          if (error instanceof AppError) {
            metrics.logins.inc({ outcome: error.code });
            request.log.warn({ username: request.body.username, code: error.code }, 'login failed');
          }
          throw error;
        }
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        config: { access: { session: true } },
        schema: {
          tags: ['auth'],
          summary: 'End the session',
          response: { 204: { type: 'null' }, ...errorResponses },
        },
      },
      async (request, reply) => {
        await logout(ctx, requireActor(request), request.sessionToken!, request.ip);
        return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send(null);
      },
    );

    app.get(
      '/api/v1/auth/me',
      {
        config: { access: { session: true } },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, their unit and roles',
          response: { 200: MeSchema, ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (actor.type !== 'user') throw new AppError('forbidden', 'only people have a profile');
        return describeMe(ctx, actor);
      },
    );
  };
}
