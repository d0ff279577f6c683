import { Type } from 'typebox';
import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { Problem, errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { chainNeighbourhood, recordChainEdge } from './chain.js';
import { dispatchProgress, dispatchTargets } from './dispatch.js';
import { groupCards } from './groups.js';
import { MAX_CARDS_PER_REQUEST, takeCardFeed, UnreadableItem } from './intake.js';
import {
  CardDetail,
  CardFeedResultView,
  CardGroupsView,
  CardIdParams,
  CardPage,
  CardQuery,
  ChainEdgeBody,
  ChainEdgeView,
  ChainQuery,
  ChainView,
  DispatchBody,
  DispatchResultView,
  GroupQuery,
  PersonIdParams,
  PersonRevealed,
  ProgressQuery,
  ProgressView,
  RevealBody,
  TargetPage,
  TargetQuery,
} from './schemas.js';
import { getCard, listCards, revealPerson } from './service.js';
import { followCaseFootprints, syncCaseCards } from './sync.js';
import { listTargets } from './targets.js';

export function cardRoutes(ctx: Context) {
  return async (app: App) => {
    // The cards follow the cases on write from now on; what was written before is caught up at start.
    followCaseFootprints();
    app.addHook('onReady', async () => {
      await syncCaseCards(ctx);
    });
    // Partner feeds may come as NDJSON: one card per line, a line that is not JSON rejected in its place.
    app.addContentTypeParser(
      'application/x-ndjson',
      { parseAs: 'string', bodyLimit: ctx.config.bodyLimit },
      (_request, body, done) => {
        const items = String(body)
          .split(/\r?\n/)
          .filter((line) => line.trim())
          .map((line) => {
            try {
              return JSON.parse(line) as unknown;
            } catch {
              return new UnreadableItem(line);
            }
          });
        done(null, items);
      },
    );

    app.post(
      '/api/v1/partner/cards',
      {
        config: { access: { scope: 'cards' } },
        schema: {
          tags: ['cards'],
          summary: `Involved cards from banks and carriers (JSON array or NDJSON, at most ${MAX_CARDS_PER_REQUEST}): where each was opened, when, and its holder; bad items rejected by index`,
          security: [{ apiKey: [] }],
          body: Type.Array(Type.Unknown()),
          response: { 200: CardFeedResultView, 413: Problem, ...errorResponses },
        },
      },
      async (request) => takeCardFeed(ctx, requireActor(request), request.body),
    );

    app.get(
      '/api/v1/cards',
      {
        config: { access: { permission: 'cards.read' } },
        schema: {
          tags: ['cards'],
          summary:
            'Involved cards of the caller’s subtree (opened, held or used in a case there), newest first; holders masked',
          querystring: CardQuery,
          response: { 200: CardPage, ...errorResponses },
        },
      },
      async (request) => listCards(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/v1/cards/groups',
      {
        config: { access: { permission: 'cards.read' } },
        schema: {
          tags: ['cards'],
          summary:
            'Involved cards grouped by child unit, by opening place (开户地) or holders’ residence (户籍地)',
          querystring: GroupQuery,
          response: { 200: CardGroupsView, ...errorResponses },
        },
      },
      async (request) => groupCards(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/v1/cards/targets',
      {
        config: { access: { permission: 'cards.read' } },
        schema: {
          tags: ['cards'],
          summary: 'Key targets (重点对象) of a unit ranked by score, with the reasons; masked',
          querystring: TargetQuery,
          response: { 200: TargetPage, ...errorResponses },
        },
      },
      async (request) =>
        listTargets(ctx, requireActor(request), { ...request.query, by: request.query.by ?? 'residence' }),
    );

    app.post(
      '/api/v1/cards/targets/dispatch',
      {
        config: { access: { permission: 'cards.dispatch' } },
        schema: {
          tags: ['cards'],
          summary: 'Dispatch a unit’s key targets as clues (下发) to the units below, in one step',
          body: DispatchBody,
          response: { 201: DispatchResultView, 409: Problem, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await dispatchTargets(ctx, requireActor(request), {
            ...request.body,
            by: request.body.by ?? 'residence',
          }),
        ),
    );

    app.get(
      '/api/v1/cards/progress',
      {
        config: { access: { permission: 'cards.read' } },
        schema: {
          tags: ['cards'],
          summary:
            'Per unit of the subtree: key targets dispatched, answered and caught (from the clues’ feedback)',
          querystring: ProgressQuery,
          response: { 200: ProgressView, ...errorResponses },
        },
      },
      async (request) => dispatchProgress(ctx, requireActor(request), request.query),
    );

    app.post(
      '/api/v1/cards/chain',
      {
        config: { access: { permission: 'cards.write' } },
        schema: {
          tags: ['cards'],
          summary: 'Record a chain role between two persons (organiser, escort, buyer, seller, courier)',
          body: ChainEdgeBody,
          response: { 201: ChainEdgeView, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await recordChainEdge(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/v1/cards/persons/:id/chain',
      {
        config: { access: { permission: 'cards.read' } },
        schema: {
          tags: ['cards'],
          summary: 'A person’s neighbourhood along the chain (both directions, up to `depth` steps); masked',
          params: PersonIdParams,
          querystring: ChainQuery,
          response: { 200: ChainView, ...errorResponses },
        },
      },
      async (request) =>
        chainNeighbourhood(ctx, requireActor(request), request.params.id, request.query.depth),
    );

    app.post(
      '/api/v1/cards/persons/:id/reveal',
      {
        config: { access: { permission: 'cards.reveal' } },
        schema: {
          tags: ['cards'],
          summary: 'A holder’s or chain person’s full name and ID number, with a reason (audited)',
          params: PersonIdParams,
          body: RevealBody,
          response: { 200: PersonRevealed, ...errorResponses },
        },
      },
      async (request) =>
        revealPerson(ctx, requireActor(request), request.params.id, request.body.reason, request.ip),
    );

    app.get(
      '/api/v1/cards/:id',
      {
        config: { access: { permission: 'cards.read' } },
        schema: {
          tags: ['cards'],
          summary: 'One involved card with the cases and money it touched',
          params: CardIdParams,
          response: { 200: CardDetail, ...errorResponses },
        },
      },
      async (request) => getCard(ctx, requireActor(request), request.params.id),
    );
  };
}
