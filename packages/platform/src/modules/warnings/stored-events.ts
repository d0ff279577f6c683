/**
 * Reading the stored events (the events module's `events` table, read only) back as the events the
 * handler saw: to rebuild the correlator's windows at start, for backtests, and for the timeline of
 * a firing whose earlier signals this process no longer remembers. Pages by (at, id), so a day of
 * events is never held at once.
 */
import type { EventKind } from '@fanzha/engine';
import type { Db } from './store.js';
import type { EventForSignal } from './enrich.js';

const PAGE = 5_000;

interface EventRowLike {
  id: string;
  kind: string;
  at: Date | string;
  phone: string;
  id_number: string | null;
  evidence: unknown;
}

const toEvent = (row: EventRowLike): EventForSignal => ({
  id: row.id,
  kind: row.kind as EventKind,
  at: new Date(row.at),
  phone: row.phone,
  idNumber: row.id_number,
  evidence: (typeof row.evidence === 'string' ? JSON.parse(row.evidence) : row.evidence) as Record<
    string,
    unknown
  >,
});

/** Events with `from <= at < to`, in time order, a page at a time. */
export async function* storedEvents(db: Db, from: Date, to: Date): AsyncGenerator<EventForSignal[]> {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    let query = db
      .selectFrom('events')
      .select(['id', 'kind', 'at', 'phone', 'id_number', 'evidence'])
      .where('at', '>=', from)
      .where('at', '<', to);
    if (after) {
      const { at, id } = after;
      query = query.where((eb) => eb.or([eb('at', '>', at), eb.and([eb('at', '=', at), eb('id', '>', id)])]));
    }
    const rows = await query.orderBy('at').orderBy('id').limit(PAGE).execute();
    if (rows.length === 0) return;
    const events = rows.map(toEvent);
    yield events;
    if (rows.length < PAGE) return;
    const last = events[events.length - 1]!;
    after = { at: last.at, id: last.id };
  }
}

export async function findStoredEvents(db: Db, ids: readonly string[]): Promise<EventForSignal[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('events')
    .select(['id', 'kind', 'at', 'phone', 'id_number', 'evidence'])
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(toEvent);
}

/** A person's events since `from` (besides `exceptId`), oldest first: the windows of one person. */
export async function findPersonEvents(
  db: Db,
  phone: string,
  from: Date,
  exceptId: string,
): Promise<EventForSignal[]> {
  const rows = await db
    .selectFrom('events')
    .select(['id', 'kind', 'at', 'phone', 'id_number', 'evidence'])
    .where('phone', '=', phone)
    .where('at', '>=', from)
    .where('id', '!=', exceptId)
    .orderBy('at')
    .limit(1_000)
    .execute();
  return rows.map(toEvent);
}

/** The resident ID the latest event of a phone that had one gave (a bank's), or null. */
export async function findKnownIdNumber(db: Db, phone: string): Promise<string | null> {
  const row = await db
    .selectFrom('events')
    .select('id_number')
    .where('phone', '=', phone)
    .where('id_number', 'is not', null)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id_number ?? null;
}

/** Whether the event's row is visible outside its transaction: the handler's work has committed. */
export async function isEventStored(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('events').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
