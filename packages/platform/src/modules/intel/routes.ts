import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { Problem, errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import {
  EntriesAddBody,
  EntryPage,
  EntryQuery,
  EntryRemoveBody,
  HistoryList,
  HistoryQuery,
  IntelListCreateBody,
  IntelListSchema,
  IntelListUpdateBody,
  ListParams,
} from './schemas.js';
import {
  addEntries,
  createList,
  entryHistory,
  listLists,
  removeEntry,
  searchEntries,
  updateList,
} from './service.js';
import { Type } from 'typebox';

export function intelRoutes(ctx: Context) {
  return async (app: App) => {
    app.get(
      '/api/v1/intel/lists',
      {
        config: { access: { permission: 'intel.read' } },
        schema: {
          tags: ['intel'],
          summary: 'Intelligence lists with their entry counts',
          response: { 200: Type.Object({ items: Type.Array(IntelListSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await listLists(ctx, requireActor(request)) }),
    );

    app.post(
      '/api/v1/intel/lists',
      {
        config: { access: { permission: 'intel.write' } },
        schema: {
          tags: ['intel'],
          summary: 'Create a list',
          body: IntelListCreateBody,
          response: { 201: IntelListSchema, 409: Problem, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createList(ctx, requireActor(request), request.body)),
    );

    app.patch(
      '/api/v1/intel/lists/:list',
      {
        config: { access: { permission: 'intel.write' } },
        schema: {
          tags: ['intel'],
          summary: 'Change a list’s title, description or fraud type (lists of the caller’s subtree)',
          params: ListParams,
          body: IntelListUpdateBody,
          response: { 200: IntelListSchema, ...errorResponses },
        },
      },
      async (request) => updateList(ctx, requireActor(request), request.params.list, request.body),
    );

    app.post(
      '/api/v1/intel/lists/:list/entries',
      {
        config: { access: { permission: 'intel.write' } },
        schema: {
          tags: ['intel'],
          summary: 'Add (or replace) entries; all or nothing, every bad value named',
          params: ListParams,
          body: EntriesAddBody,
          response: { 200: Type.Object({ added: Type.Integer() }), 413: Problem, ...errorResponses },
        },
      },
      async (request) => addEntries(ctx, requireActor(request), request.params.list, request.body.entries),
    );

    app.post(
      '/api/v1/intel/lists/:list/entries/remove',
      {
        config: { access: { permission: 'intel.write' } },
        schema: {
          tags: ['intel'],
          summary: 'Withdraw an entry, with a reason',
          params: ListParams,
          body: EntryRemoveBody,
          response: { 200: Type.Object({ removed: Type.Integer() }), ...errorResponses },
        },
      },
      async (request) => removeEntry(ctx, requireActor(request), request.params.list, request.body),
    );

    app.get(
      '/api/v1/intel/entries',
      {
        config: { access: { permission: 'intel.read' } },
        schema: {
          tags: ['intel'],
          summary: 'Search entries, paged on the server',
          querystring: EntryQuery,
          response: { 200: EntryPage, ...errorResponses },
        },
      },
      async (request) => searchEntries(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/v1/intel/history',
      {
        config: { access: { permission: 'intel.read' } },
        schema: {
          tags: ['intel'],
          summary: 'Change history of a normalised value (who, when, why)',
          querystring: HistoryQuery,
          response: { 200: HistoryList, ...errorResponses },
        },
      },
      async (request) => ({ items: await entryHistory(ctx, requireActor(request), request.query.value) }),
    );
  };
}
