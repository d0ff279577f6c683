/**
 * Escalation (上报): a warning whose deadline passed without a first contact goes up to the parent unit
 * (its queue shows it, marked escalated), and so does one whose person was unreachable three times
 * (one level further each time). The periodic job runs on the platform's clock; with several
 * instances each overdue warning is escalated once (the UPDATE takes it only while not escalated).
 */
import type { Context } from '../../context.js';
import type { WarningRow } from '../../store/warnings-schema.js';
import type { WarningPublisher } from './publisher.js';
import type { UnitDirectory } from './routing.js';
import { escalateOverdue, insertTimeline, updateWarning, type Db } from './store.js';

const BATCH = 500;

type EscalationCause = { cause: 'overdue'; deadlineAt: string } | { cause: 'unreachable'; attempts: number };

function escalationEntry(warning: WarningRow, now: Date, to: string, from: string, cause: EscalationCause) {
  return {
    warning_id: warning.id,
    key: `escalation:${cause.cause}:${to}:${now.getTime()}`,
    kind: 'escalation' as const,
    event_id: null,
    rule_id: null,
    at: now,
    detail: { fromUnitCode: from, toUnitCode: to, ...cause },
  };
}

/** Escalates one warning a level up from where it is now (its unit, or where it was escalated to). */
export async function escalateWarning(
  db: Db,
  units: UnitDirectory,
  warning: WarningRow,
  now: Date,
  cause: EscalationCause,
): Promise<WarningRow> {
  const from = warning.escalated_to ?? warning.unit_code;
  const to = units.get(from)?.parentCode ?? from;
  const updated = await updateWarning(db, warning.id, {
    escalated_at: now,
    escalated_to: to,
    updated_at: now,
  });
  await insertTimeline(db, [escalationEntry(warning, now, to, from, cause)]);
  return updated;
}

export class WarningEscalator {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly ctx: Context,
    private readonly publisher: WarningPublisher,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.runOnce().catch(this.onError), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Escalates every overdue warning now; returns how many. */
  runOnce(): Promise<number> {
    this.running ??= this.escalateAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async escalateAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.ctx.clock.now();
      const escalated = await this.ctx.db.transaction().execute(async (tx) => {
        const rows = await escalateOverdue(tx, now, BATCH);
        await insertTimeline(
          tx,
          rows.map((row) =>
            escalationEntry(row, now, row.escalated_to ?? row.unit_code, row.unit_code, {
              cause: 'overdue',
              deadlineAt: new Date(row.deadline_at).toISOString(),
            }),
          ),
        );
        return rows;
      });
      for (const row of escalated) await this.publisher.publish(row.id, 'escalated');
      total += escalated.length;
      if (escalated.length < BATCH) return total;
    }
  }
}
