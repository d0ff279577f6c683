/**
 * Fraud-caller behaviour from call detail records: CDRs stream through the engine's per-number
 * windows (calls per hour, distinct callees, short and unanswered calls, night calls, IMEI and cell
 * changes, …); numbers whose window scores above the threshold are marked on the `caller-behaviour`
 * list, where analysts find them with the reasons, and screening marks their calls. Bad lines are
 * reported by number and skipped: analysis of a carrier's feed goes on past a broken record.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import {
  CALLER_MARK_THRESHOLD,
  CallerBehaviourTracker,
  createCdrCsvParser,
  parseCdrNdjsonLine,
  type CallerScore,
  type CdrParseResult,
} from '@fanzha/engine';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/actor.js';
import { systemActor } from '../auth/index.js';
import { addEntries, createList, findList, type EntryInput } from '../intel/index.js';

export const CALLER_LIST = 'caller-behaviour';
const MAX_REPORTED_ERRORS = 1_000;

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

/** Runs CDRs through the behaviour windows; returns the marked numbers (best window each). */
export async function scoreCdrs(options: CdrAnalysisOptions): Promise<CdrAnalysis> {
  const threshold = options.threshold ?? CALLER_MARK_THRESHOLD;
  const tracker = new CallerBehaviourTracker();
  const best = new Map<string, CallerScore>();
  const keep = (score: CallerScore) => {
    const previous = best.get(score.number);
    if (!previous || previous.score < score.score)
      best.set(score.number, { ...score, contributions: [...score.contributions] });
  };
  const parse: (text: string, line: number) => CdrParseResult | null =
    options.format === 'csv' ? createCdrCsvParser() : (text, line) => parseCdrNdjsonLine(text, line);
  const analysis: CdrAnalysis = { records: 0, badLines: 0, errors: [], marked: [] };
  let line = 0;
  for await (const text of createInterface({ input: options.input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    const parsed = parse(text, line);
    if (parsed === null) continue; // the CSV header
    if (!parsed.ok) {
      analysis.badLines++;
      if (analysis.errors.length < MAX_REPORTED_ERRORS)
        analysis.errors.push({ line: parsed.line, reason: parsed.error });
      continue;
    }
    analysis.records++;
    tracker.mark(parsed.record, threshold, keep);
  }
  tracker.flushMarked(threshold, keep);
  analysis.marked = [...best.values()]
    .sort((a, b) => b.score - a.score)
    .map((score) => ({
      number: score.number,
      score: Math.round(score.score * 1000) / 1000,
      windowStart: new Date(score.windowStart).toISOString(),
      contributions: score.contributions
        .slice(0, 6)
        .map((c) => ({ feature: c.feature, value: Math.round(c.value * 1000) / 1000 })),
    }));
  return analysis;
}

/** Scores CDRs and marks the numbers above the threshold on the caller-behaviour list. */
export async function analyseCdrs(
  ctx: Context,
  actor: Actor,
  options: CdrAnalysisOptions,
): Promise<CdrAnalysis> {
  const analysis = await scoreCdrs(options);
  if (analysis.marked.length) {
    const owner = systemActor('caller-behaviour');
    if (!(await findList(ctx.db, CALLER_LIST))) {
      await createList(ctx, owner, {
        name: CALLER_LIST,
        title: '异常呼叫行为号码',
        kind: 'number',
        defaultAction: 'mark',
        unitCode: `${ctx.config.provinceCode}0000`,
      });
    }
    const entries: EntryInput[] = analysis.marked.map((m) => ({
      value: m.number,
      confidence: Math.round(m.score * 100),
      source: { kind: 'rule', id: 'caller-behaviour' },
      reason: `呼叫行为评分 ${m.score}: ${m.contributions
        .slice(0, 3)
        .map((c) => c.feature)
        .join(', ')}`,
    }));
    // Numbers that are not valid Chinese or international numbers cannot be listed; they stay in the report.
    for (let i = 0; i < entries.length; i += 5_000) {
      await addEntries(ctx, owner, CALLER_LIST, entries.slice(i, i + 5_000)).catch(async () => {
        for (const entry of entries.slice(i, i + 5_000))
          await addEntries(ctx, owner, CALLER_LIST, [entry]).catch(() => undefined);
      });
    }
  }
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
