/**
 * The embedded event stream: a bounded queue in this process with the same contract as JetStream —
 * a message stays counted until it is acked, a nak puts it back after a delay, a message id already
 * waiting is not queued twice. When the queue is full `publish` throws `StreamFullError`: memory never
 * grows past `capacity` messages. Nothing survives a restart (use NATS for that).
 */
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

/** When a handler returns without settling a message (a bug), it comes back after this long. */
const UNSETTLED_RETRY_MS = 1_000;

interface Entry {
  subject: string;
  data: Uint8Array;
  headers: Record<string, string>;
  msgId: string;
  deliveries: number;
}

export class InProcessEventStream implements EventStream {
  readonly kind = 'in-process' as const;
  /** Ready to deliver, oldest first; `head` is the index of the next one (a cheap FIFO). */
  private ready: Entry[] = [];
  private head = 0;
  /** Ids of every message not yet acked: deduplication and the capacity count. */
  private readonly pending = new Set<string>();
  /** Naked messages waiting out their delay. */
  private readonly delayed = new Map<NodeJS.Timeout, Entry>();
  private wake: (() => void) | null = null;
  private consuming = false;

  constructor(
    readonly capacity: number,
    readonly subjectPrefix = 'fanzha.events',
  ) {}

  async publish(subject: string, data: Uint8Array, options: PublishOptions): Promise<PublishResult> {
    if (this.pending.has(options.msgId)) return { duplicate: true };
    if (this.pending.size >= this.capacity)
      throw new StreamFullError(`the event queue is full (${this.capacity} events)`, 1);
    this.pending.add(options.msgId);
    this.enqueue({ subject, data, headers: { ...options.headers }, msgId: options.msgId, deliveries: 0 });
    return { duplicate: false };
  }

  freeCapacity(): number {
    return this.capacity - this.pending.size;
  }

  /** Messages waiting or in flight. */
  get depth(): number {
    return this.pending.size;
  }

  async lag(): Promise<number> {
    return this.pending.size;
  }

  async consume(options: ConsumeOptions, handler: BatchHandler): Promise<StreamConsumer> {
    if (this.consuming) throw new Error('the in-process event stream has one consumer at a time');
    this.consuming = true;
    let stopped = false;
    const loop = (async () => {
      while (!stopped) {
        if (this.head >= this.ready.length) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        const deliveries = this.take(options.maxBatch).map((entry) => this.deliver(entry));
        try {
          await handler(deliveries.map(({ message }) => message));
        } catch {
          // Settled below: a handler that failed before it settled a message gets it again later.
        }
        for (const { message, settled } of deliveries) if (!settled()) message.nak(UNSETTLED_RETRY_MS);
      }
    })();
    return {
      stop: async () => {
        stopped = true;
        this.wake?.();
        await loop;
        this.consuming = false;
      },
    };
  }

  /** Cancels the redelivery delays (their messages wait, ready, for the next consumer). */
  async close(): Promise<void> {
    for (const [timer, entry] of this.delayed) {
      clearTimeout(timer);
      this.ready.push(entry);
    }
    this.delayed.clear();
    this.wake?.();
  }

  private enqueue(entry: Entry): void {
    this.ready.push(entry);
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private take(max: number): Entry[] {
    const end = Math.min(this.ready.length, this.head + max);
    const batch = this.ready.slice(this.head, end);
    this.head = end;
    if (this.head > 1024 && this.head * 2 > this.ready.length) {
      this.ready = this.ready.slice(this.head);
      this.head = 0;
    }
    return batch;
  }

  private deliver(entry: Entry): { message: StreamMessage; settled: () => boolean } {
    entry.deliveries += 1;
    let settled = false;
    const message: StreamMessage = {
      subject: entry.subject,
      data: entry.data,
      headers: entry.headers,
      deliveryCount: entry.deliveries,
      ack: () => {
        if (settled) return;
        settled = true;
        this.pending.delete(entry.msgId);
      },
      nak: (delayMs) => {
        if (settled) return;
        settled = true;
        const timer = setTimeout(() => {
          this.delayed.delete(timer);
          this.enqueue(entry);
        }, delayMs);
        this.delayed.set(timer, entry);
      },
    };
    return { message, settled: () => settled };
  }
}
