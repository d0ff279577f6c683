import type { ScreenItem } from '@fanzha/engine';
import { Type } from 'typebox';
import { AppError } from '../../errors.js';
import { errorResponses, Problem } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { ScreenItemSchema, VerdictSchema } from './schemas.js';
import { MAX_BATCH_ITEMS, type ScreeningService } from './service.js';

const NDJSON = 'application/x-ndjson';
/** The routes answer JSON text written by verdict-json.ts; the response schemas document it. */
const JSON_TYPE = 'application/json; charset=utf-8';

/** NDJSON bodies arrive as text; each line becomes one item (a bad line is an invalid verdict, not a 400). */
function parseNdjson(text: string): unknown[] {
  const items: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      items.push(JSON.parse(line));
    } catch {
      items.push(null);
    }
  }
  return items;
}

export function screeningRoutes(service: ScreeningService, options: { consoleTester?: boolean } = {}) {
  return async (app: App) => {
    app.addContentTypeParser(
      NDJSON,
      { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 },
      (_request, body, done) => done(null, parseNdjson(body as string)),
    );

    app.post(
      '/api/v1/screen',
      {
        config: { access: { scope: 'screen' } },
        schema: {
          tags: ['screening'],
          summary:
            'Screen one number, SMS, domain, URL, account, app or device (IMEI); the verdict explains itself',
          security: [{ apiKey: [] }],
          body: ScreenItemSchema,
          response: { 200: VerdictSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.type(JSON_TYPE).send(service.screenJson(request.body as ScreenItem, request.actor) as never),
    );

    app.post(
      '/api/v1/screen/batch',
      {
        bodyLimit: 64 * 1024 * 1024,
        config: { access: { scope: 'screen' } },
        schema: {
          tags: ['screening'],
          summary: `Screen up to ${MAX_BATCH_ITEMS} items (JSON array or NDJSON), answered in the same order and format`,
          security: [{ apiKey: [] }],
          response: { 200: Type.Array(VerdictSchema), 413: Problem, ...errorResponses },
        },
      },
      async (request, reply) => {
        const items = request.body;
        if (!Array.isArray(items))
          throw new AppError('validation_failed', 'the body must be a JSON array of items or NDJSON', [
            { field: '/', message: 'must be an array' },
          ]);
        if (items.length > MAX_BATCH_ITEMS)
          throw new AppError('payload_too_large', `at most ${MAX_BATCH_ITEMS} items per batch`);
        if (request.headers['content-type']?.startsWith(NDJSON)) {
          const body = service.screenBatchJson(items, request.actor, true);
          return reply
            .type(NDJSON)
            .serializer(String)
            .send(body as never);
        }
        return reply.type(JSON_TYPE).send(service.screenBatchJson(items, request.actor) as never);
      },
    );

    if (options.consoleTester === false) return;
    app.post(
      '/api/v1/screen/test',
      {
        config: { access: { permission: 'screen.test' } },
        schema: {
          tags: ['screening'],
          summary: 'The console’s screening tester: the same verdict a partner gets ("why is this blocked?")',
          body: ScreenItemSchema,
          response: { 200: VerdictSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.type(JSON_TYPE).send(service.screenJson(request.body as ScreenItem, null) as never),
    );
  };
}
