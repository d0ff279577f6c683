import { InProcessBus } from './in-process.js';
import { NatsBus } from './nats.js';
import type { EventBus } from './types.js';

export { InProcessBus } from './in-process.js';
export { NatsBus } from './nats.js';
export { INTEL_CHANGED, type EventBus } from './types.js';

/** NATS when a URL is configured, the in-process bus otherwise. */
export async function openBus(natsUrl: string | null, name?: string): Promise<EventBus> {
  return natsUrl ? NatsBus.connect(natsUrl, name) : new InProcessBus();
}
