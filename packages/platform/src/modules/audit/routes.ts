import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { AuditPage, AuditQuery } from './schemas.js';
import { listAudit } from './service.js';

export function auditRoutes(ctx: Context) {
  return async (app: App) => {
    app.get(
      '/api/v1/audit',
      {
        config: { access: { permission: 'audit.read' } },
        schema: {
          tags: ['audit'],
          summary: 'The audit log of the caller’s subtree, newest first, paged and filtered on the server',
          querystring: AuditQuery,
          response: { 200: AuditPage, ...errorResponses },
        },
      },
      async (request) => {
        const q = request.query;
        return listAudit(ctx, requireActor(request), {
          ...q,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
        });
      },
    );
  };
}
