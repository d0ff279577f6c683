/**
 * The event pipeline: intake (validate, dead-letter the invalid, publish the valid to
 * `<prefix>.<kind>`) and the durable consumer (store each event once, hand it to the handler in the
 * same transaction, acknowledge only after commit). At-least-once delivery plus the `events` primary
 * key make handling exactly-once in effect: a redelivered event finds its row and is skipped.
 */
import type { Registry } from 'prom-client';
import type { Context } from '../../context.js';
import {
  ConsumerProgress,
  InProcessEventStream,
  JetStreamEventStream,
  StreamFullError,
  type EventStream,
  type StreamConsumer,
  type StreamMessage,
} from '../../bus/index.js';
import type {
  AcceptedEvent,
  EventHandler,
  EventPipeline,
  PipelineStats,
  Rejection,
  SubmitResult,
} from './contract.js';
import { createEventMetrics, type EventMetrics, type EventOutcome } from './metrics.js';
import { existingEventIds, insertDeadLetters, insertNewEvents, type DeadLetter } from './store.js';
import { checkEvent, readWireForm, UnreadableLine, wireForm, type ValidEvent } from './wire.js';

export interface PipelineOptions {
  /** The durable consumer's name. */
  durable: string;
  /** Events per store transaction and per delivery batch. */
  batchSize: number;
  /** Handler failures of one event before it becomes a dead letter. */
  maxAttempts: number;
  /** First retry delay after a failure; doubles per attempt, at most 30 s. */
  retryBaseMs: number;
}

