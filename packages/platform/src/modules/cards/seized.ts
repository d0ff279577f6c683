/**
 * Cards seized (缴获) for the special operations' figures: the involved cards whose holder, or the
 * seller (贩卖) recorded above that holder in the chain, was caught — a key target dispatched from
 * this module whose clue came back 已抓获 within the window, held under the unit's subtree. Each card
 * counts once per subtree however many of its people were caught. Read-only; the clues are read
 * through the clues module's `cluesFromSource`.
 */
import type { Context } from '../../context.js';
import { cluesFromSource } from '../clues/index.js';
import { CLUE_SOURCE_KIND } from './dispatch.js';

export interface SeizedCardFilter {
  /** Materialised paths of the units whose subtrees count (each answered separately). */
  paths: string[];
  /** Caught at or after `from` and before `to` (the time of the 已抓获 feedback). */
  from: Date;
  to: Date;
}

/** Cards seized under each path: the number of distinct cards, keyed by path. */
export async function countSeizedCards(ctx: Context, filter: SeizedCardFilter): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const path of new Set(filter.paths)) {
    const caught = await cluesFromSource(ctx, {
      sourceKind: CLUE_SOURCE_KIND,
      underPath: path,
      result: 'caught',
      completedFrom: filter.from,
      completedTo: filter.to,
    });
    const persons = [...new Set(caught.map((clue) => clue.sourceId))].filter((id) =>
      /^[0-9a-f-]{36}$/.test(id),
    );
    counts.set(path, persons.length === 0 ? 0 : await countCardsOf(ctx, persons));
  }
  return counts;
}

/** Distinct cards held by the persons, or by someone they are recorded as the seller of. */
async function countCardsOf(ctx: Context, persons: string[]): Promise<number> {
  const row = await ctx.db
    .selectFrom('involved_cards as c')
    .select((eb) => eb.fn.count<string>('c.id').distinct().as('n'))
    .where((eb) =>
      eb.or([
        eb('c.holder_id', 'in', persons),
        eb(
          'c.holder_id',
          'in',
          eb
            .selectFrom('card_chain_edges as e')
            .select('e.to_person')
            .where('e.role', '=', 'seller')
            .where('e.from_person', 'in', persons),
        ),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
