/**
 * Notifications of new and changed warnings: published on the event bus (`fanzha.warnings.changed`), so
 * every platform instance hears the changes any of them made, and handed to this instance's listeners
 * (the server-sent-event streams) from the bus. Without a bus (one-shot tools, tests) an in-process
 * one carries them. Never reads the store: the message holds the summary and the unit's path.
 */
import { InProcessBus, type EventBus } from '../../bus/index.js';
import type { WarningSummary } from './views.js';

export const WARNINGS_CHANGED = 'fanzha.warnings.changed';

export interface WarningChange {
  /** `created`, `updated` (new evidence, attempt, transfer), `escalated`. */
  change: 'created' | 'updated' | 'escalated';
  warning: WarningSummary;
  /** Materialised path of the warning's unit: who may see it. */
  unitPath: string;
}

export type WarningListener = (change: WarningChange) => void;

export class WarningNotifier {
  private readonly listeners = new Set<WarningListener>();
  private readonly bus: EventBus;
  private readonly ownBus: boolean;
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(bus?: EventBus) {
    this.bus = bus ?? new InProcessBus();
    this.ownBus = bus === undefined;
  }

  async start(): Promise<void> {
    this.unsubscribe ??= await this.bus.subscribe(WARNINGS_CHANGED, (payload) => {
      const change = payload as WarningChange;
      if (!change || typeof change !== 'object' || !change.warning || typeof change.unitPath !== 'string')
        return;
      for (const listener of this.listeners) listener(change);
    });
  }

  async publish(changes: readonly WarningChange[]): Promise<void> {
    for (const change of changes) await this.bus.publish(WARNINGS_CHANGED, change);
  }

  /** Calls `listener` for every change heard; returns a function that stops it. */
  listen(listener: WarningListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  async stop(): Promise<void> {
    this.listeners.clear();
    await this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.ownBus) await this.bus.close();
  }
}
