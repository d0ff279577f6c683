import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { Context } from '../../context.js';
import { StreamFullError } from '../../bus/index.js';
import { AppError } from '../../errors.js';
import { requireActor } from '../../http/access.js';
import { sendProblem } from '../../http/problem.js';
import { errorResponses, IsoDateTime, PageQuery, Paged, Problem } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { decideCallerCandidate, listCallerCandidates } from './candidates.js';
import { submitCdrs } from './service.js';
import type { CdrStream } from './stream.js';

const Status = Type.Union([
  Type.Literal('pending'),
  Type.Literal('blocked'),
  Type.Literal('allowed'),
  Type.Literal('dismissed'),
]);

const Submission = Type.Object({
  records: Type.Integer({ description: 'records published to the CDR stream' }),
  badLines: Type.Integer(),
  errors: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() }), {
    description: 'the first 1,000 bad lines, by line number',
  }),
  batches: Type.Integer(),
  duplicateBatches: Type.Integer({ description: 'batches posted before (same records): not counted twice' }),
});

const Contribution = Type.Object({ feature: Type.String(), value: Type.Number() });

const CandidateSchema = Type.Object(
  {
    id: Type.String(),
    number: Type.String({ description: 'E.164' }),
    score: Type.Number(),
    /** The named behaviour features behind the best window's score. */
    contributions: Type.Array(Contribution),
    /** The best window's features (calls, callsPerHour, distinctCallees, shares, imeiChanges, …). */
    features: Type.Record(Type.String(), Type.Number()),
    windowStart: IsoDateTime,
    /** Marked windows so far. */
    windows: Type.Integer(),
    firstSeenAt: IsoDateTime,
    lastSeenAt: IsoDateTime,
    status: Status,
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([IsoDateTime, Type.Null()]),
    decisionReason: Type.Union([Type.String(), Type.Null()]),
    listName: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'CallerCandidate' },
);

const Stats = Type.Object({
  stream: Type.Union([Type.Literal('in-process'), Type.Literal('jetstream')]),
  records: Type.Integer(),
  badLines: Type.Integer(),
  numbers: Type.Integer(),
  markedWindows: Type.Integer(),
  queueDepth: Type.Integer(),
  victims: Type.Integer({ description: 'victims’ numbers known to the windows' }),
});

export function callerBehaviourRoutes(ctx: Context, stream: CdrStream) {
  return async (app: App) => {
    await app.register(async (intake: App) => {
      // CDR files are streamed line by line: no parser may buffer them.
      intake.removeAllContentTypeParsers();
      intake.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

      intake.post(
        '/api/v1/partner/cdrs',
        {
          config: { access: { scope: 'cdr' } },
          schema: {
            tags: ['caller-behaviour'],
            summary:
              'A carrier’s call detail records (CSV with header, or NDJSON), published to the CDR stream: each number’s windows add up across posts',
            security: [{ apiKey: [] }],
            querystring: Type.Object(
              { format: Type.Union([Type.Literal('csv'), Type.Literal('ndjson')]) },
              { additionalProperties: false },
            ),
            response: { 202: Submission, 413: Problem, 503: Problem, ...errorResponses },
          },
        },
        async (request, reply) => {
          const body = request.body as Readable | undefined;
          if (!body || typeof body.pipe !== 'function')
            throw new AppError('validation_failed', 'send the records as the request body');
          try {
            const result = await submitCdrs(ctx, requireActor(request), stream, {
              format: request.query.format,
              input: body,
            });
            return reply.status(202).send(result);
          } catch (error) {
            if (!(error instanceof StreamFullError)) throw error;
            reply.header('retry-after', String(error.retryAfterSeconds));
            return sendProblem(reply, 'not_ready', `${error.message}; send the records again later`);
          }
        },
      );
    });

    app.get(
      '/api/v1/intel/caller-candidates',
      {
        config: { access: { permission: 'intel.read' } },
        schema: {
          tags: ['caller-behaviour'],
          summary: 'Numbers whose calling behaviour was marked, for review, highest score first',
          querystring: Type.Object(
            { ...PageQuery, status: Type.Optional(Status) },
            { additionalProperties: false },
          ),
          response: { 200: Paged(CandidateSchema), ...errorResponses },
        },
      },
      async (request) =>
        listCallerCandidates(ctx, requireActor(request), {
          ...request.query,
          status: request.query.status ?? 'pending',
        }),
    );

    app.post(
      '/api/v1/intel/caller-candidates/:id/decide',
      {
        config: { access: { permission: 'intel.write' } },
        schema: {
          tags: ['caller-behaviour'],
          summary:
            'Block (number list entry), allow (allow entry, lifts the mark) or dismiss a marked number',
          params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
          body: Type.Object(
            {
              decision: Type.Union([Type.Literal('block'), Type.Literal('allow'), Type.Literal('dismiss')]),
              reason: Type.String({ minLength: 2, maxLength: 1000 }),
              /** The number list a blocked number goes on (default caller-behaviour-block). */
              list: Type.Optional(Type.String({ maxLength: 100 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: CandidateSchema, 409: Problem, ...errorResponses },
        },
      },
      async (request) => decideCallerCandidate(ctx, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/intel/caller-behaviour/stats',
      {
        config: { access: { permission: 'intel.read' } },
        schema: {
          tags: ['caller-behaviour'],
          summary: 'This instance’s CDR stream: records taken, numbers in the windows, marked windows, queue',
          response: { 200: Stats, ...errorResponses },
        },
      },
      async () => ({ ...stream.stats(), victims: stream.victimCount }),
    );
  };
}
