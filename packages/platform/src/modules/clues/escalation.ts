/**
 * Reminders and escalation of clues on the platform's clock: an open clue due within a day is reminded
 * to its holder once (催办); one past its deadline is reminded again and escalated to the holder's parent
 * (上报), whose inbox shows it marked. With several instances each clue is taken once (the UPDATE takes
 * it only while not reminded / not escalated). A transfer starts both over for the new holder.
 * Escalations are signalled on the bus after their commit (the 集中收网 board's stream hears them).
 */
import type { Context } from '../../context.js';
import type { ClueRow } from '../../store/clues-schema.js';
import { publishEscalations } from './notifier.js';
import { insertHops, insertNotices, takeDueSoon, takeOverdue, type Db } from './store.js';

const BATCH = 500;
export const DUE_SOON_MS = 24 * 3_600_000;

const hop = (clue: ClueRow, kind: 'reminded' | 'escalated', now: Date, detail: Record<string, unknown>) => ({
  clue_id: clue.id,
  kind,
  from_unit_code: kind === 'escalated' ? clue.unit_code : null,
  to_unit_code: kind === 'escalated' ? clue.escalated_to : clue.unit_code,
  actor: 'system',
  actor_unit_code: null,
  reason: null,
  detail: JSON.stringify(detail),
  at: now,
});

async function remindDueSoon(db: Db, now: Date): Promise<number> {
  const rows = await takeDueSoon(db, now, new Date(now.getTime() + DUE_SOON_MS), BATCH);
  const deadline = (row: ClueRow) => new Date(row.deadline_at).toISOString();
  await insertHops(
    db,
    rows.map((row) => hop(row, 'reminded', now, { cause: 'due_soon', deadlineAt: deadline(row) })),
  );
  await insertNotices(
    db,
    rows.map((row) => ({
      unit_code: row.unit_code,
      clue_id: row.id,
      kind: 'due_soon' as const,
      message: `线索「${row.title}」将于${deadline(row)}到期，请及时反馈`,
      created_at: now,
    })),
  );
  return rows.length;
}

async function escalateOverdue(db: Db, now: Date): Promise<ClueRow[]> {
  const rows = await takeOverdue(db, now, BATCH);
  await insertHops(
    db,
    rows.flatMap((row) => {
      const detail = { cause: 'overdue', deadlineAt: new Date(row.deadline_at).toISOString() };
      return [hop(row, 'reminded', now, detail), hop(row, 'escalated', now, detail)];
    }),
  );
  await insertNotices(
    db,
    rows.flatMap((row) => [
      {
        unit_code: row.unit_code,
        clue_id: row.id,
        kind: 'overdue' as const,
        message: `线索「${row.title}」已超期未反馈，已上报上级`,
        created_at: now,
      },
      ...(row.escalated_to && row.escalated_to !== row.unit_code
        ? [
            {
              unit_code: row.escalated_to,
              clue_id: row.id,
              kind: 'escalated' as const,
              message: `下级单位超期未反馈线索「${row.title}」，请督办`,
              created_at: now,
            },
          ]
        : []),
    ]),
  );
  return rows;
}

export class ClueEscalator {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<{ reminded: number; escalated: number }> | undefined;

  constructor(
    private readonly ctx: Context,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => void this.runOnce().catch(this.onError), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Reminds the clues due soon and escalates the overdue ones now; returns how many of each. */
  runOnce(): Promise<{ reminded: number; escalated: number }> {
    this.running ??= this.runAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runAll() {
    const total = { reminded: 0, escalated: 0 };
    for (;;) {
      const now = this.ctx.clock.now();
      const [escalated, reminded] = await this.ctx.db
        .transaction()
        .execute(async (tx) => [await escalateOverdue(tx, now), await remindDueSoon(tx, now)] as const);
      await publishEscalations(this.ctx, escalated, now);
      total.escalated += escalated.length;
      total.reminded += reminded;
      if (escalated.length < BATCH && reminded < BATCH) return total;
    }
  }
}
