import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { Problem, errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { decideAppeal, fileAppeal } from './appeals.js';
import { punishmentDelta } from './deltas.js';
import {
  AppealIdParams,
  CreatedPunishments,
  DecideBody,
  DeltaQuery,
  DeltaView,
  PunishmentBody,
  PunishmentDetail,
  PunishmentIdParams,
  PunishmentPage,
  PunishmentQuery,
  PunishmentRevealed,
  ReasonBody,
} from './schemas.js';
import {
  addPunishments,
  endPunishment,
  getPunishment,
  listPunishments,
  revealPunishment,
} from './service.js';

export function punishmentRoutes(ctx: Context) {
  return async (app: App) => {
    app.get(
      '/api/v1/partner/punishment',
      {
        config: { access: { scope: 'punishment' } },
        schema: {
          tags: ['punishment'],
          summary:
            'The joint-punishment list for banks and carriers: a snapshot without `since`, then the adds and removals since the cursor (JSON, or NDJSON with format=ndjson); full ID numbers, audited',
          security: [{ apiKey: [] }],
          querystring: DeltaQuery,
          response: { 200: DeltaView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const delta = await punishmentDelta(ctx, requireActor(request), request.query);
        reply.header('x-next-cursor', delta.cursor);
        if (request.query.format !== 'ndjson') return delta;
        // One line per change, then the cursor: a partner can apply lines as they come.
        const lines = [
          ...delta.adds.map((add) => JSON.stringify({ op: 'add', ...add })),
          ...delta.removals.map((removal) => JSON.stringify({ op: 'remove', ...removal })),
          JSON.stringify({ op: 'cursor', cursor: delta.cursor, snapshot: delta.snapshot }),
        ];
        return reply
          .header('content-type', 'application/x-ndjson')
          .serializer((payload: unknown) => payload as string)
          .send(`${lines.join('\n')}\n` as never);
      },
    );

    app.get(
      '/api/v1/punishments',
      {
        config: { access: { permission: 'punishment.read' } },
        schema: {
          tags: ['punishment'],
          summary: 'Punishments decided in the caller’s subtree, in force now by default; persons masked',
          querystring: PunishmentQuery,
          response: { 200: PunishmentPage, ...errorResponses },
        },
      },
      async (request) => listPunishments(ctx, requireActor(request), request.query),
    );

    app.post(
      '/api/v1/punishments',
      {
        config: { access: { permission: 'punishment.manage' } },
        schema: {
          tags: ['punishment'],
          summary: 'Put a person under financial and/or telecom punishment for a period (one per measure)',
          body: PunishmentBody,
          response: { 201: CreatedPunishments, 409: Problem, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addPunishments(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/v1/punishments/:id',
      {
        config: { access: { permission: 'punishment.read' } },
        schema: {
          tags: ['punishment'],
          summary: 'One punishment with its appeals',
          params: PunishmentIdParams,
          response: { 200: PunishmentDetail, ...errorResponses },
        },
      },
      async (request) => getPunishment(ctx, requireActor(request), request.params.id),
    );

    app.post(
      '/api/v1/punishments/:id/end',
      {
        config: { access: { permission: 'punishment.manage' } },
        schema: {
          tags: ['punishment'],
          summary: 'End a punishment now, before it expires (提前解除), with a reason',
          params: PunishmentIdParams,
          body: ReasonBody,
          response: { 200: PunishmentDetail, 409: Problem, ...errorResponses },
        },
      },
      async (request) => endPunishment(ctx, requireActor(request), request.params.id, request.body.reason),
    );

    app.post(
      '/api/v1/punishments/:id/reveal',
      {
        config: { access: { permission: 'punishment.reveal' } },
        schema: {
          tags: ['punishment'],
          summary: 'The person’s full name and ID number, with a reason (audited)',
          params: PunishmentIdParams,
          body: ReasonBody,
          response: { 200: PunishmentRevealed, ...errorResponses },
        },
      },
      async (request) =>
        revealPunishment(ctx, requireActor(request), request.params.id, request.body.reason, request.ip),
    );

    app.post(
      '/api/v1/punishments/:id/appeals',
      {
        config: { access: { permission: 'punishment.appeal' } },
        schema: {
          tags: ['punishment'],
          summary: 'File an appeal against a punishment in force or pending (申诉)',
          params: PunishmentIdParams,
          body: ReasonBody,
          response: { 201: PunishmentDetail, 409: Problem, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await fileAppeal(ctx, requireActor(request), request.params.id, request.body.reason)),
    );

    app.post(
      '/api/v1/punishments/:id/appeals/:appealId/decide',
      {
        config: { access: { permission: 'punishment.manage' } },
        schema: {
          tags: ['punishment'],
          summary: 'Decide an appeal: revoke (the punishment ends now) or uphold',
          params: AppealIdParams,
          body: DecideBody,
          response: { 200: PunishmentDetail, 409: Problem, ...errorResponses },
        },
      },
      async (request) =>
        decideAppeal(ctx, requireActor(request), request.params.id, request.params.appealId, request.body),
    );
  };
}
