import { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { Context } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { requireActor } from '../../../http/access.js';
import { errorResponses, IsoDateTime, Problem } from '../../../http/schemas.js';
import type { App } from '../../../http/types.js';
import { findList } from '../store.js';
import { exportList } from './export.js';
import type { ImportJobs } from './jobs.js';

const Format = Type.Union([Type.Literal('csv'), Type.Literal('ndjson'), Type.Literal('stix')]);

export const ImportJobSchema = Type.Object(
  {
    id: Type.String(),
    list: Type.String(),
    format: Format,
    status: Type.Union([Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed')]),
    /** While running: `reading` the file (bytesRead of totalBytes), then `writing` (written of rowsRead). */
    phase: Type.Union([Type.Literal('reading'), Type.Literal('writing')]),
    bytesRead: Type.Integer(),
    totalBytes: Type.Union([Type.Integer(), Type.Null()]),
    rowsRead: Type.Integer(),
    /** Good rows merged into the list so far; all of them once the job has succeeded. */
    written: Type.Integer(),
    added: Type.Integer(),
    errorCount: Type.Integer(),
    /** The first 1,000 bad rows with their line (CSV, NDJSON) or object (STIX) numbers. */
    errors: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() })),
    startedAt: IsoDateTime,
    finishedAt: Type.Union([IsoDateTime, Type.Null()]),
    message: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'ImportJob' },
);

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson',
  stix: 'application/stix+json;version=2.1',
};
const EXTENSIONS: Record<string, string> = { csv: 'csv', ndjson: 'ndjson', stix: 'json' };

export function transferRoutes(ctx: Context, jobs: ImportJobs) {
  return async (app: App) => {
    // The upload is streamed to disk whatever its type: no parser may buffer it.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    app.post(
      '/api/v1/intel/imports',
      {
        config: { access: { permission: 'intel.write' } },
        schema: {
          tags: ['intel'],
          summary:
            'Import a CSV, NDJSON or STIX 2.1 file into a list (all or nothing); answers once the upload is stored, then poll the job',
          querystring: Type.Object(
            { list: Type.String({ maxLength: 100 }), format: Format },
            { additionalProperties: false },
          ),
          response: { 202: ImportJobSchema, 413: Problem, ...errorResponses },
        },
      },
      async (request, reply) => {
        const body = request.body as Readable | undefined;
        if (!body || typeof (body as Readable).pipe !== 'function')
          throw new AppError('validation_failed', 'send the file as the request body');
        const declared = request.headers['content-length'] ? Number(request.headers['content-length']) : null;
        const job = await jobs.start(requireActor(request), {
          list: request.query.list,
          format: request.query.format,
          body,
          declaredBytes: declared,
        });
        return reply.status(202).send(job);
      },
    );

    app.get(
      '/api/v1/intel/imports',
      {
        config: { access: { permission: 'intel.read' } },
        schema: {
          tags: ['intel'],
          summary: 'Recent imports, newest first',
          response: { 200: Type.Object({ items: Type.Array(ImportJobSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await jobs.recent(requireActor(request)) }),
    );

    app.get(
      '/api/v1/intel/imports/:id',
      {
        config: { access: { permission: 'intel.read' } },
        schema: {
          tags: ['intel'],
          summary: 'One import with its progress and bad rows',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          response: { 200: ImportJobSchema, ...errorResponses },
        },
      },
      async (request) => jobs.get(requireActor(request), request.params.id),
    );

    app.get(
      '/api/v1/intel/lists/:list/export',
      {
        config: { access: { permission: 'intel.read' } },
        schema: {
          tags: ['intel'],
          summary: 'Export a list as CSV, NDJSON or a STIX 2.1 bundle (streamed)',
          params: Type.Object({ list: Type.String({ maxLength: 100 }) }),
          querystring: Type.Object({ format: Type.Optional(Format) }, { additionalProperties: false }),
          response: { 200: { description: 'the list as a file', type: 'string' }, ...errorResponses },
        },
      },
      async (request, reply) => {
        const format = request.query.format ?? 'csv';
        const actor = requireActor(request);
        if (!(await findList(ctx.db, request.params.list)))
          throw new AppError('not_found', `no list ${request.params.list}`);
        const stream = Readable.from(exportList(ctx, actor, request.params.list, format));
        return reply
          .type(CONTENT_TYPES[format]!)
          .header(
            'content-disposition',
            `attachment; filename="${request.params.list}.${EXTENSIONS[format]}"`,
          )
          .send(stream as never);
      },
    );
  };
}
