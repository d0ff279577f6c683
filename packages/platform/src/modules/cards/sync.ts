/**
 * Keeps the involved cards in step with the cases: every account and mobile-number footprint becomes
 * (or touches) an involved card, with its case, unit and amount; a removed footprint or a case closed
 * as a mistake stops counting. On write: `followCaseFootprints` registers `applyCaseFootprints` with
 * the cases module, which calls it inside each transaction that adds or removes footprints. Reads of
 * the cards never synchronise. `syncCaseCards` catches up (at start) with what was written while no
 * platform listened (one-shot tools, older data), from a watermark. Idempotent: the same footprint
 * twice writes the same rows.
 */
import { sql } from 'kysely';
import type { Context } from '../../context.js';
import {
  findCardFootprints,
  lockCardFootprintsOfCases,
  onCardFootprints,
  type CardFootprint,
  type CardFootprintCursor,
} from '../cases/index.js';
import { cardOfFootprint } from './card-kinds.js';
import type { Db } from './store.js';

const SOURCE = 'cases';
const BATCH = 2_000;
/**
 * How far before the watermark a run starts reading again: a footprint saved in a transaction that
 * committed after a later one was read carries an earlier time, and must not be skipped.
 */
const OVERLAP_MS = 5 * 60_000;

/** Per store: the run in progress and the one queued behind it. */
const runs = new WeakMap<object, { running: Promise<number> | null; queued: Promise<number> | null }>();

/**
 * Brings the cards up to date with the cases' footprints; answers how many footprints were read.
 * Concurrent callers share runs: one arriving during a run waits for the next one (which starts after
 * it arrived, so it sees what that caller wrote), and all who arrive meanwhile share that next run.
 */
export function syncCaseCards(ctx: Context): Promise<number> {
  const state = runs.get(ctx.db) ?? { running: null, queued: null };
  runs.set(ctx.db, state);
  if (!state.running) {
    state.running = syncOnce(ctx).finally(() => {
      state.running = null;
    });
    return state.running;
  }
  state.queued ??= state.running
    .catch(() => 0)
    .then(() => {
      state.queued = null;
      return syncCaseCards(ctx);
    });
  return state.queued;
}

async function syncOnce(ctx: Context): Promise<number> {
  const state = await ctx.db
    .selectFrom('card_sync_state')
    .select('watermark')
    .where('source', '=', SOURCE)
    .executeTakeFirst();
  let after: CardFootprintCursor | null = state
    ? { changedAt: new Date(new Date(state.watermark).getTime() - OVERLAP_MS), id: '0' }
    : null;
  let read = 0;
  let latest: Date | null = null;
  for (;;) {
    const footprints = await findCardFootprints(ctx.db, after, BATCH);
    if (footprints.length === 0) break;
    const caseIds = [...new Set(footprints.map((footprint) => footprint.caseId))];
    await ctx.db
      .transaction()
      .execute(async (tx) =>
        applyCaseFootprints(tx, await lockCardFootprintsOfCases(tx, caseIds), ctx.clock.now()),
      );
    read += footprints.length;
    const last = footprints[footprints.length - 1]!;
    after = { changedAt: last.changedAt, id: last.id };
    latest = last.changedAt;
    if (footprints.length < BATCH) break;
  }
  if (latest)
    await ctx.db
      .insertInto('card_sync_state')
      .values({ source: SOURCE, watermark: latest })
      .onConflict((oc) =>
        oc.column('source').doUpdateSet({
          watermark: sql`greatest(card_sync_state.watermark, excluded.watermark)`,
        }),
      )
      .execute();
  return read;
}

/** From now on, the cards follow every footprint change of the cases in the same transaction. */
export function followCaseFootprints(): void {
  onCardFootprints(applyCaseFootprints);
}

/** Upserts the cards of the footprints and one touch per footprint (active or not, as it stands). */
export async function applyCaseFootprints(tx: Db, footprints: CardFootprint[], now: Date): Promise<void> {
  const cards = new Map<string, { kind: string; number: string; issuer: string | null }>();
  const touches: { footprint: CardFootprint; key: string }[] = [];
  for (const footprint of footprints) {
    const card = cardOfFootprint(footprint);
    if (!card) continue;
    const key = `${card.kind} ${card.number}`;
    cards.set(key, card);
    touches.push({ footprint, key });
  }
  if (cards.size === 0) return;
  const saved = await tx
    .insertInto('involved_cards')
    .values(
      [...cards.values()].map((card) => ({
        kind: card.kind as 'sim',
        number: card.number,
        issuer: card.issuer,
        seen_in_cases: true,
        first_seen_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['kind', 'number']).doUpdateSet({
        seen_in_cases: true,
        issuer: sql`coalesce(involved_cards.issuer, excluded.issuer)`,
      }),
    )
    .returning(['id', 'kind', 'number'])
    .execute();
  const idOf = new Map(saved.map((row) => [`${row.kind} ${row.number}`, row.id]));
  await tx
    .insertInto('card_case_touches')
    .values(
      touches.map(({ footprint, key }) => ({
        footprint_id: footprint.id,
        card_id: idOf.get(key)!,
        case_id: footprint.caseId,
        case_unit_code: footprint.caseUnitCode,
        amount: footprint.amount,
        occurred_at: footprint.occurredAt,
        active: footprint.active,
      })),
    )
    .onConflict((oc) =>
      oc.column('footprint_id').doUpdateSet({
        active: sql`excluded.active`,
        amount: sql`excluded.amount`,
        occurred_at: sql`excluded.occurred_at`,
        case_unit_code: sql`excluded.case_unit_code`,
      }),
    )
    .execute();
}
