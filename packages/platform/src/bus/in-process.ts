/** The embedded bus: subscribers in this process only. */
import { EventEmitter } from 'node:events';
import type { EventBus } from './types.js';

export class InProcessBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(subject: string, payload: unknown): Promise<void> {
    // Delivered on the next turn, as a network bus would: a publisher never runs its subscribers inline.
    const copy = JSON.parse(JSON.stringify(payload ?? null)) as unknown;
    setImmediate(() => this.emitter.emit(subject, copy));
  }

  async subscribe(subject: string, handler: (payload: unknown) => void): Promise<() => Promise<void>> {
    this.emitter.on(subject, handler);
    return async () => {
      this.emitter.off(subject, handler);
    };
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
