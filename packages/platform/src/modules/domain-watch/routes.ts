import { Type } from 'typebox';
import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { errorResponses, IsoDateTime, PageQuery, Paged, Problem } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { decideCandidate, listCandidates, MAX_NAMES_PER_REQUEST, submitNames } from './service.js';

const Status = Type.Union([
  Type.Literal('pending'),
  Type.Literal('blocked'),
  Type.Literal('allowed'),
  Type.Literal('dismissed'),
]);

const CandidateSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    score: Type.Number(),
    /** The named features and brand signals behind the score. */
    contributions: Type.Array(
      Type.Object({ feature: Type.String(), value: Type.Number(), brand: Type.Optional(Type.String()) }),
    ),
    feed: Type.String(),
    status: Status,
    seenAt: IsoDateTime,
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([IsoDateTime, Type.Null()]),
    decisionReason: Type.Union([Type.String(), Type.Null()]),
    listName: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'DomainCandidate' },
);

const NamesBody = Type.Object(
  {
    /** Where the names come from, e.g. ct-log, new-registrations-cn. */
    feed: Type.String({ minLength: 1, maxLength: 100 }),
    names: Type.Array(Type.String({ maxLength: 300 }), { minItems: 1, maxItems: MAX_NAMES_PER_REQUEST }),
  },
  { additionalProperties: false },
);

const SubmitResult = Type.Object({
  received: Type.Integer(),
  candidates: Type.Integer(),
  raised: Type.Integer(),
});

export function domainWatchRoutes(ctx: Context) {
  return async (app: App) => {
    app.post(
      '/api/v1/intel/domain-watch',
      {
        config: { access: { permission: 'intel.write' } },
        schema: {
          tags: ['domain-watch'],
          summary: 'Score a feed of new names; candidates wait for review',
          body: NamesBody,
          response: { 200: SubmitResult, 413: Problem, ...errorResponses },
        },
      },
      async (request) => submitNames(ctx, requireActor(request), request.body.feed, request.body.names),
    );

    app.post(
      '/api/v1/partner/domain-watch',
      {
        config: { access: { scope: 'feed' } },
        schema: {
          tags: ['domain-watch'],
          summary: 'A partner’s feed of new names (newly registered, certificate transparency)',
          security: [{ apiKey: [] }],
          body: NamesBody,
          response: { 200: SubmitResult, 413: Problem, ...errorResponses },
        },
      },
      async (request) => submitNames(ctx, requireActor(request), request.body.feed, request.body.names),
    );

    app.get(
      '/api/v1/intel/domain-candidates',
      {
        config: { access: { permission: 'intel.read' } },
        schema: {
          tags: ['domain-watch'],
          summary: 'Candidates for review, highest score first',
          querystring: Type.Object(
            { ...PageQuery, status: Type.Optional(Status) },
            { additionalProperties: false },
          ),
          response: { 200: Paged(CandidateSchema), ...errorResponses },
        },
      },
      async (request) =>
        listCandidates(ctx, requireActor(request), {
          ...request.query,
          status: request.query.status ?? 'pending',
        }),
    );

    app.post(
      '/api/v1/intel/domain-candidates/:id/decide',
      {
        config: { access: { permission: 'intel.write' } },
        schema: {
          tags: ['domain-watch'],
          summary: 'Block (list entry), allow (allow entry) or dismiss a candidate',
          params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
          body: Type.Object(
            {
              decision: Type.Union([Type.Literal('block'), Type.Literal('allow'), Type.Literal('dismiss')]),
              reason: Type.String({ minLength: 2, maxLength: 1000 }),
              list: Type.Optional(Type.String({ maxLength: 100 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: CandidateSchema, 409: Problem, ...errorResponses },
        },
      },
      async (request) => decideCandidate(ctx, requireActor(request), request.params.id, request.body),
    );
  };
}
