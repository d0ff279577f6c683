/**
 * Records screening hits (block and mark answers) as signals for the warning work, off the hot path:
 * answers add to an in-memory window and a timer writes it in batches. Identical hits — the same
 * value, kind, action, risk, lists and partner key — within one window (the timer's interval, a second
 * by default) are one row of `screening_hits` with their count and first and last times (migration
 * 0047), so a burst of lookups of a few listed values costs a few rows, not one a lookup. The window
 * is bounded in distinct rows; when the store cannot keep up the oldest rows are counted as dropped
 * hits (exported as a metric) rather than letting memory grow without limit.
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

/** Hits with the same key in one window: the first one, how many, and when the last came. */
interface HitRow {
  hit: Hit;
  count: number;
  lastAt: Date;
}

function keyOf(hit: Hit): string {
  return `${hit.kind}\u0000${hit.value}\u0000${hit.action}\u0000${hit.risk}\u0000${hit.apiKeyId ?? ''}\u0000${hit.lists.join('\u0001')}`;
}

export class HitRecorder {
  private window = new Map<string, HitRow>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  /** Hits lost because the window was full of rows the store had not taken yet. */
  dropped = 0;
  /** Hits written (each row counts its hits). */
  written = 0;
  /** Rows written. */
  rowsWritten = 0;

  constructor(
    private readonly db: Kysely<Database>,
    /** Distinct rows held at most. */
    private readonly maxQueued = 100_000,
  ) {}

  record(hit: Hit): void {
    const key = keyOf(hit);
    const row = this.window.get(key);
    if (row !== undefined) {
      row.count++;
      if (hit.at > row.lastAt) row.lastAt = hit.at;
      return;
    }
    if (this.window.size >= this.maxQueued) this.dropOldest();
    this.window.set(key, { hit, count: 1, lastAt: hit.at });
  }

  /** Distinct rows waiting to be written. */
  get queued(): number {
    return this.window.size;
  }

  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private dropOldest(): void {
    const [key, row] = this.window.entries().next().value as [string, HitRow];
    this.window.delete(key);
    this.dropped += row.count;
  }

  private async write(): Promise<void> {
    while (this.window.size > 0) {
      const rows = [...this.window.values()];
      this.window = new Map();
      for (let from = 0; from < rows.length; from += 2_000) {
        const batch = rows.slice(from, from + 2_000);
        try {
          await this.insert(batch);
          this.rowsWritten += batch.length;
          for (const row of batch) this.written += row.count;
        } catch {
          // The store is unreachable: put what is left back (merged with what came meanwhile,
          // bounded) and try at the next tick.
          this.restore(rows.slice(from));
          return;
        }
      }
    }
  }

  /** Puts unwritten rows back in front of the window's newer ones, merging rows of one key. */
  private restore(rows: HitRow[]): void {
    const newer = this.window;
    this.window = new Map();
    for (const row of rows) this.window.set(keyOf(row.hit), row);
    for (const [key, row] of newer) {
      const older = this.window.get(key);
      if (older === undefined) this.window.set(key, row);
      else {
        older.count += row.count;
        if (row.lastAt > older.lastAt) older.lastAt = row.lastAt;
      }
    }
    while (this.window.size > this.maxQueued) this.dropOldest();
  }

  private async insert(batch: HitRow[]): Promise<void> {
    // One JSON parameter for the whole batch rather than nine a row: the statement the store parses
    // and plans stays the same size whatever the batch (18,000 parameters cost far more).
    const rows = JSON.stringify(
      batch.map(({ hit, count, lastAt }) => ({
        at: hit.at.toISOString(),
        last_at: lastAt.toISOString(),
        count,
        kind: hit.kind,
        value: hit.value,
        action: hit.action,
        risk: hit.risk,
        lists: hit.lists,
        api_key_id: hit.apiKeyId,
      })),
    );
    await sql`INSERT INTO screening_hits (at, last_at, count, kind, value, action, risk, lists, api_key_id)
      SELECT at, last_at, count, kind, value, action, risk, lists, api_key_id
      FROM json_to_recordset(${rows}::json)
        AS hit(at timestamptz, last_at timestamptz, count integer, kind text, value text, action text,
          risk smallint, lists text[], api_key_id uuid)`.execute(this.db);
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
