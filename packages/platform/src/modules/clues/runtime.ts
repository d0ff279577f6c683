/** The clues' background work of one platform instance: the reminder and escalation job. */
import type { Context } from '../../context.js';
import { ClueEscalator } from './escalation.js';

export interface CluesOptions {
  /** How often overdue clues are escalated (ms); 0: never by itself (tests call `escalator.runOnce()`). */
  escalationIntervalMs?: number;
  onError?: (error: unknown) => void;
}

export interface CluesRuntime {
  escalator: ClueEscalator;
  stop(): Promise<void>;
}

export function startClues(ctx: Context, options: CluesOptions = {}): CluesRuntime {
  const escalator = new ClueEscalator(ctx, options.onError);
  escalator.start(options.escalationIntervalMs ?? 60_000);
  return { escalator, stop: () => escalator.stop() };
}
