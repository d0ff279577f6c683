/** The intake's Prometheus metrics, registered on the app's registry (`/metrics`). */
import { Counter, Gauge, type Registry } from 'prom-client';

export type EventOutcome =
  | 'received'
  | 'accepted'
  | 'duplicate'
  | 'rejected'
  | 'dead_lettered'
  | 'handled'
  | 'handler_failed'
  | 'refused_full';

export interface EventMetrics {
  count(outcome: EventOutcome, n?: number): void;
}

export function createEventMetrics(
  registry: Registry,
  readings: { queueDepth: () => number; consumerLag: () => Promise<number> },
): EventMetrics {
  const events = new Counter({
    name: 'fanzha_events_total',
    help: 'Partner events by outcome: received, accepted (published), duplicate, rejected (invalid), dead_lettered, handled (stored), handler_failed, refused_full (queue full)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'fanzha_event_queue_depth',
    help: 'Events published and not yet acknowledged by the consumer (last known for JetStream)',
    registers: [registry],
    collect() {
      this.set(readings.queueDepth());
    },
  });
  new Gauge({
    name: 'fanzha_event_consumer_lag',
    help: 'Events the durable consumer has not acknowledged yet (pending plus in flight)',
    registers: [registry],
    async collect() {
      this.set(await readings.consumerLag().catch(() => Number.NaN));
    },
  });
  return { count: (outcome, n = 1) => events.inc({ outcome }, n) };
}
