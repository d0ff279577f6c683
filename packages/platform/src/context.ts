/**
 * What every service function receives: the store, the clock and the configuration. The platform owns
 * the clock (so the simulator can run a day in a minute); services never call `new Date()` themselves.
 */
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { EventBus } from './bus/index.js';
import type { Database } from './store/schema.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Context {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  /** The event bus; absent in one-shot tools (CLI) that signal nobody. */
  bus?: EventBus;
}
