/**
 * Imports a file into a list, streaming: rows are read, normalised and written in batches inside one
 * transaction, so memory stays flat for ten million rows and the import is all or nothing. Every bad
 * row is counted and the first thousand are kept with their line numbers; if there is any, nothing is
 * written. A crash mid-way leaves the transaction uncommitted: the lists stay as they were.
 */
import { Transform, type Readable } from 'node:stream';
import type { Context } from '../../../context.js';
import type { IntelListRow, NewIntelEntry } from '../../../store/schema.js';
import { recordAudit } from '../../audit/index.js';
import type { Actor } from '../../auth/actor.js';
import { actorName } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import { getWritableList, prepareEntries } from '../service.js';
import { notifyChanges } from '../signal.js';
import { bulkUpsertEntries, insertChanges } from '../store.js';
import { readCsv } from './read-csv.js';
import { readNdjson } from './read-ndjson.js';
import type { ImportFormat, ImportRow } from './records.js';
import { readStix } from './stix.js';

const BATCH = 5_000;
export const MAX_REPORTED_ERRORS = 1_000;

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number | null;
  rowsRead: number;
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

/** Within one batch the last row of a value wins, as it would across batches. */
function lastOfEachValue(rows: NewIntelEntry[]): NewIntelEntry[] {
  const byKey = new Map<string, NewIntelEntry>();
  for (const row of rows) byKey.set(`${row.value}\u0000${row.match}`, row);
  return byKey.size === rows.length ? rows : [...byKey.values()];
}

class ImportFailed extends Error {}

export async function runImport(ctx: Context, actor: Actor, options: ImportOptions): Promise<ImportOutcome> {
  const list = await importTarget(ctx, actor, options.list);
  const progress: ImportProgress = {
    bytesRead: 0,
    totalBytes: options.totalBytes ?? null,
    rowsRead: 0,
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
      let pending: NewIntelEntry[] = [];
      const flush = async () => {
        if (pending.length && progress.errorCount === 0)
          progress.added += await bulkUpsertEntries(tx, lastOfEachValue(pending));
        pending = [];
      };
      for await (const row of rowsOf(options.format, counted, list)) {
        progress.rowsRead++;
        let reason = 'error' in row ? row.error : null;
        if (!reason && 'input' in row) {
          const prepared = prepareEntries(list, [row.input], actor, now, row.line);
          if (prepared.errors.length)
            reason = `${prepared.errors[0]!.reason}: ${prepared.errors[0]!.value.slice(0, 100)}`;
          else pending.push(prepared.rows[0]!);
        }
        if (reason) {
          progress.errorCount++;
          if (progress.errors.length < MAX_REPORTED_ERRORS) progress.errors.push({ line: row.line, reason });
          pending = [];
        }
        if (pending.length >= BATCH) await flush();
        report();
      }
      await flush();
      if (progress.errorCount)
        throw new ImportFailed(`${progress.errorCount} bad rows; nothing was imported`);
      if (progress.rowsRead === 0) throw new ImportFailed('the file has no rows');
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
          actor: actorName(actor),
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
    return { ...progress, added: 0, status: 'failed', message };
  }
  await notifyChanges(ctx);
  report(true);
  return {
    ...progress,
    status: 'succeeded',
    message: `${progress.added} entries imported into ${list.name}`,
  };
}
