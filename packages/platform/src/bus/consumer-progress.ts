/**
 * How far a durable consumer of an event stream is behind: messages being handled now (`busy`) and
 * messages the stream still holds for it (its lag, read from the stream; the last reading is kept while
 * the server is unreachable). Tells when everything published has been handled.
 */
import type { EventStream } from './event-stream.js';
import { InProcessEventStream } from './in-process-stream.js';

export class ConsumerProgress {
  /** Messages taken from the stream and not yet settled. */
  busy = 0;
  private lastLag = 0;

  constructor(
    private readonly stream: EventStream,
    private readonly durable: string,
  ) {}

  /** Messages waiting: the in-process queue's own count, or the last lag read from the server. */
  depth(): number {
    return this.stream instanceof InProcessEventStream ? this.stream.depth : this.lastLag;
  }

  async refreshLag(): Promise<number> {
    try {
      this.lastLag = await this.stream.lag(this.durable);
    } catch {
      // Keep the last reading while the server is unreachable.
    }
    return this.lastLag;
  }

  /** Whether every published message was handled within `ms`. */
  async idleWithin(ms: number): Promise<boolean> {
    const deadline = performance.now() + ms;
    for (;;) {
      if (this.busy === 0 && (await this.refreshLag()) === 0) return true;
      if (performance.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
