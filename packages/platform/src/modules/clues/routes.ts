import { Type } from 'typebox';
import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { Problem, errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { clueFigures } from './figures.js';
import { feedbackClue, noteClue, signClue, transferClue } from './flow.js';
import { listNotices, readNotice } from './notices.js';
import {
  ClueDetail,
  ClueFigures,
  ClueIdParams,
  CluePage,
  ClueQuery,
  DispatchBody,
  DispatchResult,
  FeedbackBody,
  FiguresQuery,
  NoteBody,
  NoticeIdParams,
  NoticePage,
  NoticeQuery,
  ProvinceUnit,
  TransferBody,
} from './schemas.js';
import { dispatchClues, getClue, listClues, listProvinceUnits } from './service.js';

export function clueRoutes(ctx: Context) {
  return async (app: App) => {
    app.post(
      '/api/v1/clues',
      {
        config: { access: { permission: 'clues.dispatch' } },
        schema: {
          tags: ['clues'],
          summary: 'Dispatch clues (下发) from the caller’s unit to units below it; all or nothing',
          body: DispatchBody,
          response: { 201: DispatchResult, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send({ items: await dispatchClues(ctx, requireActor(request), request.body.clues) }),
    );

    app.get(
      '/api/v1/clues',
      {
        config: { access: { permission: 'clues.read' } },
        schema: {
          tags: ['clues'],
          summary:
            'The inbox (held by the caller’s subtree) or outbox (sent by it): open first, by priority and deadline',
          querystring: ClueQuery,
          response: { 200: CluePage, ...errorResponses },
        },
      },
      async (request) => listClues(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/v1/clues/figures',
      {
        config: { access: { permission: 'clues.read' } },
        schema: {
          tags: ['clues'],
          summary:
            'Completion and result rates of clues by unit: the unit itself and each child with its subtree',
          querystring: FiguresQuery,
          response: { 200: ClueFigures, ...errorResponses },
        },
      },
      async (request) => clueFigures(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/v1/clues/notices',
      {
        config: { access: { permission: 'clues.read' } },
        schema: {
          tags: ['clues'],
          summary: 'Notices of the caller’s unit: clues to sign, due soon, overdue, escalated, returned',
          querystring: NoticeQuery,
          response: { 200: NoticePage, ...errorResponses },
        },
      },
      async (request) => listNotices(ctx, requireActor(request), request.query),
    );

    app.post(
      '/api/v1/clues/notices/:id/read',
      {
        config: { access: { permission: 'clues.read' } },
        schema: {
          tags: ['clues'],
          summary: 'Mark a notice of the caller’s unit read',
          params: NoticeIdParams,
          response: { 204: { type: 'null' }, ...errorResponses },
        },
      },
      async (request, reply) => {
        await readNotice(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/clues/units',
      {
        config: { access: { permission: 'clues.work' } },
        schema: {
          tags: ['clues'],
          summary: 'Every unit of the province (code, name): where a clue that is not ours may belong',
          response: { 200: Type.Array(ProvinceUnit), ...errorResponses },
        },
      },
      async (request) => listProvinceUnits(ctx, requireActor(request)),
    );

    app.get(
      '/api/v1/clues/:id',
      {
        config: { access: { permission: 'clues.read' } },
        schema: {
          tags: ['clues'],
          summary:
            'One clue with its entities, every hop (who, when, from where to where, why) and what the caller may do',
          params: ClueIdParams,
          response: { 200: ClueDetail, ...errorResponses },
        },
      },
      async (request) => getClue(ctx, requireActor(request), request.params.id),
    );

    app.post(
      '/api/v1/clues/:id/sign',
      {
        config: { access: { permission: 'clues.work' } },
        schema: {
          tags: ['clues'],
          summary: 'Sign for a clue (签收): the holding unit takes it',
          params: ClueIdParams,
          response: { 200: ClueDetail, 409: Problem, ...errorResponses },
        },
      },
      async (request) => signClue(ctx, requireActor(request), request.params.id),
    );

    app.post(
      '/api/v1/clues/:id/notes',
      {
        config: { access: { permission: 'clues.work' } },
        schema: {
          tags: ['clues'],
          summary: 'A work note on an open clue, by the holding unit or a unit above it (督办)',
          params: ClueIdParams,
          body: NoteBody,
          response: { 200: ClueDetail, 409: Problem, ...errorResponses },
        },
      },
      async (request) => noteClue(ctx, requireActor(request), request.params.id, request.body.text),
    );

    app.post(
      '/api/v1/clues/:id/feedback',
      {
        config: { access: { permission: 'clues.work' } },
        schema: {
          tags: ['clues'],
          summary:
            'Feedback (反馈) of the holding unit: 属实, 已抓获 with the number caught, 查无此人 close it; 不属本辖区 sends it to the right unit through the common parent',
          params: ClueIdParams,
          body: FeedbackBody,
          response: { 200: ClueDetail, 409: Problem, ...errorResponses },
        },
      },
      async (request) => feedbackClue(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/clues/:id/transfer',
      {
        config: { access: { permission: 'clues.work' } },
        schema: {
          tags: ['clues'],
          summary:
            'Transfer (转派) an open clue to a unit of the caller’s subtree: by the holder, or a unit above it',
          params: ClueIdParams,
          body: TransferBody,
          response: { 200: ClueDetail, 409: Problem, ...errorResponses },
        },
      },
      async (request) => transferClue(ctx, requireActor(request), request.params.id, request.body),
    );
  };
}
