/**
 * Sends warning changes out once they are committed: reads the warning's summary from the store and
 * hands it to the notifier (the bus). Changes made by the event handler are committed with the event,
 * in a transaction this module does not control: those wait until the event's row is visible.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { WarningChange, WarningNotifier } from './notifier.js';
import { findWarning } from './store.js';
import { isEventStored } from './stored-events.js';
import { toSummary } from './views.js';

/** How long to wait for an event's transaction to commit before giving up (it rolled back). */
const COMMIT_WAIT_MS = 60_000;

export class WarningPublisher {
  private pending = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly notifier: WarningNotifier,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Publishes the warning now (its change is committed). */
  async publish(warningId: string, change: WarningChange['change']): Promise<void> {
    const row = await findWarning(this.db, warningId, null);
    if (!row) return;
    await this.notifier.publish([{ change, warning: toSummary(row), unitPath: row.unit_path }]);
  }

  /** Publishes the warning once the event that changed it is committed; never if it rolls back. */
  afterCommit(eventId: string, warningId: string, change: WarningChange['change']): void {
    this.pending++;
    void this.waitForCommit(eventId)
      .then((committed) => (committed ? this.publish(warningId, change) : undefined))
      .catch(this.onError)
      .finally(() => {
        if (--this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
  }

  /** Resolves when every pending publication went out (tests, shutdown). */
  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async waitForCommit(eventId: string): Promise<boolean> {
    const started = Date.now();
    for (let delay = 5; Date.now() - started < COMMIT_WAIT_MS; delay = Math.min(delay * 2, 250)) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (await isEventStored(this.db, eventId)) return true;
    }
    return false;
  }
}
