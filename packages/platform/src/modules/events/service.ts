/** Reading the dead letters: analysts and admins see those of API keys in their subtree. */
import type { Context } from '../../context.js';
import type { Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { findDeadLetters } from './store.js';

export interface DeadLetterView {
  id: string;
  eventId: string | null;
  stage: 'validation' | 'handler';
  reason: string;
  payload: unknown;
  source: string;
  receivedAt: string;
}

export async function listDeadLetters(
  ctx: Context,
  actor: Actor,
  query: { page: number; pageSize: number },
): Promise<{ items: DeadLetterView[]; total: number; page: number; pageSize: number }> {
  authorize(actor, 'events.read');
  // Events from the bus carry no unit: only the top of the tree (or the platform itself) sees them.
  const seesUnitless = actor.type === 'system' || actor.unitPath.split('/').filter(Boolean).length === 1;
  const { rows, total } = await findDeadLetters(
    ctx.db,
    { unitPath: actor.unitPath, seesUnitless },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      stage: row.stage,
      reason: row.reason,
      payload: row.payload,
      source: row.source,
      receivedAt: row.received_at.toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
