/**
 * The event bus: one interface, two implementations — in-process (embedded, the default) and NATS
 * (a deployment with several platform instances and screening nodes). Subjects are `fanzha.*`.
 * Payloads are JSON. Delivery here is at-most-once fan-out: used for signals whose content lives in
 * the store (a node that misses one catches up by polling). Durable event streams with explicit
 * acknowledgement (JetStream) come with the warning work.
 */
export interface EventBus {
  readonly kind: 'in-process' | 'nats';
  publish(subject: string, payload: unknown): Promise<void>;
  /** Calls `handler` for every message on `subject`; returns a function that unsubscribes. */
  subscribe(subject: string, handler: (payload: unknown) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Published after every committed change of the intelligence lists; followers then read the change log. */
export const INTEL_CHANGED = 'fanzha.intel.changed';
