/**
 * The event stream on NATS JetStream: stream `FANZHA_EVENTS` on `fanzha.events.>` (both names
 * configurable, so test runs do not collide), publishes deduplicated by `msgID` within the stream's
 * duplicate window, and a durable pull consumer with explicit ack. At most `maxAckPending` messages
 * are delivered and unacknowledged at once: that server-side limit is the consumer's back-pressure.
 */
import {
  AckPolicy,
  connect,
  DeliverPolicy,
  DiscardPolicy,
  headers as natsHeaders,
  nanos,
  RetentionPolicy,
  StorageType,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import {
  StreamFullError,
  type BatchHandler,
  type ConsumeOptions,
  type EventStream,
  type PublishOptions,
  type PublishResult,
  type StreamConsumer,
  type StreamMessage,
} from './event-stream.js';

export interface JetStreamOptions {
  /** Stream name, default FANZHA_EVENTS. */
  streamName: string;
  /** Subject prefix, default fanzha.events: the stream holds `<prefix>.>`. */
  subjectPrefix: string;
  /** How long a delivered message may stay unacknowledged before the server redelivers it. */
  ackWaitMs: number;
  /** Delivered, unacknowledged messages per durable consumer at most (back-pressure). */
  maxAckPending: number;
  /** Window in which a second publish with the same msgID is dropped by the server. */
  duplicateWindowMs: number;
  /** How long the stream keeps messages (the store keeps the events; this is for replays). */
  maxAgeMs: number;
}

export const defaultJetStreamOptions: JetStreamOptions = {
  streamName: 'FANZHA_EVENTS',
  subjectPrefix: 'fanzha.events',
  ackWaitMs: 30_000,
  maxAckPending: 1_000,
  duplicateWindowMs: 10 * 60_000,
  maxAgeMs: 7 * 24 * 3_600_000,
};

/** Publish failures that mean "not now" (server busy, unreachable, stream limits), not a bug. */
const TRANSIENT_CODES = new Set(['TIMEOUT', '503', 'DISCONNECT', 'CONNECTION_CLOSED', 'CONNECTION_DRAINING']);
const RETRY_AFTER_SECONDS = 5;

export class JetStreamEventStream implements EventStream {
  readonly kind = 'jetstream' as const;
  readonly subjectPrefix: string;
  private readonly js: JetStreamClient;

  private constructor(
    private readonly connection: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly options: JetStreamOptions,
  ) {
    this.js = connection.jetstream();
    this.subjectPrefix = options.subjectPrefix;
  }

  /** Connects and creates the stream if it does not exist yet. */
  static async connect(
    url: string,
    options: Partial<JetStreamOptions> = {},
    name = 'fanzha-events',
  ): Promise<JetStreamEventStream> {
    const settings = { ...defaultJetStreamOptions, ...options };
    let connection: NatsConnection;
    try {
      connection = await connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 1_000 });
    } catch (error) {
      throw new Error(`cannot reach NATS at ${url}: ${(error as Error).message}`, { cause: error });
    }
    try {
      const jsm = await connection.jetstreamManager();
      await ensureStream(jsm, settings);
      return new JetStreamEventStream(connection, jsm, settings);
    } catch (error) {
      await connection.close();
      throw new Error(
        `cannot set up the JetStream stream ${settings.streamName}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }

  async publish(subject: string, data: Uint8Array, options: PublishOptions): Promise<PublishResult> {
    const headers = natsHeaders();
    for (const [key, value] of Object.entries(options.headers ?? {})) headers.set(key, value);
    try {
      const ack = await this.js.publish(subject, data, { msgID: options.msgId, headers });
      return { duplicate: ack.duplicate };
    } catch (error) {
      const { code, message } = error as { code?: string; message: string };
      if ((code && TRANSIENT_CODES.has(code)) || /maximum|insufficient resources|exceeded/i.test(message))
        throw new StreamFullError(`JetStream cannot take events now: ${message}`, RETRY_AFTER_SECONDS);
      throw error;
    }
  }

  freeCapacity(): null {
    return null;
  }

  async consume(options: ConsumeOptions, handler: BatchHandler): Promise<StreamConsumer> {
    await this.ensureConsumer(options.durable);
    const consumer = await this.js.consumers.get(this.options.streamName, options.durable);
    const messages = await consumer.consume({ max_messages: options.maxBatch });
    let stopping!: () => void;
    const stopped = new Promise<null>((resolve) => (stopping = () => resolve(null)));
    const loop = deliverBatches(messages, options.maxBatch, handler, stopped);
    return {
      stop: async () => {
        // Waits for the batch in hand only: after a dropped connection neither the iterator nor
        // `close` may ever settle.
        stopping();
        void messages.close().catch(() => undefined);
        await loop;
      },
    };
  }

  /**
   * Hands over again, in order, the messages published since `since` that the durable consumer has
   * already acknowledged (up to its ack floor): what a consumer keeping state in memory reads on start
   * to rebuild it. Returns how many it handed over.
   */
  async replayAcknowledged(
    durable: string,
    since: Date,
    handle: (message: { subject: string; data: Uint8Array }) => void,
  ): Promise<number> {
    let floor: number;
    try {
      floor = (await this.jsm.consumers.info(this.options.streamName, durable)).ack_floor.stream_seq;
    } catch (error) {
      if (isNotFound(error)) return 0;
      throw error;
    }
    if (floor === 0) return 0;
    const consumer = await this.js.consumers.get(this.options.streamName, {
      filterSubjects: `${this.options.subjectPrefix}.>`,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: since.toISOString(),
    });
    let count = 0;
    for (;;) {
      const batch = await consumer.fetch({ max_messages: 500, expires: 1_000 });
      let fetched = 0;
      let done = false;
      for await (const message of batch) {
        fetched += 1;
        if (message.seq > floor) done = true;
        if (done) continue;
        handle({ subject: message.subject, data: message.data });
        count += 1;
      }
      if (done || fetched === 0) return count;
    }
  }

  async lag(durable: string): Promise<number> {
    const info = await this.jsm.consumers.info(this.options.streamName, durable);
    return info.num_pending + info.num_ack_pending;
  }

  async close(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain();
  }

  /** Drops the connection without draining, as a crash would: unacked messages go to the next consumer. */
  async disconnect(): Promise<void> {
    await this.connection.close();
  }

  /** Removes the stream and its consumers (tests clean up their own). */
  async deleteStream(): Promise<void> {
    await this.jsm.streams.delete(this.options.streamName);
  }

  private async ensureConsumer(durable: string): Promise<void> {
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(this.options.ackWaitMs),
      max_ack_pending: this.options.maxAckPending,
      deliver_policy: DeliverPolicy.All,
      filter_subject: `${this.options.subjectPrefix}.>`,
      // Redelivery is unlimited here: the consumer dead-letters after its own count of handler failures.
      max_deliver: -1,
    };
    try {
      await this.jsm.consumers.info(this.options.streamName, durable);
      await this.jsm.consumers.update(this.options.streamName, durable, {
        ack_wait: config.ack_wait,
        max_ack_pending: config.max_ack_pending,
      });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.jsm.consumers.add(this.options.streamName, config);
    }
  }
}

async function ensureStream(jsm: JetStreamManager, options: JetStreamOptions): Promise<void> {
  try {
    await jsm.streams.info(options.streamName);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.streams.add({
      name: options.streamName,
      subjects: [`${options.subjectPrefix}.>`],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      duplicate_window: nanos(options.duplicateWindowMs),
      max_age: nanos(options.maxAgeMs),
    });
  }
}

function isNotFound(error: unknown): boolean {
  const { code, api_error: apiError } = error as { code?: string; api_error?: { code?: number } };
  return code === '404' || apiError?.code === 404;
}

/**
 * Hands the consumer's messages to `handler` in batches: whatever has already arrived, up to
 * `maxBatch`, without waiting for more. Resolves when the message iterator ends or `stopped` resolves.
 */
async function deliverBatches(
  messages: ConsumerMessages,
  maxBatch: number,
  handler: BatchHandler,
  stopped: Promise<null>,
): Promise<void> {
  const iterator = messages[Symbol.asyncIterator]();
  const nextTurn = () => new Promise<null>((resolve) => setImmediate(() => resolve(null)));
  let carried: Promise<IteratorResult<JsMsg>> | null = null;
  try {
    for (;;) {
      const first = await Promise.race([carried ?? iterator.next(), stopped]);
      carried = null;
      if (first === null || first.done) return;
      const batch = [first.value];
      let ended = false;
      while (batch.length < maxBatch && messages.getPending() > 0) {
        const next = iterator.next();
        const result = await Promise.race([next, nextTurn()]);
        if (result === null) {
          carried = next;
          break;
        }
        if (result.done) {
          ended = true;
          break;
        }
        batch.push(result.value);
      }
      try {
        await handler(batch.map(toStreamMessage));
      } catch {
        // The handler settles each message itself; one left unsettled is redelivered after ack_wait.
      }
      if (ended) return;
    }
  } catch {
    // The connection closed under the iterator (a crash, or a test killing it): nothing to hand over.
  }
}

function toStreamMessage(message: JsMsg): StreamMessage {
  const headers: Record<string, string> = {};
  for (const key of message.headers?.keys() ?? []) headers[key.toLowerCase()] = message.headers!.get(key);
  return {
    subject: message.subject,
    data: message.data,
    headers,
    deliveryCount: message.info.redeliveryCount,
    // On a closed connection an ack cannot leave; the server redelivers and the consumer skips the duplicate.
    ack: () => ignoreClosed(() => message.ack()),
    nak: (delayMs) => ignoreClosed(() => message.nak(delayMs)),
  };
}

function ignoreClosed(settle: () => void): void {
  try {
    settle();
  } catch {
    // See toStreamMessage.
  }
}
