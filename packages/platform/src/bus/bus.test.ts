import { describe, expect, it } from 'vitest';
import { InProcessBus } from './in-process.js';
import { NatsBus } from './nats.js';
import type { EventBus } from './types.js';

const natsUrl = process.env.NATS_URL;

async function exchange(publisher: EventBus, subscriber: EventBus) {
  const received: unknown[] = [];
  const subject = `fanzha.test.${Math.random().toString(36).slice(2)}`;
  const unsubscribe = await subscriber.subscribe(subject, (payload) => received.push(payload));
  await publisher.publish(subject, { n: 1, text: '预警' });
  await publisher.publish(subject, { n: 2 });
  await expect.poll(() => received.length).toBe(2);
  await unsubscribe();
  await publisher.publish(subject, { n: 3 });
  await new Promise((resolve) => setTimeout(resolve, 100));
  return received;
}

describe('InProcessBus', () => {
  it('delivers copies to subscribers on a later turn, in order, until they unsubscribe', async () => {
    const bus = new InProcessBus();
    const payload = { n: 1 };
    let seen: unknown;
    await bus.subscribe('fanzha.x', (p) => (seen = p));
    await bus.publish('fanzha.x', payload);
    expect(seen).toBeUndefined();
    await expect.poll(() => seen).toEqual(payload);
    expect(seen).not.toBe(payload);
    expect(await exchange(bus, bus)).toEqual([{ n: 1, text: '预警' }, { n: 2 }]);
    await bus.close();
  });
});

// Runs where a NATS server is configured (CI sets NATS_URL for its service run).
describe.runIf(natsUrl)('NatsBus', () => {
  it('carries messages between two connections', async () => {
    const a = await NatsBus.connect(natsUrl!, 'test-a');
    const b = await NatsBus.connect(natsUrl!, 'test-b');
    expect(await exchange(a, b)).toEqual([{ n: 1, text: '预警' }, { n: 2 }]);
    await a.close();
    await b.close();
  });
});

describe('NatsBus.connect', () => {
  it('names the server it cannot reach', async () => {
    await expect(NatsBus.connect('nats://127.0.0.1:1')).rejects.toThrow(
      /cannot reach NATS at nats:\/\/127\.0\.0\.1:1/,
    );
  });
});
