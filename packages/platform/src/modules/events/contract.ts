/**
 * The contract between the event intake and whoever handles the events (the warnings module): what an
 * accepted event looks like, and the pipeline a handler registers with. Re-exported by `index.ts`.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { ValidEvent } from './wire.js';

/** A valid event, stored once per id, handed to the handler. */
export interface AcceptedEvent extends ValidEvent {
  /** When the platform received it (its clock). */
  receivedAt: Date;
  /** The sending API key's name, or 'bus' for an event published on the bus directly. */
  source: string;
}

/**
 * Handles one event inside the transaction that stored it: its effects commit with the event or not at
 * all. Called once per stored event; called again only if the transaction failed (then nothing of the
 * first call was committed). Throwing rolls back and retries later; after `FANZHA_EVENT_MAX_ATTEMPTS`
 * failures the event becomes a dead letter. Work outside the store (notifications) belongs after
 * commit, not here.
 */
export type EventHandler = (event: AcceptedEvent, trx: Transaction<Database>) => Promise<void>;

export interface Rejection {
  /** Position of the event in the request (0-based; for NDJSON the n-th non-empty line). */
  index: number;
  id: string | null;
  reason: string;
}

export type SubmitResult =
  | { full: false; accepted: number; duplicates: number; rejected: Rejection[] }
  /** The queue cannot take the batch now: nothing of it was taken; send it again after the delay. */
  | { full: true; retryAfterSeconds: number; reason: string };

export interface PipelineStats {
  /** 'in-process' or 'jetstream'. */
  stream: string;
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  deadLettered: number;
  /** Events stored (and handed to the handler, when one is set). */
  handled: number;
  handlerFailures: number;
  /** Events published but not yet acknowledged (last known for JetStream). */
  queueDepth: number;
}

/** The event pipeline started by the app; register the handler before `start`. */
export interface EventPipeline {
  setHandler(handler: EventHandler): void;
  /**
   * Validates `events`, dead-letters the invalid ones and publishes the valid ones to
   * `fanzha.events.<kind>`. `source` is the API key's name (or 'bus'); `unitCode` its unit.
   */
  submit(events: unknown[], source: string, options?: { unitCode?: string | null }): Promise<SubmitResult>;
  start(): Promise<void>;
  stop(): Promise<void>;
  stats(): PipelineStats;
  /** Resolves once every event published so far has been handled (tests, the simulator's end). */
  whenIdle(): Promise<void>;
}
