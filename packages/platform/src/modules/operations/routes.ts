import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import {
  BoardStreamQuery,
  OperationBoard,
  OperationBody,
  OperationDetail,
  OperationIdParams,
  OperationPage,
  OperationQuery,
} from './schemas.js';
import {
  createOperation,
  getOperation,
  listOperations,
  operationBoard,
  requireOperation,
  updateOperation,
} from './service.js';
import { OperationStreams } from './stream.js';

export function operationRoutes(ctx: Context, options: { heartbeatMs?: number } = {}) {
  return async (app: App) => {
    const streams = new OperationStreams(ctx, options.heartbeatMs);
    await streams.start();
    // Open streams would hold the server's close (it waits for its connections) until they time out.
    app.addHook('preClose', async () => streams.closeAll());
    app.addHook('onClose', () => streams.stop());

    app.post(
      '/api/v1/operations',
      {
        config: { access: { permission: 'operations.manage' } },
        schema: {
          tags: ['operations'],
          summary:
            'Start a special operation (专项行动): name, window, focus, participating units and their targets',
          body: OperationBody,
          response: { 201: OperationDetail, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createOperation(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/v1/operations',
      {
        config: { access: { permission: 'operations.read' } },
        schema: {
          tags: ['operations'],
          summary:
            'Operations on the caller’s line of the tree (organised above, at or below its unit), newest first',
          querystring: OperationQuery,
          response: { 200: OperationPage, ...errorResponses },
        },
      },
      async (request) => listOperations(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/v1/operations/:id',
      {
        config: { access: { permission: 'operations.read' } },
        schema: {
          tags: ['operations'],
          summary:
            'One operation with its figures by unit, computed from the cases, clues and feedback of its window and scope',
          params: OperationIdParams,
          response: { 200: OperationDetail, ...errorResponses },
        },
      },
      async (request) => getOperation(ctx, requireActor(request), request.params.id),
    );

    app.put(
      '/api/v1/operations/:id',
      {
        config: { access: { permission: 'operations.manage' } },
        schema: {
          tags: ['operations'],
          summary: 'Change an operation’s name, window, focus, units and targets',
          params: OperationIdParams,
          body: OperationBody,
          response: { 200: OperationDetail, ...errorResponses },
        },
      },
      async (request) => updateOperation(ctx, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/operations/:id/board',
      {
        config: { access: { permission: 'operations.read' } },
        schema: {
          tags: ['operations'],
          summary:
            'The 集中收网 board: the operation’s dispatched clues and the latest feedback by unit (live changes: /stream)',
          params: OperationIdParams,
          response: { 200: OperationBoard, ...errorResponses },
        },
      },
      async (request) => operationBoard(ctx, requireActor(request), request.params.id),
    );

    app.get(
      '/api/v1/operations/:id/stream',
      {
        config: { access: { permission: 'operations.read' } },
        schema: {
          tags: ['operations'],
          summary:
            'Server-sent events: `clue` (a step of one of the operation’s clues: dispatch, sign, feedback, transfer, return) as it is taken',
          params: OperationIdParams,
          querystring: BoardStreamQuery,
          produces: ['text/event-stream'],
        },
      },
      async (request, reply) => {
        const operation = await requireOperation(ctx, requireActor(request), request.params.id);
        const { maxSeconds } = request.query;
        streams.serve(request, reply, operation.id, {
          maxMs: maxSeconds === undefined ? null : maxSeconds * 1000,
        });
      },
    );
  };
}
