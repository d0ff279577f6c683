/**
 * The module as the app runs it: the CDR stream with its consumer, whose marks are recorded
 * (list + review queue), and the victims' numbers refreshed every minute from cases and warnings.
 */
import type { Registry } from 'prom-client';
import type { Context } from '../../context.js';
import type { EventStream } from '../../bus/index.js';
import { recordMarks } from './candidates.js';
import { openCdrStream, type CdrStream } from './stream.js';
import { VictimFeed } from './victims.js';

interface Log {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface CallerBehaviourOptions {
  registry?: Registry;
  log?: Log;
  /** A stream to use instead of the configured one (tests). */
  stream?: EventStream;
  /** How often the victims' numbers are read; 0: only at start (tests refresh by hand). Default 60 s. */
  victimsIntervalMs?: number;
}

export interface CallerBehaviourRuntime {
  stream: CdrStream;
  victims: VictimFeed;
  /** Starts consuming (the app calls it when ready). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function openCallerBehaviour(
  ctx: Context,
  options: CallerBehaviourOptions = {},
): Promise<CallerBehaviourRuntime> {
  const stream = await openCdrStream(ctx.config, options);
  const victims = new VictimFeed(ctx, (numbers) => stream.addVictims(numbers));
  const onError = (error: unknown) =>
    options.log?.error({ err: error }, 'reading the victims’ numbers failed');
  return {
    stream,
    victims,
    async start() {
      await victims.refresh().catch(onError);
      victims.start(options.victimsIntervalMs ?? 60_000, onError);
      await stream.start(async (marked) => {
        await recordMarks(ctx, marked);
      });
    },
    async stop() {
      victims.stop();
      await stream.stop();
    },
  };
}
