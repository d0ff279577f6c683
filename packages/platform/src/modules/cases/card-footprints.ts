/**
 * The footprints the two-card analysis (modules/cards) reads: accounts that received money and mobile
 * numbers that called or texted, with their case's unit and whether they still count (active, and the
 * case not withdrawn as a mistake). The cards module never touches the cases' tables itself: it is
 * told of each change on write (`onCardFootprints`: a listener called inside the transaction that
 * adds or removes footprints, so the cards follow the case or neither is saved), and reads from a
 * watermark (`findCardFootprints`) only to catch up with what was written while it was not listening.
 */
import { sql } from 'kysely';
import type { Db } from './store.js';

export interface CardFootprint {
  id: string;
  caseId: string;
  caseUnitCode: string;
  kind: 'number' | 'sms' | 'account';
  accountKind: string | null;
  value: string;
  amount: string | null;
  occurredAt: Date | null;
  /** false once the footprint is removed or its case is withdrawn as a mistake (错案). */
  active: boolean;
  /** The latest of the footprint's and its case's changes: the reader's next watermark. */
  changedAt: Date;
}

/** Account kinds that are cards in the two-card sense (bank cards, corporate and payment accounts). */
const CARD_ACCOUNT_KINDS = ['bank_card', 'corporate_account', 'alipay', 'wechat_pay'];

/** Called inside the writing transaction with the card footprints of the cases it changed. */
export type CardFootprintListener = (tx: Db, footprints: CardFootprint[], now: Date) => Promise<void>;

/**
 * The listeners of this process. A listener is a stateless function of the transaction, so one
 * registered by any platform built in the process serves all of them; registering twice is once.
 */
const listeners = new Set<CardFootprintListener>();

export function onCardFootprints(listener: CardFootprintListener): void {
  listeners.add(listener);
}

/** Tells the listeners about the card footprints of the cases (all of them: a case has few). */
export async function cardFootprintsChanged(tx: Db, caseIds: string[], now: Date): Promise<void> {
  if (listeners.size === 0 || caseIds.length === 0) return;
  const footprints = await cardFootprintRows(tx)
    .where('f.case_id', 'in', caseIds)
    .orderBy('f.id')
    .execute()
    .then((rows) => rows.map(toCardFootprint));
  if (footprints.length === 0) return;
  for (const listener of listeners) await listener(tx, footprints, now);
}

/**
 * The card footprints of the cases as they stand, with the cases' rows locked (FOR SHARE) until the
 * transaction ends: a reader catching up writes what it read before any change of those cases (which
 * locks the case row) can commit, so it never writes back an older state over a newer one.
 */
export async function lockCardFootprintsOfCases(tx: Db, caseIds: string[]): Promise<CardFootprint[]> {
  if (caseIds.length === 0) return [];
  await tx.selectFrom('cases').select('id').where('id', 'in', caseIds).forShare().execute();
  const rows = await cardFootprintRows(tx).where('f.case_id', 'in', caseIds).orderBy('f.id').execute();
  return rows.map(toCardFootprint);
}

/** Where a reader stopped: the change time and footprint id of the last footprint it read. */
export interface CardFootprintCursor {
  changedAt: Date;
  id: string;
}

const changedAt = sql<Date>`greatest(f.created_at, coalesce(f.removed_at, f.created_at), c.updated_at)`;

function cardFootprintRows(db: Db) {
  return db
    .selectFrom('case_footprints as f')
    .innerJoin('cases as c', 'c.id', 'f.case_id')
    .select([
      'f.id',
      'f.case_id',
      'c.unit_code',
      'f.kind',
      'f.account_kind',
      'f.value',
      'f.amount',
      'f.occurred_at',
      sql<boolean>`f.status = 'active' AND NOT EXISTS (
        SELECT 1 FROM case_transitions t
        WHERE t.case_id = c.id AND t.to_status = 'withdrawn' AND t.cause = 'mistake')`.as('active'),
      changedAt.as('changed_at'),
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('f.kind', '=', 'account'), eb('f.account_kind', 'in', CARD_ACCOUNT_KINDS)]),
        eb.and([eb('f.kind', 'in', ['number', 'sms']), eb('f.value', 'like', '+861%')]),
      ]),
    );
}

type CardFootprintRow = Awaited<ReturnType<ReturnType<typeof cardFootprintRows>['executeTakeFirstOrThrow']>>;

const toCardFootprint = (row: CardFootprintRow): CardFootprint => ({
  id: String(row.id),
  caseId: row.case_id,
  caseUnitCode: row.unit_code,
  kind: row.kind as CardFootprint['kind'],
  accountKind: row.account_kind,
  value: row.value,
  amount: row.amount,
  occurredAt: row.occurred_at,
  active: Boolean(row.active),
  changedAt: new Date(row.changed_at),
});

/**
 * Card footprints whose footprint or case changed after `after` (all of them when null), in order of
 * change then id, at most `limit`. Numbers count only as mainland mobiles (+861…): SIM cards.
 */
export async function findCardFootprints(
  db: Db,
  after: CardFootprintCursor | null,
  limit: number,
): Promise<CardFootprint[]> {
  let query = cardFootprintRows(db);
  if (after)
    query = query.where(sql<boolean>`(${changedAt}, f.id) > (${after.changedAt}, ${after.id}::bigint)`);
  const rows = await query.orderBy(changedAt).orderBy('f.id').limit(limit).execute();
  return rows.map(toCardFootprint);
}
