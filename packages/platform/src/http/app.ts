/**
 * Builds the HTTP server: error mapping, validation, identity and access, OpenAPI, observability,
 * every module's routes and the console. Building does no I/O beyond what the store needs, so tests
 * use it directly with `app.inject`.
 */
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Context } from '../context.js';
import { appealRoutes } from '../modules/appeals/index.js';
import { auditRoutes } from '../modules/audit/index.js';
import { caseRoutes } from '../modules/cases/index.js';
import { clueRoutes, startClues, type CluesOptions, type CluesRuntime } from '../modules/clues/index.js';
import { operationRoutes } from '../modules/operations/index.js';
import { cardRoutes } from '../modules/cards/index.js';
import { punishmentRoutes } from '../modules/punishment/index.js';
import { ApiKeyCache, LoginLimiter, apiKeyRoutes, authRoutes } from '../modules/auth/index.js';
import {
  callerBehaviourRoutes,
  openCallerBehaviour,
  type CallerBehaviourRuntime,
} from '../modules/caller-behaviour/index.js';
import { domainWatchRoutes } from '../modules/domain-watch/index.js';
import { eventRoutes, openEventPipeline, type StreamEventPipeline } from '../modules/events/index.js';
import { ImportJobs, intelRoutes, transferRoutes } from '../modules/intel/index.js';
import {
  createSmsTextScorer,
  HitRecorder,
  IntelFollower,
  ScreeningService,
  screeningRoutes,
} from '../modules/screening/index.js';
import { orgRoutes } from '../modules/org/index.js';
import { userRoutes } from '../modules/users/index.js';
import {
  startWarnings,
  warningRoutes,
  type WarningsOptions,
  type WarningsRuntime,
} from '../modules/warnings/index.js';
import type { Store } from '../store/database.js';
import { registerAccessCheck } from './access.js';
import { registerConsole } from './console.js';
import { createMetrics, registerObservability, type Metrics } from './observability.js';
import { errorHandler } from './problem.js';
import type { App } from './types.js';
import { validatorCompiler } from './validation.js';

export interface AppOptions {
  ctx: Context;
  store: Store;
  logger?: FastifyServerOptions['logger'];
  metrics?: Metrics;
  /** Interval of the screener's change-log polling; tests may call `screening.follower.sync()` instead. */
  followIntervalMs?: number;
  /** Warnings: the SMS gateway, the escalation job's interval (0: tests run it by hand). */
  warnings?: Omit<WarningsOptions, 'screener' | 'log'>;
  /** Clues: the reminder and escalation job's interval (0: tests run it by hand). */
  clues?: Omit<CluesOptions, 'onError'>;
  /** How often the caller-behaviour windows read the victims' numbers (0: at start only). */
  callerVictimsIntervalMs?: number;
}

