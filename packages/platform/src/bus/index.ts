import { InProcessBus } from './in-process.js';
import { NatsBus } from './nats.js';
import type { EventBus } from './types.js';

export { InProcessBus } from './in-process.js';
export { NatsBus } from './nats.js';
export { INTEL_CHANGED, type EventBus } from './types.js';
export {
  StreamFullError,
  type BatchHandler,
  type ConsumeOptions,
  type EventStream,
  type PublishOptions,
  type PublishResult,
  type StreamConsumer,
  type StreamMessage,
} from './event-stream.js';
export { ConsumerProgress } from './consumer-progress.js';
export { InProcessEventStream } from './in-process-stream.js';
export { defaultJetStreamOptions, JetStreamEventStream, type JetStreamOptions } from './jetstream.js';

/** NATS when a URL is configured, the in-process bus otherwise. */
export async function openBus(natsUrl: string | null, name?: string): Promise<EventBus> {
  return natsUrl ? NatsBus.connect(natsUrl, name) : new InProcessBus();
}
