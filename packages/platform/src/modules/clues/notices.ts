/** Notices of a unit's clues (to sign, due soon, overdue, escalated, returned): read by anyone of the unit. */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import { actorName, type Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import type { NoticeQuery } from './schemas.js';
import { actingUnit } from './service.js';
import { findNotices, markNoticeRead } from './store.js';

const iso = (value: Date | string) => new Date(value).toISOString();

export async function listNotices(ctx: Context, actor: Actor, query: NoticeQuery) {
  authorize(actor, 'clues.read');
  const unit = await actingUnit(ctx, actor);
  const { rows, total, unread } = await findNotices(ctx.db, unit.code, {
    unread: query.unread,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map((row) => ({
      id: String(row.id),
      unitCode: row.unit_code,
      clueId: row.clue_id,
      clueTitle: row.clue_title,
      kind: row.kind,
      message: row.message,
      createdAt: iso(row.created_at),
      readAt: row.read_at ? iso(row.read_at) : null,
    })),
    total,
    unread,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function readNotice(ctx: Context, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'clues.read');
  const unit = await actingUnit(ctx, actor);
  const marked = await markNoticeRead(ctx.db, unit.code, id, actorName(actor), ctx.clock.now());
  if (!marked) throw new AppError('not_found', `no unread notice ${id} of your unit`);
}
