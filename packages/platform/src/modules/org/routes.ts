import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { UnitList } from './schemas.js';
import { listUnits } from './service.js';

export function orgRoutes(ctx: Context) {
  return async (app: App) => {
    app.get(
      '/api/v1/units',
      {
        config: { access: { permission: 'units.read' } },
        schema: {
          tags: ['org'],
          summary: "The caller's subtree of the org tree, parents before children",
          response: { 200: UnitList, ...errorResponses },
        },
      },
      async (request) => ({ items: await listUnits(ctx, requireActor(request)) }),
    );
  };
}
