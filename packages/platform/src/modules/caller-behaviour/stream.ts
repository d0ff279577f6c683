/**
 * The live CDR stream: carriers' call detail records are published in batches to a durable stream
 * (JetStream `FANZHA_CDRS` on `fanzha.cdrs.<carrier>`, or a bounded in-process queue) and one consumer
 * per platform instance feeds them through this instance's `CallerBehaviourTracker`, so a number's
 * windows add up across every post. Windows close on the records' own time (each batch's newest
 * record, less `LATENESS_MS`), never on the wall clock: a replay of yesterday's CDRs is judged like a
 * live feed. A window whose number stops calling and whose time no later batch passes stays open.
 * Marked windows are handed to `onMarked` after each batch, before the batch is acknowledged.
 *
 * Must never: block a request on scoring (intake only publishes), or keep records beyond the windows.
 */
import { createHash } from 'node:crypto';
import {
  CALLER_MARK_THRESHOLD,
  CallerBehaviourTracker,
  parseCdrNdjsonLine,
  type CallDetailRecord,
  type CallerScore,
} from '@fanzha/engine';
import { Gauge, type Registry } from 'prom-client';
import type { Config } from '../../config.js';
import {
  ConsumerProgress,
  InProcessEventStream,
  JetStreamEventStream,
  StreamFullError,
  type EventStream,
  type StreamConsumer,
  type StreamMessage,
} from '../../bus/index.js';
import { nationalKey } from './victims.js';

/** Records per published message. */
export const RECORDS_PER_MESSAGE = 1_000;
/** A record may arrive this long after newer ones and still count in its window. */
export const LATENESS_MS = 2 * 60_000;
/** A number that has not called for this long (in the records' time) is forgotten. */
export const FORGET_IDLE_MS = 24 * 3_600_000;
/** Messages handed to the consumer at once. */
const BATCH = 20;
const SOURCE_HEADER = 'fanzha-source';

interface Log {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface CdrStreamStats {
  stream: 'in-process' | 'jetstream';
  /** Records taken into the windows. */
  records: number;
  /** Lines of messages published on the bus directly that were not CDRs. */
  badLines: number;
  /** Numbers with windows in memory. */
  numbers: number;
  /** Windows that scored at or above the threshold. */
  markedWindows: number;
  /** Messages published and not yet acknowledged. */
  queueDepth: number;
}

export type MarkedHandler = (marked: CallerScore[]) => Promise<void>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** One NDJSON line per record, `start` as epoch milliseconds: what the intake publishes. */
export function encodeRecords(records: readonly CallDetailRecord[]): Uint8Array {
  return encoder.encode(records.map((record) => JSON.stringify(record)).join('\n'));
}

export class CdrStream {
  private readonly tracker: CallerBehaviourTracker;
  private readonly victims = new Set<string>();
  private consumer: StreamConsumer | null = null;
  private onMarked: MarkedHandler | null = null;
  /** The window boundary of the last sweep (see `closeEnded`). */
  private lastSwept = Number.NEGATIVE_INFINITY;
  private readonly progress: ConsumerProgress;
  private counts = { records: 0, badLines: 0, markedWindows: 0 };

  constructor(
    readonly stream: EventStream,
    private readonly durable: string,
    private readonly options: { threshold?: number; windowMs?: number; log?: Log; registry?: Registry } = {},
  ) {
    this.tracker = this.newTracker();
    this.progress = new ConsumerProgress(stream, durable);
    if (options.registry) this.registerMetrics(options.registry);
  }

  /** Adds numbers that became fraud victims: a call to one counts from now on. */
  addVictims(numbers: Iterable<string>): void {
    for (const number of numbers) this.victims.add(nationalKey(number));
  }

  get victimCount(): number {
    return this.victims.size;
  }

