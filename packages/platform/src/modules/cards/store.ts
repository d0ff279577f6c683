/**
 * Queries on involved cards and their case touches. Which cards an actor sees: those opened in its
 * subtree (开户地), held by someone registered there (户籍地), or touched by a case of its subtree.
 */
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { CardKind } from '../../store/cards-schema.js';
import type { Database } from '../../store/schema.js';

export type Db = Kysely<Database> | Transaction<Database>;

export const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

type CardScope = ExpressionBuilder<Database & { c: Database['involved_cards'] }, 'c'>;

/** The provincial center (or the platform itself) sees every card and person, placed or not. */
export const seesAll = (unitPath: string) => /^[^/]*\/?$/.test(unitPath);

/** The card `c` is visible under the unit path. */
export function cardVisibleUnder(eb: CardScope, unitPath: string) {
  if (seesAll(unitPath)) return sql<boolean>`true`;
  const under = `${escapeLike(unitPath)}%`;
  return eb.or([
    eb.exists(
      eb
        .selectFrom('units as ou')
        .select(sql`1`.as('one'))
        .whereRef('ou.code', '=', 'c.opening_unit_code')
        .where('ou.path', 'like', under),
    ),
    eb.exists(
      eb
        .selectFrom('card_persons as hp')
        .innerJoin('units as hu', 'hu.code', 'hp.residence_unit_code')
        .select(sql`1`.as('one'))
        .whereRef('hp.id', '=', 'c.holder_id')
        .where('hu.path', 'like', under),
    ),
    eb.exists(
      eb
        .selectFrom('card_case_touches as vt')
        .innerJoin('units as tu', 'tu.code', 'vt.case_unit_code')
        .select(sql`1`.as('one'))
        .whereRef('vt.card_id', '=', 'c.id')
        .where('vt.active', '=', true)
        .where('tu.path', 'like', under),
    ),
  ]);
}

export interface CardFilter {
  kind?: CardKind;
  /** Cards opened (by = opening) or held by residents (by = residence) under this unit path. */
  unitPath?: string;
  by?: 'opening' | 'residence';
  /** Prefix of the card number. */
  numberPrefix?: string;
  /** Only cards seen in cases, or only partner-reported ones never seen in a case. */
  seenInCases?: boolean;
  holderId?: string;
  limit: number;
  offset: number;
}

/** Cards with their opening unit, holder, residence and the cases and money they touched. */
export function cardRows(db: Db, actorPath: string) {
  return db
    .selectFrom('involved_cards as c')
    .leftJoin('units as ou', 'ou.code', 'c.opening_unit_code')
    .leftJoin('card_persons as p', 'p.id', 'c.holder_id')
    .leftJoin('units as ru', 'ru.code', 'p.residence_unit_code')
    .where((eb) => cardVisibleUnder(eb, actorPath))
    .select([
      'c.id',
      'c.kind',
      'c.number',
      'c.issuer',
      'c.opening_place',
      'c.opening_unit_code',
      'ou.name as opening_unit_name',
      sql<string | null>`to_char(c.opened_at, 'YYYY-MM-DD')`.as('opened_on'),
      'c.seen_in_cases',
      'c.reported_by',
      'c.first_seen_at',
      'c.updated_at',
      'p.id as holder_id',
      'p.name as holder_name',
      'p.id_number as holder_id_number',
      'p.residence_code',
      'p.residence_unit_code',
      'ru.name as residence_unit_name',
      sql<string>`(SELECT count(DISTINCT t.case_id) FROM card_case_touches t WHERE t.card_id = c.id AND t.active)`.as(
        'case_count',
      ),
      sql<string>`(SELECT coalesce(sum(t.amount), 0) FROM card_case_touches t WHERE t.card_id = c.id AND t.active)`.as(
        'amount',
      ),
    ]);
}

export type CardListRow = Awaited<ReturnType<ReturnType<typeof cardRows>['executeTakeFirstOrThrow']>>;

export async function findCards(db: Db, actorPath: string, filter: CardFilter) {
  let query = cardRows(db, actorPath);
  if (filter.kind) query = query.where('c.kind', '=', filter.kind);
  if (filter.numberPrefix) query = query.where('c.number', 'like', `${escapeLike(filter.numberPrefix)}%`);
  if (filter.seenInCases !== undefined) query = query.where('c.seen_in_cases', '=', filter.seenInCases);
  if (filter.holderId) query = query.where('c.holder_id', '=', filter.holderId);
  if (filter.unitPath !== undefined)
    query = query.where(
      filter.by === 'residence' ? 'ru.path' : 'ou.path',
      'like',
      `${escapeLike(filter.unitPath)}%`,
    );
  const [rows, count] = await Promise.all([
    query
      .orderBy('c.first_seen_at', 'desc')
      .orderBy('c.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findCard(db: Db, actorPath: string, id: string) {
  return cardRows(db, actorPath).where('c.id', '=', id).executeTakeFirst();
}

/** The cases a card touched, with the money per case. */
export function findCardTouches(db: Db, cardId: string) {
  return db
    .selectFrom('card_case_touches as t')
    .select([
      't.case_id',
      't.case_unit_code',
      sql<string>`count(*)`.as('payments'),
      sql<string>`coalesce(sum(t.amount), 0)`.as('amount'),
      sql<Date | null>`min(t.occurred_at)`.as('first_at'),
      sql<Date | null>`max(t.occurred_at)`.as('last_at'),
    ])
    .where('t.card_id', '=', cardId)
    .where('t.active', '=', true)
    .groupBy(['t.case_id', 't.case_unit_code'])
    .orderBy('t.case_id')
    .execute();
}
