import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import { requireActor } from '../../http/access.js';
import { Problem, errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { addFootprints, removeFootprint, transitionCase } from './changes.js';
import { freezeFootprint } from './freezes.js';
import { importCases, type ImportFormat } from './import.js';
import {
  CaseCreateBody,
  CaseDetail,
  CaseIdParams,
  CaseImportQuery,
  CaseImportResult,
  CasePage,
  CaseQuery,
  CaseRevealed,
  CaseTransitionBody,
  FootprintIdParams,
  FootprintRemoveQuery,
  FootprintsAddBody,
  FreezeBody,
  RevealBody,
} from './schemas.js';
import { createCase, getCase, listCases, revealCase } from './service.js';
import { buildTemplate } from './sheet-template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function caseRoutes(ctx: Context) {
  return async (app: App) => {
    app.post(
      '/api/v1/cases',
      {
        config: { access: { permission: 'cases.write' } },
        schema: {
          tags: ['cases'],
          summary:
            'Take a case with its footprints in one request; each screenable footprint is put on its case list at once (all or nothing)',
          body: CaseCreateBody,
          response: { 201: CaseDetail, 409: Problem, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createCase(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/v1/cases',
      {
        config: { access: { permission: 'cases.read' } },
        schema: {
          tags: ['cases'],
          summary: 'Cases of the caller’s subtree, newest report first; victims masked',
          querystring: CaseQuery,
          response: { 200: CasePage, ...errorResponses },
        },
      },
      async (request) => listCases(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/v1/cases/import-template.xlsx',
      {
        config: { access: { permission: 'cases.read' } },
        schema: {
          tags: ['cases'],
          summary: 'The spreadsheet template of the case import (one row per footprint)',
          response: { 200: { description: 'an xlsx workbook', type: 'string' }, ...errorResponses },
        },
      },
      async (_request, reply) =>
        reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="cases-template.xlsx"; filename*=UTF-8''${encodeURIComponent('案件线索导入模板.xlsx')}`,
          )
          .send((await buildTemplate()) as never),
    );

    app.get(
      '/api/v1/cases/:id',
      {
        config: { access: { permission: 'cases.read' } },
        schema: {
          tags: ['cases'],
          summary: 'One case with its footprints, their intel entries, suspects and status history',
          params: CaseIdParams,
          response: { 200: CaseDetail, ...errorResponses },
        },
      },
      async (request) => getCase(ctx, requireActor(request), request.params.id),
    );

    app.post(
      '/api/v1/cases/:id/reveal',
      {
        config: { access: { permission: 'cases.reveal' } },
        schema: {
          tags: ['cases'],
          summary: 'The victim’s and suspects’ full names, phones and ID numbers, with a reason (audited)',
          params: CaseIdParams,
          body: RevealBody,
          response: { 200: CaseRevealed, ...errorResponses },
        },
      },
      async (request) =>
        revealCase(ctx, requireActor(request), request.params.id, request.body.reason, request.ip),
    );

    app.post(
      '/api/v1/cases/:id/footprints',
      {
        config: { access: { permission: 'cases.write' } },
        schema: {
          tags: ['cases'],
          summary: 'Add footprints to a case; each screenable one is put on its case list at once',
          params: CaseIdParams,
          body: FootprintsAddBody,
          response: { 201: CaseDetail, 409: Problem, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addFootprints(ctx, requireActor(request), request.params.id, request.body.footprints)),
    );

    app.delete(
      '/api/v1/cases/:id/footprints/:fid',
      {
        config: { access: { permission: 'cases.write' } },
        schema: {
          tags: ['cases'],
          summary:
            'Remove a footprint; its entry is withdrawn unless another case still holds the value (then that case becomes its source)',
          params: FootprintIdParams,
          querystring: FootprintRemoveQuery,
          response: { 200: CaseDetail, ...errorResponses },
        },
      },
      async (request) =>
        removeFootprint(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.fid,
          request.query.reason,
        ),
    );

    app.post(
      '/api/v1/cases/:id/footprints/:fid/freezes',
      {
        config: { access: { permission: 'cases.write' } },
        schema: {
          tags: ['cases'],
          summary:
            'Record money frozen (冻结) on an account footprint: amount, time and notice number (audited); the footprint shows the sum',
          params: FootprintIdParams,
          body: FreezeBody,
          response: { 201: CaseDetail, 409: Problem, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await freezeFootprint(
              ctx,
              requireActor(request),
              request.params.id,
              request.params.fid,
              request.body,
            ),
          ),
    );

    app.post(
      '/api/v1/cases/:id/transitions',
      {
        config: { access: { permission: 'cases.write' } },
        schema: {
          tags: ['cases'],
          summary:
            'Move a case along 受理 → 立案 → 侦查 → 破案, or withdraw it (撤案, with a cause; 错案 withdraws its entries)',
          params: CaseIdParams,
          body: CaseTransitionBody,
          response: { 200: CaseDetail, 409: Problem, ...errorResponses },
        },
      },
      async (request) => transitionCase(ctx, requireActor(request), request.params.id, request.body),
    );

    // The upload arrives as a file, not JSON: only this route reads raw bodies.
    await app.register(async (upload: App) => {
      upload.addContentTypeParser(
        [XLSX, 'application/octet-stream', 'text/csv'],
        { parseAs: 'buffer', bodyLimit: ctx.config.bodyLimit },
        (_request, body, done) => done(null, body),
      );
      upload.post(
        '/api/v1/cases/imports',
        {
          config: { access: { permission: 'cases.write' } },
          schema: {
            tags: ['cases'],
            summary:
              'Import cases and footprints from the template (xlsx, or CSV with the same header); all or nothing, errors by row',
            querystring: CaseImportQuery,
            response: { 201: CaseImportResult, 409: Problem, 413: Problem, 415: Problem, ...errorResponses },
          },
        },
        async (request, reply) => {
          const body = request.body;
          if (!Buffer.isBuffer(body) || body.length === 0)
            throw new AppError('validation_failed', 'send the spreadsheet as the request body');
          const format = formatOf(request.query.format, request.headers['content-type'], body);
          return reply.status(201).send(await importCases(ctx, requireActor(request), format, body));
        },
      );
    });
  };
}

/** The format named, else the content type, else the bytes (an xlsx file is a zip: PK…). */
function formatOf(
  named: ImportFormat | undefined,
  contentType: string | undefined,
  body: Buffer,
): ImportFormat {
  if (named) return named;
  if (contentType?.startsWith('text/csv')) return 'csv';
  if (contentType?.startsWith(XLSX)) return 'xlsx';
  return body.subarray(0, 2).toString('latin1') === 'PK' ? 'xlsx' : 'csv';
}
