/**
 * Records screening hits (block and mark answers) as signals for the warning work, off the hot path:
 * answers append to an in-memory queue and a timer writes it in batches. The queue is bounded; when
 * the store cannot keep up the oldest hits are counted as dropped (exported as a metric) rather than
 * letting memory grow without limit.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

export interface Hit {
  at: Date;
  kind: string;
  value: string;
  action: 'block' | 'mark';
  risk: number;
  lists: string[];
  apiKeyId: string | null;
}

export class HitRecorder {
  private queue: Hit[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  dropped = 0;
  written = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxQueued = 100_000,
  ) {}

  record(hit: Hit): void {
    if (this.queue.length >= this.maxQueued) {
      this.queue.shift();
      this.dropped++;
    }
    this.queue.push(hit);
  }

  get queued(): number {
    return this.queue.length;
  }

  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async write(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, 2_000);
      try {
        // One JSON parameter for the whole batch rather than seven a row: the statement the store
        // parses and plans stays the same size whatever the batch (14,000 parameters cost far more).
        const rows = JSON.stringify(
          batch.map((hit) => ({
            at: hit.at.toISOString(),
            kind: hit.kind,
            value: hit.value,
            action: hit.action,
            risk: hit.risk,
            lists: hit.lists,
            api_key_id: hit.apiKeyId,
          })),
        );
        await sql`INSERT INTO screening_hits (at, kind, value, action, risk, lists, api_key_id)
          SELECT at, kind, value, action, risk, lists, api_key_id
          FROM json_to_recordset(${rows}::json)
            AS hit(at timestamptz, kind text, value text, action text, risk smallint, lists text[], api_key_id uuid)`.execute(
          this.db,
        );
        this.written += batch.length;
      } catch {
        // The store is unreachable: put the batch back (bounded) and try at the next tick.
        this.queue = batch.concat(this.queue).slice(-this.maxQueued);
        return;
      }
    }
  }

  start(intervalMs = 1_000): void {
    this.timer ??= setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