  /** Publishes records in messages of `RECORDS_PER_MESSAGE`; a batch posted twice is dropped by its hash. */
  async publish(
    records: readonly CallDetailRecord[],
    source: string,
  ): Promise<{ messages: number; duplicates: number }> {
    const free = this.stream.freeCapacity();
    const needed = Math.ceil(records.length / RECORDS_PER_MESSAGE);
    if (free !== null && free < needed)
      throw new StreamFullError(`the CDR queue has room for ${free} batches, not ${needed}`, 1);
    let duplicates = 0;
    const subject = `${this.stream.subjectPrefix}.${subjectToken(source)}`;
    for (let offset = 0; offset < records.length; offset += RECORDS_PER_MESSAGE) {
      const data = encodeRecords(records.slice(offset, offset + RECORDS_PER_MESSAGE));
      const msgId = createHash('sha256').update(data).digest('base64url');
      const result = await this.stream.publish(subject, data, {
        msgId,
        headers: { [SOURCE_HEADER]: source },
      });
      if (result.duplicate) duplicates += 1;
    }
    return { messages: needed, duplicates };
  }

  async start(onMarked: MarkedHandler): Promise<void> {
    if (this.consumer) return;
    this.onMarked = onMarked;
    await this.rebuild();
    this.consumer = await this.stream.consume({ durable: this.durable, maxBatch: BATCH }, (messages) =>
      this.handle(messages),
    );
  }

  /** Stops consuming; the in-process queue is first given a few seconds to run empty. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    if (consumer && this.stream instanceof InProcessEventStream) await this.progress.idleWithin(10_000);
    await consumer?.stop();
    if (this.stream instanceof InProcessEventStream && this.stream.depth > 0)
      this.options.log?.error(
        { batches: this.stream.depth },
        'the in-process CDR queue was not empty at stop: these CDRs are lost',
      );
    await this.stream.close();
  }

  /** Resolves once every published batch went through the windows. */
  async whenIdle(): Promise<void> {
    await this.progress.idleWithin(Number.POSITIVE_INFINITY);
  }

  /**
   * Closes every open window now (end of a replay, or a test): windows are otherwise closed only by
   * newer records. Marked windows go to the handler as usual.
   */
  async closeAll(): Promise<void> {
    await this.whenIdle();
    const marked: CallerScore[] = [];
    this.tracker.flushMarked(this.threshold, (score) => marked.push(copy(score)));
    this.counts.markedWindows += marked.length;
    if (marked.length) await this.onMarked?.(marked);
  }

  stats(): CdrStreamStats {
    return {
      stream: this.stream.kind,
      ...this.counts,
      numbers: this.tracker.size,
      queueDepth: this.progress.depth(),
    };
  }

  private get threshold(): number {
    return this.options.threshold ?? CALLER_MARK_THRESHOLD;
  }

  private newTracker(): CallerBehaviourTracker {
    return new CallerBehaviourTracker({
      ...(this.options.windowMs ? { windowMs: this.options.windowMs } : {}),
      victims: (number) => this.victims.size > 0 && this.victims.has(nationalKey(number)),
    });
  }

  /**
   * With JetStream, the windows open when this instance last stopped are rebuilt on start from what the
   * durable consumer had acknowledged in the last two windows (publish time): the same records through
   * the same windows, their marks dropped (they were recorded then). The in-process queue keeps nothing.
   */
  private async rebuild(): Promise<void> {
    if (!(this.stream instanceof JetStreamEventStream)) return;
    const windowMs = this.options.windowMs ?? 3_600_000;
    const replayed: Array<{ subject: string; data: Uint8Array }> = [];
    const flush = () => {
      this.feed(replayed);
      replayed.length = 0;
    };
    const count = await this.stream.replayAcknowledged(
      this.durable,
      new Date(Date.now() - 2 * windowMs - LATENESS_MS),
      (message) => {
        replayed.push(message);
        if (replayed.length === BATCH) flush();
      },
    );
    flush();
    this.counts.markedWindows = 0;
    if (count)
      this.options.log?.warn({ batches: count }, 'caller-behaviour windows rebuilt from the CDR stream');
  }

  /** Runs messages through the windows; returns the windows they closed that scored at or above the threshold. */
  private feed(messages: ReadonlyArray<{ subject: string; data: Uint8Array }>): CallerScore[] {
    const marked: CallerScore[] = [];
    const keep = (score: CallerScore) => marked.push(copy(score));
    let newest = Number.NEGATIVE_INFINITY;
    for (const message of messages) {
      const text = decoder.decode(message.data);
      let line = 0;
      for (const row of text.split('\n')) {
        line += 1;
        if (row.trim() === '') continue;
        const parsed = parseCdrNdjsonLine(row, line);
        if (!parsed.ok) {
          this.counts.badLines += 1;
          if (this.counts.badLines <= 100)
            this.options.log?.warn(
              { subject: message.subject, line, reason: parsed.error },
              'a CDR line on the bus is not a record',
            );
          continue;
        }
        this.counts.records += 1;
        if (parsed.record.start > newest) newest = parsed.record.start;
        this.tracker.mark(parsed.record, this.threshold, keep);
      }
    }
    if (newest > Number.NEGATIVE_INFINITY) this.closeEnded(newest, keep);
    this.counts.markedWindows += marked.length;
    return marked;
  }

