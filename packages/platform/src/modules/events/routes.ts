import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { sendProblem } from '../../http/problem.js';
import { IsoDateTime, PageQuery, Paged, Problem, errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { AppError } from '../../errors.js';
import { actorUnitCode, actorName } from '../auth/actor.js';
import type { EventPipeline } from './contract.js';
import { readNdjson } from './ndjson.js';
import { listDeadLetters } from './service.js';

/** Events per request at most (docs/warnings.md). */
export const MAX_EVENTS_PER_REQUEST = 10_000;

const SubmitResponse = Type.Object({
  accepted: Type.Integer({ description: 'events taken for handling' }),
  duplicates: Type.Integer({ description: 'events already received (same id): nothing changes' }),
  rejected: Type.Array(
    Type.Object({
      index: Type.Integer({
        description: 'position in the array, or the n-th non-empty NDJSON line (0-based)',
      }),
      id: Type.Union([Type.String(), Type.Null()]),
      reason: Type.String(),
    }),
  ),
});

const DeadLetter = Type.Object({
  id: Type.String(),
  eventId: Type.Union([Type.String(), Type.Null()]),
  stage: Type.Union([Type.Literal('validation'), Type.Literal('handler')]),
  reason: Type.String(),
  payload: Type.Unknown({ description: 'what was sent (an unreadable NDJSON line as text)' }),
  source: Type.String({ description: 'API key name, or bus' }),
  receivedAt: IsoDateTime,
});

export function eventRoutes(ctx: Context, pipeline: EventPipeline) {
  return async (app: App) => {
    app.addContentTypeParser('application/x-ndjson', async (_request: unknown, payload: unknown) =>
      readNdjson(payload as Readable, {
        maxItems: MAX_EVENTS_PER_REQUEST,
        maxBytes: ctx.config.bodyLimit,
      }),
    );

    app.post(
      '/api/v1/events',
      {
        config: { access: { scope: 'events' } },
        schema: {
          tags: ['events'],
          summary:
            'Partner events (calls, SMS, web visits, apps, transfers, reports, screening hits) as a JSON array or NDJSON, at most 10,000; invalid ones become dead letters',
          security: [{ apiKey: [] }],
          body: Type.Array(Type.Unknown()),
          response: { 202: SubmitResponse, 413: Problem, 503: Problem, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (request.body.length > MAX_EVENTS_PER_REQUEST)
          throw new AppError('payload_too_large', `at most ${MAX_EVENTS_PER_REQUEST} events per request`);
        const result = await pipeline.submit(request.body, actorName(actor), {
          unitCode: actorUnitCode(actor),
        });
        if (result.full) {
          reply.header('retry-after', String(result.retryAfterSeconds));
          return sendProblem(reply, 'not_ready', `${result.reason}; send the events again later`);
        }
        return reply.status(202).send({
          accepted: result.accepted,
          duplicates: result.duplicates,
          rejected: result.rejected,
        });
      },
    );

    app.get(
      '/api/v1/events/dead-letters',
      {
        config: { access: { permission: 'events.read' } },
        schema: {
          tags: ['events'],
          summary: 'Events that could not be taken, with the reason, newest first (the caller’s subtree)',
          querystring: Type.Object(PageQuery, { additionalProperties: false }),
          response: { 200: Paged(DeadLetter), ...errorResponses },
        },
      },
      async (request) => listDeadLetters(ctx, requireActor(request), request.query),
    );
  };
}
