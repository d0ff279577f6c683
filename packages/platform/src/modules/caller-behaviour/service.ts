/**
 * Fraud-caller behaviour from call detail records. Carriers post CDRs (CSV or NDJSON) as often as
 * they like; the intake parses them, reports bad lines by number, and publishes the good records to
 * the CDR stream (`stream.ts`), whose consumer runs them through this instance's per-number windows —
 * so a window adds up across posts. Marked numbers go on the `caller-behaviour` list and to the
 * analysts' review queue (`candidates.ts`). `scoreCdrs` judges one file on its own (the CLI's dry run).
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import {
  CALLER_MARK_THRESHOLD,
  CallerBehaviourTracker,
  createCdrCsvParser,
  parseCdrNdjsonLine,
  type CallDetailRecord,
  type CallerScore,
  type CdrParseResult,
} from '@fanzha/engine';
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/actor.js';
import { actorName } from '../auth/actor.js';
import { recordMarks, roundContributions } from './candidates.js';
import type { CdrStream } from './stream.js';

/** Records per request at most: a carrier posts every few seconds, not a day at once. */
export const MAX_RECORDS_PER_REQUEST = 200_000;
const MAX_REPORTED_ERRORS = 1_000;

export interface ParsedCdrs {
  records: CallDetailRecord[];
  badLines: number;
  errors: Array<{ line: number; reason: string }>;
}

/** Reads a CSV (with header) or NDJSON body line by line; bad lines are counted and named, not fatal. */
export async function readCdrs(
  format: 'csv' | 'ndjson',
  input: Readable,
  onRecord: (record: CallDetailRecord) => void,
): Promise<Omit<ParsedCdrs, 'records'> & { records: number }> {
  const parse: (text: string, line: number) => CdrParseResult | null =
    format === 'csv' ? createCdrCsvParser() : (text, line) => parseCdrNdjsonLine(text, line);
  const result = { records: 0, badLines: 0, errors: [] as ParsedCdrs['errors'] };
  let line = 0;
  let header = format === 'csv';
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    const parsed = parse(text, line);
    if (header) {
      header = false;
      // A CSV without the columns cannot be read at all: every later line would be wrong.
      if (parsed && !parsed.ok)
        throw new AppError('validation_failed', `line ${line}: ${parsed.error}`, [
          { field: 'body', message: parsed.error },
        ]);
    }
    if (parsed === null) continue;
    if (!parsed.ok) {
      result.badLines++;
      if (result.errors.length < MAX_REPORTED_ERRORS)
        result.errors.push({ line: parsed.line, reason: parsed.error });
      continue;
    }
    result.records++;
    onRecord(parsed.record);
  }
  return result;
}

export interface CdrSubmission {
  records: number;
  badLines: number;
  errors: Array<{ line: number; reason: string }>;
  /** Batches published to the CDR stream. */
  batches: number;
  /** Batches the stream already had (the same records posted again): not counted twice. */
  duplicateBatches: number;
}

/** The intake: parse, publish to the stream. Full stream → StreamFullError (the route answers 503). */
export async function submitCdrs(
  ctx: Context,
  actor: Actor,
  stream: CdrStream,
  options: { format: 'csv' | 'ndjson'; input: Readable },
): Promise<CdrSubmission> {
  const records: CallDetailRecord[] = [];
  const read = await readCdrs(options.format, options.input, (record) => {
    if (records.length === MAX_RECORDS_PER_REQUEST)
      throw new AppError('payload_too_large', `at most ${MAX_RECORDS_PER_REQUEST} records per request`);
    records.push(record);
  });
  const published = await stream.publish(records, actorName(actor));
  await recordAudit(
    ctx.db,
    actor,
    {
      action: 'caller_behaviour.submit',
      detail: { records: read.records, badLines: read.badLines, batches: published.messages },
    },
    ctx.clock.now(),
  );
  return { ...read, batches: published.messages, duplicateBatches: published.duplicates };
}

export interface CdrAnalysis {
  records: number;
  badLines: number;
  errors: Array<{ line: number; reason: string }>;
  marked: Array<{
    number: string;
    score: number;
    windowStart: string;
    contributions: Array<{ feature: string; value: number }>;
  }>;
}

export interface CdrAnalysisOptions {
  format: 'csv' | 'ndjson';
  input: Readable;
  threshold?: number;
}

/** One file on its own, through fresh windows: the marked numbers, best window each. No side effects. */
export async function scoreCdrs(
  options: CdrAnalysisOptions,
): Promise<CdrAnalysis & { scores: CallerScore[] }> {
  const threshold = options.threshold ?? CALLER_MARK_THRESHOLD;
  const tracker = new CallerBehaviourTracker();
  const best = new Map<string, CallerScore>();
  const scores: CallerScore[] = [];
  const keep = (score: CallerScore) => {
    const kept = { ...score, contributions: [...score.contributions], features: { ...score.features } };
    scores.push(kept);
    const previous = best.get(score.number);
    if (!previous || previous.score < score.score) best.set(score.number, kept);
  };
  const read = await readCdrs(options.format, options.input, (record) =>
    tracker.mark(record, threshold, keep),
  );
  tracker.flushMarked(threshold, keep);
  const marked = [...best.values()]
    .sort((a, b) => b.score - a.score)
    .map((score) => ({
      number: score.number,
      score: Math.round(score.score * 1000) / 1000,
      windowStart: new Date(score.windowStart).toISOString(),
      contributions: roundContributions(score).slice(0, 6),
    }));
  return { ...read, marked, scores };
}

/** `fanzha cdr analyse` without `--dry-run`: one file scored, its marks recorded as the stream's are. */
export async function analyseCdrs(
  ctx: Context,
  actor: Actor,
  options: CdrAnalysisOptions,
): Promise<CdrAnalysis> {
  const { scores, ...analysis } = await scoreCdrs(options);
  await recordMarks(ctx, scores);
  await recordAudit(
    ctx.db,
    actor,
    {
      action: 'caller_behaviour.analyse',
      detail: { records: analysis.records, badLines: analysis.badLines, marked: analysis.marked.length },
    },
    ctx.clock.now(),
  );
  return analysis;
}