/** The in-process screening of the main server: the same code a screening node runs. */
export async function startScreening(ctx: Context, followIntervalMs = 250) {
  const textScorer = createSmsTextScorer({
    mark: ctx.config.smsMarkThreshold,
    block: ctx.config.smsBlockThreshold,
  });
  const follower = new IntelFollower(ctx.db, { now: () => ctx.clock.now().getTime(), textScorer });
  await follower.loadSnapshot();
  follower.start(followIntervalMs);
  if (ctx.bus) await follower.followBus(ctx.bus);
  const hits = new HitRecorder(ctx.db);
  hits.start();
  const apiKeys = new ApiKeyCache(ctx.db);
  await apiKeys.refresh(Date.now());
  const apiKeyTimer = setInterval(() => void apiKeys.refresh(Date.now()).catch(() => undefined), 5_000);
  apiKeyTimer.unref();
  const service = new ScreeningService(follower, hits, () => ctx.clock.now().getTime());
  return {
    service,
    apiKeys,
    hits,
    async stop() {
      clearInterval(apiKeyTimer);
      await follower.stop();
      await hits.stop();
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    screening: Awaited<ReturnType<typeof startScreening>>;
    imports: ImportJobs;
    /** The event pipeline: set its handler before the app is ready (it starts consuming then). */
    eventPipeline: StreamEventPipeline;
    warnings: WarningsRuntime;
    clues: CluesRuntime;
    /** The CDR stream and its windows (fraud-caller behaviour). */
    callerBehaviour: CallerBehaviourRuntime;
  }
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
        'password',
        'body.password',
      ],
      censor: '[redacted]',
    },
  };
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { ctx, store } = options;
  const metrics = options.metrics ?? createMetrics();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: ctx.config.bodyLimit,
    trustProxy: ctx.config.trustProxy,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'fanzha API',
        version: '1',
        description:
          'API of fanzha (反诈), the anti-fraud center platform. Console users sign in with a session cookie; partner systems use API keys (X-API-Key). Errors are RFC 9457 problem details with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'fanzha_session' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs' });

  const screening = await startScreening(ctx, options.followIntervalMs);
  app.decorate('screening', screening);
  app.addHook('onClose', () => screening.stop());
  registerAccessCheck(app, ctx, (key) => screening.apiKeys.resolve(key, ctx.clock.now().getTime()));
  registerObservability(app, store, metrics);
  app.get(
    '/api/v1/openapi.json',
    { config: { access: { public: true } }, schema: { hide: true } },
    async () => app.swagger(),
  );

  const limiter = new LoginLimiter(ctx.config.loginMaxFailures, ctx.config.loginWindowMinutes * 60_000);
  await app.register(authRoutes(ctx, limiter, metrics));
  await app.register(orgRoutes(ctx));
  await app.register(userRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(apiKeyRoutes(ctx));
  await app.register(intelRoutes(ctx));
  const imports = new ImportJobs(ctx, ctx.config.importLimit);
  app.addHook('onClose', () => imports.idle());
  app.decorate('imports', imports);
  await app.register(transferRoutes(ctx, imports));
  await app.register(domainWatchRoutes(ctx));
  const callerBehaviour = await openCallerBehaviour(ctx, {
    registry: metrics.registry,
    log: app.log,
    ...(options.callerVictimsIntervalMs !== undefined
      ? { victimsIntervalMs: options.callerVictimsIntervalMs }
      : {}),
  });
  app.decorate('callerBehaviour', callerBehaviour);
  app.addHook('onReady', () => callerBehaviour.start());
  app.addHook('onClose', () => callerBehaviour.stop());
  await app.register(callerBehaviourRoutes(ctx, callerBehaviour.stream));
  await app.register(appealRoutes(ctx));
  await app.register(caseRoutes(ctx));
  const clues = startClues(ctx, { ...options.clues, onError: (error) => app.log.error(error) });
  app.decorate('clues', clues);
  app.addHook('onClose', () => clues.stop());
  await app.register(clueRoutes(ctx));
  await app.register(operationRoutes(ctx));
  await app.register(cardRoutes(ctx));
  await app.register(punishmentRoutes(ctx));
  const eventPipeline = await openEventPipeline(ctx, { registry: metrics.registry, log: app.log });
  app.decorate('eventPipeline', eventPipeline);
  app.addHook('onReady', () => eventPipeline.start());
  app.addHook('onClose', () => eventPipeline.stop());
  await app.register(eventRoutes(ctx, eventPipeline));
  const warnings = await startWarnings(ctx, {
    ...options.warnings,
    screener: () => screening.service.follower.screener,
    log: app.log,
  });
  app.decorate('warnings', warnings);
  eventPipeline.setHandler(warnings.handler);
  // Open live streams would hold the server's close (it waits for its connections) until they time out.
  app.addHook('preClose', async () => warnings.streams.closeAll());
  app.addHook('onClose', () => warnings.stop());
  await app.register(warningRoutes(ctx, warnings));
  await app.register(screeningRoutes(screening.service));
  await registerConsole(app, ctx.config.consoleDir);
  return app;
}
