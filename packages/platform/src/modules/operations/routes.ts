import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import {
  OperationBoard,
  OperationBody,
  OperationDetail,
  OperationIdParams,
  OperationPage,
  OperationQuery,
} from './schemas.js';
import { createOperation, getOperation, listOperations, operationBoard, updateOperation } from './service.js';

export function operationRoutes(ctx: Context) {
  return async (app: App) => {
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
          summary: 'The 集中收网 board: the operation’s dispatched clues and live feedback by unit (poll it)',
          params: OperationIdParams,
          response: { 200: OperationBoard, ...errorResponses },
        },
      },
      async (request) => operationBoard(ctx, requireActor(request), request.params.id),
    );
  };
}
