/** Queries on `events` and `event_dead_letters`. Dead letters are read within the actor's subtree. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { EventDeadLetterRow } from '../../store/events-schema.js';
import type { AcceptedEvent } from './contract.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Inserts the events that are new; returns the ids inserted (the others were already there). */
export async function insertNewEvents(db: Db, events: readonly AcceptedEvent[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = await db
    .insertInto('events')
    .values(
      events.map((event) => ({
        id: event.id,
        kind: event.kind,
        at: event.at,
        phone: event.phone,
        id_number: event.idNumber,
        evidence: JSON.stringify(event.evidence),
        received_at: event.receivedAt,
        source: event.source,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Which of `ids` the store already holds. */
export async function existingEventIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += 1_000) {
    const rows = await db
      .selectFrom('events')
      .select('id')
      .where('id', 'in', ids.slice(start, start + 1_000))
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

export interface DeadLetter {
  eventId: string | null;
  stage: 'validation' | 'handler';
  reason: string;
  payload: unknown;
  source: string;
  unitCode: string | null;
  receivedAt: Date;
}

/** jsonb refuses the NUL character; a dead letter keeps everything else of what was sent. */
const storableJson = (value: unknown): string =>
  (JSON.stringify(value === undefined ? null : value) ?? 'null').replace(/(?<!\\)\\u0000/g, '\\ufffd');

export async function insertDeadLetters(db: Db, letters: readonly DeadLetter[]): Promise<void> {
  for (let start = 0; start < letters.length; start += 1_000) {
    await db
      .insertInto('event_dead_letters')
      .values(
        letters.slice(start, start + 1_000).map((letter) => ({
          event_id: letter.eventId,
          stage: letter.stage,
          reason: letter.reason.slice(0, 2_000),
          payload: storableJson(letter.payload),
          source: letter.source,
          unit_code: letter.unitCode,
          received_at: letter.receivedAt,
        })),
      )
      .execute();
  }
}

/**
 * Who may read which dead letters: those of API keys in the actor's subtree; those without a unit
 * (from the bus) only from the top of the tree.
 */
export interface DeadLetterScope {
  unitPath: string;
  seesUnitless: boolean;
}

export async function findDeadLetters(
  db: Db,
  scope: DeadLetterScope,
  page: { limit: number; offset: number },
): Promise<{ rows: EventDeadLetterRow[]; total: number }> {
  const query = db
    .selectFrom('event_dead_letters')
    .leftJoin('units', 'units.code', 'event_dead_letters.unit_code')
    .where((eb) =>
      scope.seesUnitless
        ? eb.or([
            eb('units.path', 'like', `${scope.unitPath}%`),
            eb('event_dead_letters.unit_code', 'is', null),
          ])
        : eb('units.path', 'like', `${scope.unitPath}%`),
    );
  const [rows, count] = await Promise.all([
    query
      .selectAll('event_dead_letters')
      .orderBy('event_dead_letters.received_at', 'desc')
      .orderBy('event_dead_letters.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
