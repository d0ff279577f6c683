import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import { requireActor } from '../../http/access.js';
import { errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { analyseCdrs } from './service.js';

const Analysis = Type.Object({
  records: Type.Integer(),
  badLines: Type.Integer(),
  errors: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() })),
  marked: Type.Array(
    Type.Object({
      number: Type.String(),
      score: Type.Number(),
      windowStart: Type.String({ format: 'date-time' }),
      contributions: Type.Array(Type.Object({ feature: Type.String(), value: Type.Number() })),
    }),
  ),
});

export function callerBehaviourRoutes(ctx: Context) {
  return async (app: App) => {
    // CDR files are streamed line by line: no parser may buffer them.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    app.post(
      '/api/v1/partner/cdrs',
      {
        config: { access: { scope: 'cdr' } },
        schema: {
          tags: ['caller-behaviour'],
          summary:
            'A carrier’s call detail records (CSV with header, or NDJSON): numbers behaving like SIM boxes are marked',
          security: [{ apiKey: [] }],
          querystring: Type.Object(
            {
              format: Type.Union([Type.Literal('csv'), Type.Literal('ndjson')]),
              threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Analysis, ...errorResponses },
        },
      },
      async (request) => {
        const body = request.body as Readable | undefined;
        if (!body || typeof body.pipe !== 'function')
          throw new AppError('validation_failed', 'send the records as the request body');
        return analyseCdrs(ctx, requireActor(request), {
          format: request.query.format,
          input: body,
          threshold: request.query.threshold,
        });
      },
    );
  };
}