  private async handle(messages: StreamMessage[]): Promise<void> {
    this.progress.busy += 1;
    try {
      const marked = this.feed(messages);
      try {
        if (marked.length) await this.onMarked?.(marked);
      } catch (error) {
        // The windows already took these records: redelivering them would count them twice. The marks
        // are lost instead, and said so.
        this.options.log?.error({ err: error, numbers: marked.length }, 'recording marked callers failed');
      }
      for (const message of messages) message.ack();
    } finally {
      this.progress.busy -= 1;
    }
  }

  /**
   * Closes the windows that ended before the batch's newest record (less the lateness). The batch's
   * own time, not the stream's highest: a carrier replaying yesterday beside a live one still has its
   * windows closed as its replay moves on, and live windows end later so they stay open. A sweep runs
   * only when the boundary differs from the last one.
   */
  private closeEnded(newest: number, keep: (score: CallerScore) => void): void {
    const windowMs = this.options.windowMs ?? 3_600_000;
    const boundary = Math.floor((newest - LATENESS_MS) / windowMs) * windowMs;
    if (boundary === this.lastSwept) return;
    this.lastSwept = boundary;
    this.tracker.closeEndedMarked(boundary, this.threshold, keep);
    // Memory follows the numbers calling now: the windows of the others are closed and empty.
    this.tracker.forgetIdle(boundary - FORGET_IDLE_MS);
  }

  private registerMetrics(registry: Registry): void {
    const read = {
      depth: async () => {
        if (!(this.stream instanceof InProcessEventStream)) await this.progress.refreshLag();
        return this.progress.depth() + this.progress.busy;
      },
      records: () => this.counts.records,
      numbers: () => this.tracker.size,
    };
    new Gauge({
      name: 'fanzha_cdr_queue_depth',
      help: 'CDR batches published and not yet through the caller-behaviour windows (last known for JetStream)',
      registers: [registry],
      async collect() {
        this.set(await read.depth());
      },
    });
    new Gauge({
      name: 'fanzha_cdr_records',
      help: 'CDRs taken into the caller-behaviour windows since start',
      registers: [registry],
      collect() {
        this.set(read.records());
      },
    });
    new Gauge({
      name: 'fanzha_cdr_tracked_numbers',
      help: 'Numbers with caller-behaviour windows in memory',
      registers: [registry],
      collect() {
        this.set(read.numbers());
      },
    });
  }
}

function copy(score: CallerScore): CallerScore {
  return { ...score, contributions: [...score.contributions], features: { ...score.features } };
}

/** A subject token from the sender's name (NATS tokens: no dots, spaces or wildcards). */
function subjectToken(source: string): string {
  return source.replace(/[^\w-]/g, '_').slice(0, 64) || 'unknown';
}

/** The stream the app runs: JetStream when `NATS_URL` is set, the bounded in-process queue otherwise. */
export async function openCdrStream(
  config: Config,
  extras: { registry?: Registry; log?: Log; stream?: EventStream; threshold?: number } = {},
): Promise<CdrStream> {
  const stream =
    extras.stream ??
    (config.natsUrl
      ? await JetStreamEventStream.connect(
          config.natsUrl,
          { streamName: config.cdrStreamName, subjectPrefix: config.cdrSubjectPrefix, maxAckPending: 200 },
          'fanzha-cdrs',
        )
      : new InProcessEventStream(config.cdrQueueSize, config.cdrSubjectPrefix));
  return new CdrStream(stream, config.cdrConsumer, {
    ...(extras.log ? { log: extras.log } : {}),
    ...(extras.registry ? { registry: extras.registry } : {}),
    threshold: extras.threshold ?? config.callerMarkThreshold,
  });
}
