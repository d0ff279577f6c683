import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { Problem, errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { decideAppeal } from './decide.js';
import {
  AppealCreateBody,
  AppealDecideBody,
  AppealIdParams,
  AppealPage,
  AppealQuery,
  AppealSchema,
} from './schemas.js';
import { APPEAL_SCOPE, fileAppeal, getAppeal, listAppeals } from './service.js';

export function appealRoutes(ctx: Context) {
  return async (app: App) => {
    app.post(
      '/api/v1/appeals',
      {
        config: { access: { permission: 'appeals.file' } },
        schema: {
          tags: ['appeals'],
          summary: 'File an appeal against a listed value (one pending appeal per value)',
          body: AppealCreateBody,
          response: { 201: AppealSchema, 409: Problem, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await fileAppeal(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/v1/appeals',
      {
        config: { access: { permission: 'appeals.read' } },
        schema: {
          tags: ['appeals'],
          summary: 'Appeals filed in the caller’s subtree, newest first',
          querystring: AppealQuery,
          response: { 200: AppealPage, ...errorResponses },
        },
      },
      async (request) => listAppeals(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/v1/appeals/:id',
      {
        config: { access: { permission: 'appeals.read' } },
        schema: {
          tags: ['appeals'],
          summary: 'One appeal with its outcome',
          params: AppealIdParams,
          response: { 200: AppealSchema, ...errorResponses },
        },
      },
      async (request) => getAppeal(ctx, requireActor(request), request.params.id),
    );

    app.post(
      '/api/v1/appeals/:id/decide',
      {
        config: { access: { permission: 'appeals.decide' } },
        schema: {
          tags: ['appeals'],
          summary:
            'Approve (withdraw the entry, allow the value) or reject an appeal, with a reason; all or nothing',
          params: AppealIdParams,
          body: AppealDecideBody,
          response: { 200: AppealSchema, 409: Problem, ...errorResponses },
        },
      },
      async (request) => decideAppeal(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/partner/appeals',
      {
        config: { access: { scope: APPEAL_SCOPE } },
        schema: {
          tags: ['appeals'],
          summary:
            'A partner files an appeal against a listed value, e.g. a customer’s wrongly blocked number',
          security: [{ apiKey: [] }],
          body: AppealCreateBody,
          response: { 201: AppealSchema, 409: Problem, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await fileAppeal(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/v1/partner/appeals',
      {
        config: { access: { scope: APPEAL_SCOPE } },
        schema: {
          tags: ['appeals'],
          summary: 'The appeals this API key filed, with their outcome',
          security: [{ apiKey: [] }],
          querystring: AppealQuery,
          response: { 200: AppealPage, ...errorResponses },
        },
      },
      async (request) => listAppeals(ctx, requireActor(request), request.query),
    );
  };
}
