/**
 * Signals of clue changes, sent once the change is committed: one `fanzha.clues.changed` message per
 * step (dispatch, sign, note, feedback, transfer, return, escalation) on the event bus, so every platform instance
 * hears what any of them did; the 集中收网 board's stream (modules/operations) listens. Without a
 * platform bus (tests, one-shot tools) one in-process bus per store carries them. At-most-once: the
 * content lives in the store, and a listener that misses one catches up by reading it.
 */
import { InProcessBus, type EventBus } from '../../bus/index.js';
import type { Context } from '../../context.js';
import type { ClueRow } from '../../store/clues-schema.js';
import type { ClueDetail, ClueHop, ClueSummary } from './schemas.js';
import { findUnitsByCode } from './store.js';

export const CLUES_CHANGED = 'fanzha.clues.changed';

export interface ClueChange {
  clueId: string;
  clueTitle: string;
  operationId: string | null;
  /** The unit holding the clue after the step. */
  unit: { code: string; name: string };
  hop: ClueHop;
}

const localBuses = new WeakMap<object, InProcessBus>();

/** The bus clue changes travel on: the platform's, else one per store in this process. */
export function clueBus(ctx: Context): EventBus {
  if (ctx.bus) return ctx.bus;
  let bus = localBuses.get(ctx.db);
  if (!bus) localBuses.set(ctx.db, (bus = new InProcessBus()));
  return bus;
}

/** Tells the listeners about the hops of a committed step (those taken at `at`). Never throws. */
export async function publishClueStep(ctx: Context, clue: ClueDetail, at: Date): Promise<void> {
  const when = at.toISOString();
  const changes = clue.hops.filter((hop) => hop.at === when).map((hop) => changeOf(clue, hop));
  await publish(ctx, changes);
}

/** Tells the listeners about clues just dispatched (their transaction committed). Never throws. */
export async function publishDispatch(ctx: Context, clues: ClueSummary[], actor: string): Promise<void> {
  await publish(
    ctx,
    clues.map((clue) =>
      changeOf(clue, {
        id: `dispatched-${clue.id}`,
        kind: 'dispatched',
        from: clue.origin,
        to: clue.unit,
        actor,
        actorUnitCode: clue.origin.code,
        reason: null,
        detail: null,
        at: clue.dispatchedAt,
      }),
    ),
  );
}

/** Tells the listeners about clues the escalation job sent up to the holder's parent (committed). */
export async function publishEscalations(ctx: Context, clues: readonly ClueRow[], at: Date): Promise<void> {
  if (clues.length === 0) return;
  const codes = [...new Set(clues.flatMap((clue) => [clue.unit_code, clue.escalated_to ?? clue.unit_code]))];
  const names = new Map((await findUnitsByCode(ctx.db, codes)).map((unit) => [unit.code, unit.name]));
  const ref = (code: string) => ({ code, name: names.get(code) ?? code });
  await publish(
    ctx,
    clues.map((clue) => ({
      clueId: clue.id,
      clueTitle: clue.title,
      operationId: clue.operation_id,
      unit: ref(clue.unit_code),
      hop: {
        id: `escalated-${clue.id}-${at.getTime()}`,
        kind: 'escalated',
        from: ref(clue.unit_code),
        to: ref(clue.escalated_to ?? clue.unit_code),
        actor: 'system',
        actorUnitCode: null,
        reason: null,
        detail: { cause: 'overdue', deadlineAt: new Date(clue.deadline_at).toISOString() },
        at: at.toISOString(),
      },
    })),
  );
}

const changeOf = (clue: ClueSummary, hop: ClueHop): ClueChange => ({
  clueId: clue.id,
  clueTitle: clue.title,
  operationId: clue.operation?.id ?? null,
  unit: clue.unit,
  hop,
});

async function publish(ctx: Context, changes: ClueChange[]): Promise<void> {
  const bus = clueBus(ctx);
  for (const change of changes)
    // A lost signal costs a listener one refresh; it must never fail the step that was committed.
    await bus.publish(CLUES_CHANGED, change).catch(() => undefined);
}
