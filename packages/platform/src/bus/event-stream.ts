/**
 * The durable event stream: unlike the fan-out `EventBus`, every message is kept until a consumer
 * acknowledges it (at-least-once). Two implementations: NATS JetStream (`JetStreamEventStream`, when
 * `NATS_URL` is set) and a bounded in-process queue (`InProcessEventStream`). Subjects are
 * `<prefix>.<kind>`, by default `fanzha.events.<kind>`.
 */

/** One delivery of a message. The consumer must `ack` or `nak` each one it is given. */
export interface StreamMessage {
  subject: string;
  data: Uint8Array;
  headers: Readonly<Record<string, string>>;
  /** 1 on the first delivery, 2 on the first redelivery, … */
  deliveryCount: number;
  /** Done with it: it will not be delivered again. Call only after its effects are committed. */
  ack(): void;
  /** Not done: deliver it again after `delayMs`. */
  nak(delayMs: number): void;
}

export interface PublishOptions {
  /** The deduplication key: a second publish with the same id (while the first is known) is dropped. */
  msgId: string;
  headers?: Record<string, string>;
}

export interface PublishResult {
  /** The stream already had a message with this id. */
  duplicate: boolean;
}

/** Raised by `publish` when the stream cannot take more now; the caller should retry later. */
export class StreamFullError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'StreamFullError';
  }
}

/**
 * Called with up to `maxBatch` messages at a time, one call after the other (never concurrently); it
 * must ack or nak every message before it resolves or rejects.
 */
export type BatchHandler = (messages: StreamMessage[]) => Promise<void>;

export interface ConsumeOptions {
  /** The durable consumer's name: deliveries are tracked per name, across restarts. */
  durable: string;
  /** The most messages handed over (and held unacknowledged) at once: the back-pressure bound. */
  maxBatch: number;
}

export interface StreamConsumer {
  /** Stops taking messages; resolves when the batch in hand is done. Unacked messages are redelivered. */
  stop(): Promise<void>;
}

export interface EventStream {
  readonly kind: 'in-process' | 'jetstream';
  /** The subject prefix, e.g. `fanzha.events` (messages go to `<prefix>.<kind>`). */
  readonly subjectPrefix: string;
  /** Throws `StreamFullError` when the stream is full. */
  publish(subject: string, data: Uint8Array, options: PublishOptions): Promise<PublishResult>;
  /** Room left for messages, or null when the stream (JetStream) bounds itself. */
  freeCapacity(): number | null;
  consume(options: ConsumeOptions, handler: BatchHandler): Promise<StreamConsumer>;
  /** Messages published but not yet acknowledged by the durable consumer (waiting or in flight). */
  lag(durable: string): Promise<number>;
  close(): Promise<void>;
}