interface Log {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** Headers the intake sets on what it publishes; events published on the bus directly have none. */
const SOURCE_HEADER = 'fanzha-source';
const RECEIVED_HEADER = 'fanzha-received-at';
const UNIT_HEADER = 'fanzha-unit';
const BUS_SOURCE = 'bus';
const MAX_RETRY_MS = 30_000;
const PUBLISH_CHUNK = 256;
const STOP_DRAIN_MS = 10_000;

/** A handler's own failure, as opposed to the store's: only these count towards dead-lettering. */
class HandlerFailure extends Error {
  constructor(readonly original: unknown) {
    super((original as Error)?.message ?? String(original));
  }
}

type Decoded =
  { message: StreamMessage; event: AcceptedEvent } | { message: StreamMessage; letter: DeadLetter };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class StreamEventPipeline implements EventPipeline {
  private handler: EventHandler | null = null;
  private consumer: StreamConsumer | null = null;
  /** Set while `stop` lets the in-process queue run empty: new events are refused meanwhile. */
  private draining = false;
  private lagTimer: NodeJS.Timeout | null = null;
  private readonly counts: Record<EventOutcome, number> = {
    received: 0,
    accepted: 0,
    duplicate: 0,
    rejected: 0,
    dead_lettered: 0,
    handled: 0,
    handler_failed: 0,
    refused_full: 0,
  };
  private readonly metrics: EventMetrics | null;
  private readonly progress: ConsumerProgress;

  constructor(
    private readonly ctx: Context,
    readonly stream: EventStream,
    private readonly options: PipelineOptions,
    extras: { registry?: Registry; log?: Log } = {},
  ) {
    this.log = extras.log ?? null;
    this.progress = new ConsumerProgress(stream, options.durable);
    this.metrics = extras.registry
      ? createEventMetrics(extras.registry, {
          queueDepth: () => this.progress.depth(),
          consumerLag: () => this.stream.lag(this.options.durable),
        })
      : null;
  }

  private readonly log: Log | null;

  setHandler(handler: EventHandler): void {
    if (this.consumer) throw new Error('set the event handler before the event pipeline starts');
    this.handler = handler;
  }

  async submit(
    events: unknown[],
    source: string,
    options: { unitCode?: string | null } = {},
  ): Promise<SubmitResult> {
    this.count('received', events.length);
    if (this.draining) {
      this.count('refused_full', events.length);
      return { full: true, retryAfterSeconds: 5, reason: 'the platform is stopping' };
    }
    const now = this.ctx.clock.now();
    const unitCode = options.unitCode ?? null;
    const rejected: Rejection[] = [];
    const letters: DeadLetter[] = [];
    const valid: ValidEvent[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    events.forEach((input, index) => {
      const check = checkEvent(input, now);
      if (!check.ok) {
        rejected.push({ index, id: check.id, reason: check.reason });
        letters.push({
          eventId: check.id,
          stage: 'validation',
          reason: check.reason,
          payload: input instanceof UnreadableLine ? input.text : input,
          source,
          unitCode,
          receivedAt: now,
        });
      } else if (seen.has(check.event.id)) duplicates += 1;
      else {
        seen.add(check.event.id);
        valid.push(check.event);
      }
    });

    const stored = await existingEventIds(
      this.ctx.db,
      valid.map((event) => event.id),
    );
    const fresh = valid.filter((event) => !stored.has(event.id));
    duplicates += valid.length - fresh.length;

    const free = this.stream.freeCapacity();
    if (free !== null && free < fresh.length) {
      this.count('refused_full', events.length);
      return {
        full: true,
        retryAfterSeconds: 1,
        reason: `the event queue has room for ${free} events, not ${fresh.length}`,
      };
    }

    const headers: Record<string, string> = { [SOURCE_HEADER]: source, [RECEIVED_HEADER]: now.toISOString() };
    if (unitCode) headers[UNIT_HEADER] = unitCode;
    let accepted = 0;
    try {
      for (let start = 0; start < fresh.length; start += PUBLISH_CHUNK) {
        const results = await Promise.all(
          fresh
            .slice(start, start + PUBLISH_CHUNK)
            .map((event) =>
              this.stream.publish(
                `${this.stream.subjectPrefix}.${event.kind}`,
                encoder.encode(JSON.stringify(wireForm(event))),
                { msgId: event.id, headers },
              ),
            ),
        );
        for (const result of results) {
          if (result.duplicate) duplicates += 1;
          else accepted += 1;
        }
      }
    } catch (error) {
      if (!(error instanceof StreamFullError)) throw error;
      this.count('refused_full', events.length);
      return { full: true, retryAfterSeconds: error.retryAfterSeconds, reason: error.message };
    }

    await insertDeadLetters(this.ctx.db, letters);
    this.count('accepted', accepted);
    this.count('duplicate', duplicates);
    this.count('rejected', rejected.length);
    this.count('dead_lettered', letters.length);
    return { full: false, accepted, duplicates, rejected };
  }

  async start(): Promise<void> {
    if (this.consumer) return;
    this.consumer = await this.stream.consume(
      { durable: this.options.durable, maxBatch: this.options.batchSize },
      (messages) => this.handleBatch(messages),
    );
    this.lagTimer = setInterval(() => void this.progress.refreshLag(), 5_000);
    this.lagTimer.unref();
  }

  /**
   * Stops consuming. The in-process queue lives in memory only, so it is first given up to
   * `STOP_DRAIN_MS` to run empty; what is left then is logged as lost. JetStream keeps its messages.
   */
  async stop(): Promise<void> {
    if (this.lagTimer) clearInterval(this.lagTimer);
    this.lagTimer = null;
    const consumer = this.consumer;
    if (consumer && this.stream instanceof InProcessEventStream) {
      this.draining = true;
      try {
        await this.progress.idleWithin(STOP_DRAIN_MS);
      } finally {
        this.draining = false;
      }
    }
    this.consumer = null;
    await consumer?.stop();
    if (this.stream instanceof InProcessEventStream && this.stream.depth > 0)
      this.log?.error(
        { events: this.stream.depth },
        'the in-process event queue was not empty at stop: these events are lost',
      );
    await this.stream.close();
  }

  stats(): PipelineStats {
    return {
      stream: this.stream.kind,
      received: this.counts.received,
      accepted: this.counts.accepted,
      duplicates: this.counts.duplicate,
      rejected: this.counts.rejected,
      deadLettered: this.counts.dead_lettered,
      handled: this.counts.handled,
      handlerFailures: this.counts.handler_failed,
      queueDepth: this.progress.depth(),
    };
  }

  async whenIdle(): Promise<void> {
    await this.progress.idleWithin(Number.POSITIVE_INFINITY);
  }

  private count(outcome: EventOutcome, n = 1): void {
    if (n === 0) return;
    this.counts[outcome] += n;
    this.metrics?.count(outcome, n);
  }

  /** One delivery batch: dead letters first, then every valid event in one transaction if possible. */
  private async handleBatch(messages: StreamMessage[]): Promise<void> {
    this.progress.busy += 1;
    try {
      const decoded = messages.map((message) => this.decode(message));
      const letters = decoded.filter((d) => 'letter' in d);
      if (letters.length)
        await this.deadLetter(letters.map((d) => ({ message: d.message, letter: d.letter })));
      const valid = decoded.filter((d) => 'event' in d);
      if (valid.length > 1) {
        try {
          await this.store(valid.map((d) => d.event));
          for (const d of valid) d.message.ack();
          return;
        } catch {
          // One of them failed: take them one by one so that only that one is retried.
        }
      }
      for (const d of valid) await this.handleOne(d.message, d.event);
    } finally {
      this.progress.busy -= 1;
    }
  }

  private async handleOne(message: StreamMessage, event: AcceptedEvent): Promise<void> {
    try {
      await this.store([event]);
      message.ack();
      return;
    } catch (error) {
      const attempt = message.deliveryCount;
      if (error instanceof HandlerFailure) {
        this.count('handler_failed');
        this.log?.warn({ err: error.original, eventId: event.id, attempt }, 'event handler failed');
        if (attempt >= this.options.maxAttempts) {
          const reason = `the handler failed ${attempt} times; last error: ${error.message}`;
          const letter: DeadLetter = {
            eventId: event.id,
            stage: 'handler',
            reason,
            payload: { ...wireForm(event), receivedAt: event.receivedAt.toISOString(), source: event.source },
            source: event.source,
            unitCode: message.headers[UNIT_HEADER] ?? null,
            receivedAt: event.receivedAt,
          };
          if (await this.deadLetter([{ message, letter }])) return;
        }
      } else {
        this.log?.error({ err: error, eventId: event.id, attempt }, 'storing an event failed');
      }
      message.nak(Math.min(MAX_RETRY_MS, this.options.retryBaseMs * 2 ** (attempt - 1)));
    }
  }

  /** Stores the new ones among `events` and hands each to the handler, all in one transaction. */
  private async store(events: readonly AcceptedEvent[]): Promise<void> {
    const handler = this.handler;
    const handled = await this.ctx.db.transaction().execute(async (trx) => {
      const inserted = await insertNewEvents(trx, events);
      let count = 0;
      for (const event of events) {
        if (!inserted.delete(event.id)) continue;
        count += 1;
        if (!handler) continue;
        try {
          await handler(event, trx);
        } catch (error) {
          throw new HandlerFailure(error);
        }
      }
      return count;
    });
    this.count('handled', handled);
    this.count('duplicate', events.length - handled);
  }

  /** Records dead letters and acks their messages; on a store failure naks them instead. */
  private async deadLetter(items: { message: StreamMessage; letter: DeadLetter }[]): Promise<boolean> {
    try {
      await insertDeadLetters(
        this.ctx.db,
        items.map((item) => item.letter),
      );
    } catch (error) {
      this.log?.error({ err: error }, 'recording dead letters failed');
      for (const item of items) item.message.nak(this.options.retryBaseMs);
      return false;
    }
    for (const item of items) item.message.ack();
    this.count('dead_lettered', items.length);
    return true;
  }

  /** Parses and checks a delivered message; events published on the bus directly are checked here first. */
  private decode(message: StreamMessage): Decoded {
    const now = this.ctx.clock.now();
    const source = message.headers[SOURCE_HEADER] ?? BUS_SOURCE;
    const receivedHeader = message.headers[RECEIVED_HEADER];
    const receivedAt =
      receivedHeader && !Number.isNaN(Date.parse(receivedHeader)) ? new Date(receivedHeader) : now;
    const unitCode = message.headers[UNIT_HEADER] ?? null;
    const fromBus = message.headers[SOURCE_HEADER] === undefined;
    if (fromBus && message.deliveryCount === 1) this.count('received');
    const text = decoder.decode(message.data);
    const reject = (reason: string, payload: unknown, eventId: string | null): Decoded => {
      if (fromBus && message.deliveryCount === 1) this.count('rejected');
      return {
        message,
        letter: { eventId, stage: 'validation', reason, payload, source, unitCode, receivedAt },
      };
    };
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch {
      return reject(`the message on ${message.subject} is not JSON`, text, null);
    }
    // What the intake published it checked already; what arrives on the bus directly is checked now.
    const checked = fromBus ? null : readWireForm(input);
    const check = checked ? ({ ok: true, event: checked } as const) : checkEvent(input, now);
    if (!check.ok) return reject(check.reason, input, check.id);
    const expected = `${this.stream.subjectPrefix}.${check.event.kind}`;
    if (message.subject !== expected)
      return reject(
        `kind ${check.event.kind} does not match the subject ${message.subject} (expected ${expected})`,
        input,
        check.event.id,
      );
    return { message, event: { ...check.event, receivedAt, source } };
  }
}

/** The pipeline the app runs: JetStream when `NATS_URL` is set, the bounded in-process queue otherwise. */
export async function openEventPipeline(
  ctx: Context,
  extras: { registry?: Registry; log?: Log; stream?: EventStream; retryBaseMs?: number } = {},
): Promise<StreamEventPipeline> {
  const { config } = ctx;
  const stream =
    extras.stream ??
    (config.natsUrl
      ? await JetStreamEventStream.connect(config.natsUrl, {
          streamName: config.eventStreamName,
          subjectPrefix: config.eventSubjectPrefix,
          maxAckPending: Math.max(config.eventBatchSize * 4, 100),
        })
      : new InProcessEventStream(config.eventQueueSize, config.eventSubjectPrefix));
  return new StreamEventPipeline(
    ctx,
    stream,
    {
      durable: config.eventConsumer,
      batchSize: config.eventBatchSize,
      maxAttempts: config.eventMaxAttempts,
      retryBaseMs: extras.retryBaseMs ?? 1_000,
    },
    extras,
  );
}
