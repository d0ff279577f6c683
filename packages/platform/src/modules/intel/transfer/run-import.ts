/**
 * Imports a file into a list, streaming, in one transaction, so that it is all or nothing:
 *
 * 1. reading: rows are read, normalised and appended to the import's staging table in batches
 *    (memory holds one batch, whatever the size of the file). Every bad row is counted and the first
 *    thousand are kept with their line numbers; after the first, rows are still checked but no
 *    longer staged.
 * 2. writing: if the whole file was good, the staged rows are merged into the list a chunk at a time
 *    (progress is reported per chunk), then one change-log row and one audit row are written.
 *
 * A failed import rolls back; one interrupted mid-way (the process killed) never committed: either
 * way the lists stay as they were.
 */
import { Transform, type Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Context } from '../../../context.js';
import type { IntelListRow } from '../../../store/schema.js';
import { recordAudit } from '../../audit/index.js';
import type { Actor } from '../../auth/actor.js';
import { actorName } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import { getWritableList, prepareEntries } from '../service.js';
import { notifyChanges } from '../signal.js';
import { insertChanges } from '../store.js';
import { readCsv } from './read-csv.js';
import { readNdjson } from './read-ndjson.js';
import type { ImportFormat, ImportRow } from './records.js';
import { appendToStage, createStage, mergeStage, type StagedEntry } from './staging.js';
import { readStix } from './stix.js';

/** Rows per staging statement. */
const STAGE_BATCH = 10_000;
/** Staged rows merged into the list per statement (one progress step). */
const MERGE_CHUNK = 50_000;
export const MAX_REPORTED_ERRORS = 1_000;
/** Imports of at least this many rows refresh the planner's statistics of the entries. */
const ANALYZE_AFTER = 10_000;

export interface ImportProgress {
  /** `reading` the file (bytesRead of totalBytes), then `writing` the rows (written of rowsRead). */
  phase: 'reading' | 'writing';
  bytesRead: number;
  totalBytes: number | null;
  rowsRead: number;
  /** Rows merged into the list so far (writing phase). */
  written: number;
  added: number;
  errorCount: number;
  errors: Array<{ line: number; reason: string }>;
}

export interface ImportOptions {
  list: string;
  format: ImportFormat;
  input: Readable;
  totalBytes?: number | null;
  onProgress?: (progress: ImportProgress) => void;
}

export type ImportOutcome = ImportProgress & { status: 'succeeded' | 'failed'; message: string };

function rowsOf(format: ImportFormat, input: Readable, list: IntelListRow): AsyncGenerator<ImportRow> {
  if (format === 'csv') return readCsv(input);
  if (format === 'ndjson') return readNdjson(input);
  return readStix(input, list.kind);
}

/** Loads the list an import goes into, checking the actor may write it. */
export async function importTarget(ctx: Context, actor: Actor, listName: string): Promise<IntelListRow> {
  authorize(actor, 'intel.write');
  return getWritableList(ctx, actor, listName);
}

class ImportFailed extends Error {}

export async function runImport(ctx: Context, actor: Actor, options: ImportOptions): Promise<ImportOutcome> {
  const list = await importTarget(ctx, actor, options.list);
  const progress: ImportProgress = {
    phase: 'reading',
    bytesRead: 0,
    totalBytes: options.totalBytes ?? null,
    rowsRead: 0,
    written: 0,
    added: 0,
    errorCount: 0,
    errors: [],
  };
  // Counting in a transform (not a 'data' listener, which would start the flow before the reader is attached).
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      progress.bytesRead += chunk.length;
      done(null, chunk);
    },
  });
  options.input.on('error', (error) => counted.destroy(error));
  options.input.pipe(counted);
  const now = ctx.clock.now();
  const by = actorName(actor);
  let lastReport = 0;
  const report = (force = false) => {
    const at = Date.now();
    if (force || at - lastReport > 200) {
      lastReport = at;
      options.onProgress?.({ ...progress, errors: progress.errors });
    }
  };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await createStage(tx);
      let staged = 0;
      let pending: StagedEntry[] = [];
      const stage = async () => {
        if (pending.length && progress.errorCount === 0) {
          await appendToStage(tx, staged, pending);
          staged += pending.length;
        }
        pending = [];
      };
      for await (const row of rowsOf(options.format, counted, list)) {
        progress.rowsRead++;
        let reason = 'error' in row ? row.error : null;
        if (!reason && 'input' in row) {
          const prepared = prepareEntries(list, [row.input], actor, now, row.line);
          if (prepared.errors.length)
            reason = `${prepared.errors[0]!.reason}: ${prepared.errors[0]!.value.slice(0, 100)}`;
          else if (progress.errorCount === 0) pending.push(prepared.rows[0]!);
        }
        if (reason) {
          progress.errorCount++;
          if (progress.errors.length < MAX_REPORTED_ERRORS) progress.errors.push({ line: row.line, reason });
          pending = [];
        }
        if (pending.length >= STAGE_BATCH) await stage();
        report();
      }
      await stage();
      if (progress.errorCount)
        throw new ImportFailed(`${progress.errorCount} bad rows; nothing was imported`);
      if (progress.rowsRead === 0) throw new ImportFailed('the file has no rows');
      progress.phase = 'writing';
      report(true);
      for (let from = 0; from < staged; from += MERGE_CHUNK) {
        const to = Math.min(staged, from + MERGE_CHUNK);
        progress.added += await mergeStage(tx, list, from, to, now, by);
        progress.written = to;
        report();
      }
      // One change-log row for the whole import: followers load a fresh snapshot rather than replaying it.
      await insertChanges(tx, [
        {
          at: now,
          list_id: list.id,
          op: 'bulk',
          kind: list.kind,
          value: `import:${list.name}`,
          match: '',
          entry: { rows: progress.rowsRead, added: progress.added, format: options.format },
          actor: by,
          reason: `import of ${progress.added} entries`,
        },
      ]);
      await recordAudit(
        tx,
        actor,
        {
          action: 'intel.import',
          recordType: 'intel_list',
          recordId: list.id,
          detail: { list: list.name, format: options.format, rows: progress.rowsRead, added: progress.added },
        },
        now,
      );
    });
  } catch (error) {
    report(true);
    const message =
      error instanceof ImportFailed
        ? error.message
        : `import failed, nothing was imported: ${(error as Error).message}`;
    return { ...progress, added: 0, written: 0, status: 'failed', message };
  }
  // Planner statistics that predate a big import make PostgreSQL sort the whole list for every page
  // of an export or a search; refresh them now rather than wait for autovacuum (PGlite has none).
  if (progress.written >= ANALYZE_AFTER) await sql`ANALYZE intel_entries`.execute(ctx.db);
  await notifyChanges(ctx);
  report(true);
  return {
    ...progress,
    status: 'succeeded',
    message: `${progress.added} entries imported into ${list.name}`,
  };
}
