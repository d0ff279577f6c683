/**
 * Import jobs for the console: the upload is spooled to a temporary file (bounded memory, upload
 * progress on the client), then imported in the background while the console polls the job. Progress
 * of running jobs lives in memory; the outcome is stored in `intel_imports`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { Context } from '../../../context.js';
import { AppError } from '../../../errors.js';
import type { Actor } from '../../auth/actor.js';
import { actorName } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { ImportFormat } from './records.js';
import { importTarget, runImport, type ImportProgress } from './run-import.js';

export interface ImportJobView {
  id: string;
  list: string;
  format: ImportFormat;
  status: 'running' | 'succeeded' | 'failed';
  /** While running: `reading` the file, then `writing` the good rows into the list. */
  phase: ImportProgress['phase'];
  bytesRead: number;
  totalBytes: number | null;
  rowsRead: number;
  written: number;
  added: number;
  errorCount: number;
  errors: Array<{ line: number; reason: string }>;
  startedAt: string;
  finishedAt: string | null;
  message: string | null;
}

/** Marks jobs left `running` by a previous process as failed: their transaction never committed. */
export async function failInterruptedImports(ctx: Context): Promise<void> {
  await ctx.db
    .updateTable('intel_imports')
    .set({
      status: 'failed',
      message: 'interrupted (the server stopped); nothing was imported',
      finished_at: ctx.clock.now(),
    })
    .where('status', '=', 'running')
    .execute();
}

export class ImportJobs {
  private readonly running = new Map<string, ImportJobView>();
  private readonly settled = new Set<Promise<unknown>>();

  constructor(
    private readonly ctx: Context,
    private readonly maxBytes: number,
  ) {}

  /** Spools the upload, records the job and starts it; resolves once the upload is stored. */
  async start(
    actor: Actor,
    options: { list: string; format: ImportFormat; body: Readable; declaredBytes: number | null },
  ): Promise<ImportJobView> {
    const list = await importTarget(this.ctx, actor, options.list);
    if (options.declaredBytes !== null && options.declaredBytes > this.maxBytes) {
      throw new AppError('payload_too_large', `imports are limited to ${this.maxBytes} bytes`);
    }
    const dir = join(tmpdir(), 'fanzha-imports');
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${randomUUID()}.upload`);
    let size = 0;
    const limit = this.maxBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(
          size > limit ? new AppError('payload_too_large', `imports are limited to ${limit} bytes`) : null,
          chunk,
        );
      },
    });
    try {
      await pipeline(options.body, counter, createWriteStream(file));
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
    const now = this.ctx.clock.now();
    const row = await this.ctx.db
      .insertInto('intel_imports')
      .values({
        list_id: list.id,
        format: options.format,
        status: 'running',
        total_bytes: size,
        started_by: actorName(actor),
        started_at: now,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const job: ImportJobView = {
      id: row.id,
      list: list.name,
      format: options.format,
      status: 'running',
      phase: 'reading',
      bytesRead: 0,
      totalBytes: size,
      rowsRead: 0,
      written: 0,
      added: 0,
      errorCount: 0,
      errors: [],
      startedAt: now.toISOString(),
      finishedAt: null,
      message: null,
    };
    this.running.set(job.id, job);
    const work = this.process(actor, job, file).finally(() => this.settled.delete(work));
    this.settled.add(work);
    return { ...job };
  }

  private async process(actor: Actor, job: ImportJobView, file: string): Promise<void> {
    const update = (progress: ImportProgress) =>
      Object.assign(job, progress, { errors: progress.errors.slice() });
    try {
      const outcome = await runImport(this.ctx, actor, {
        list: job.list,
        format: job.format,
        input: createReadStream(file),
        totalBytes: job.totalBytes,
        onProgress: update,
      });
      update(outcome);
      Object.assign(job, {
        status: outcome.status,
        message: outcome.message,
        finishedAt: this.ctx.clock.now().toISOString(),
      });
    } catch (error) {
      Object.assign(job, {
        status: 'failed',
        message: `import failed, nothing was imported: ${(error as Error).message}`,
        finishedAt: this.ctx.clock.now().toISOString(),
      });
    } finally {
      await rm(file, { force: true });
      await this.ctx.db
        .updateTable('intel_imports')
        .set({
          status: job.status,
          bytes_read: job.bytesRead,
          rows_read: job.rowsRead,
          added: job.added,
          error_count: job.errorCount,
          errors: JSON.stringify(job.errors),
          message: job.message,
          finished_at: job.finishedAt ? new Date(job.finishedAt) : this.ctx.clock.now(),
        })
        .where('id', '=', job.id)
        .execute()
        .catch(() => undefined);
      this.running.delete(job.id);
    }
  }

  async get(actor: Actor, id: string): Promise<ImportJobView> {
    authorize(actor, 'intel.read');
    const live = this.running.get(id);
    if (live) return { ...live, errors: live.errors.slice() };
    const [found] = await this.recent(actor, id);
    if (!found) throw new AppError('not_found', `no import ${id}`);
    return found;
  }

  async recent(actor: Actor, id?: string): Promise<ImportJobView[]> {
    authorize(actor, 'intel.read');
    if (id !== undefined && !/^[0-9a-f-]{36}$/i.test(id)) return [];
    let query = this.ctx.db
      .selectFrom('intel_imports')
      .innerJoin('intel_lists', 'intel_lists.id', 'intel_imports.list_id')
      .selectAll('intel_imports')
      .select('intel_lists.name as list_name')
      .orderBy('intel_imports.started_at', 'desc')
      .limit(50);
    if (id) query = query.where('intel_imports.id', '=', id);
    const rows = await query.execute();
    return rows.map((row) => {
      const live = this.running.get(row.id);
      if (live) return { ...live, errors: live.errors.slice() };
      return {
        id: row.id,
        list: row.list_name,
        format: row.format,
        status: row.status,
        phase: row.status === 'succeeded' ? 'writing' : 'reading',
        bytesRead: Number(row.bytes_read),
        totalBytes: row.total_bytes === null ? null : Number(row.total_bytes),
        rowsRead: Number(row.rows_read),
        written: row.status === 'succeeded' ? Number(row.rows_read) : 0,
        added: Number(row.added),
        errorCount: Number(row.error_count),
        errors: row.errors as ImportJobView['errors'],
        startedAt: new Date(row.started_at).toISOString(),
        finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
        message: row.message,
      };
    });
  }

  /** Waits for running jobs (shutdown, tests). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.settled]);
  }
}
