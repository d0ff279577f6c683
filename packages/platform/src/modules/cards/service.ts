/**
 * Involved cards (涉案卡) as officers read them: the paged and scoped list, one card with the cases and
 * money it touched, and the audited reveal of a holder's (or any chain person's) name and ID number.
 * The cards follow the cases on write (sync.ts); reads never synchronise.
 */
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { getUnit } from '../org/index.js';
import { findVisiblePerson } from './chain.js';
import type { CardKind } from './card-kinds.js';
import { findCard, findCardTouches, findCards } from './store.js';
import type { GroupBy } from './targets-store.js';
import { toCardView } from './views.js';

export interface CardQuery {
  kind?: CardKind;
  unit?: string;
  by?: GroupBy;
  q?: string;
  seenInCases?: boolean;
  holder?: string;
  page: number;
  pageSize: number;
}

export async function listCards(ctx: Context, actor: Actor, query: CardQuery) {
  authorize(actor, 'cards.read');
  const unitPath = query.unit ? (await getUnit(ctx, actor, query.unit)).path : undefined;
  const { rows, total } = await findCards(ctx.db, actor.unitPath, {
    kind: query.kind,
    unitPath,
    by: query.by ?? 'opening',
    numberPrefix: query.q?.replace(/[\s-]/g, '') || undefined,
    seenInCases: query.seenInCases,
    holderId: query.holder,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(toCardView), total, page: query.page, pageSize: query.pageSize };
}

export async function getCard(ctx: Context, actor: Actor, id: string) {
  authorize(actor, 'cards.read');
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findCard(ctx.db, actor.unitPath, id) : undefined;
  if (!row) throw new AppError('not_found', `no involved card ${id} in your part of the org tree`);
  const touches = await findCardTouches(ctx.db, row.id);
  return {
    ...toCardView(row),
    cases: touches.map((touch) => ({
      caseId: touch.case_id,
      unitCode: touch.case_unit_code,
      payments: Number(touch.payments),
      amount: Number(touch.amount),
      firstAt: touch.first_at ? new Date(touch.first_at).toISOString() : null,
      lastAt: touch.last_at ? new Date(touch.last_at).toISOString() : null,
    })),
  };
}

/** A person's full name and ID number, for an officer who gives a reason; every reveal is audited. */
export async function revealPerson(
  ctx: Context,
  actor: Actor,
  personId: string,
  reason: string,
  ip: string | null,
) {
  authorize(actor, 'cards.reveal');
  if (reason.trim().length < 2)
    throw new AppError('validation_failed', 'a reason is required', [
      { field: '/reason', message: 'must not be empty' },
    ]);
  const person = await findVisiblePerson(ctx.db, actor, personId);
  if (!person) throw new AppError('not_found', `no person ${personId} in your part of the org tree`);
  await recordAudit(
    ctx.db,
    actor,
    {
      action: 'personal_data.reveal',
      recordType: 'card_person',
      recordId: person.id,
      reason: reason.trim(),
      ip,
      detail: { fields: ['name', 'idNumber'] },
    },
    ctx.clock.now(),
  );
  return { personId: person.id, name: person.name, idNumber: person.id_number };
}
