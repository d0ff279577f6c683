import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EventStream, StreamMessage } from './event-stream.js';
import { StreamFullError } from './event-stream.js';
import { InProcessEventStream } from './in-process-stream.js';
import { JetStreamEventStream } from './jetstream.js';

const natsUrl = process.env.NATS_URL;
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (message: StreamMessage) => new TextDecoder().decode(message.data);

/** Consumes until `until` holds; naks each message's first delivery when `nakFirst`, acks the rest. */
async function collect(
  stream: EventStream,
  durable: string,
  until: (seen: string[]) => boolean,
  nakFirst = false,
) {
  const seen: string[] = [];
  const consumer = await stream.consume({ durable, maxBatch: 10 }, async (messages) => {
    for (const message of messages) {
      seen.push(`${text(message)}#${message.deliveryCount}`);
      if (nakFirst && message.deliveryCount === 1) message.nak(10);
      else message.ack();
    }
  });
  await expect.poll(() => until(seen), { timeout: 10_000 }).toBe(true);
  await consumer.stop();
  return seen;
}

describe('InProcessEventStream', () => {
  it('drops a message id already waiting, redelivers a nak with its delivery count, and bounds the queue', async () => {
    const stream = new InProcessEventStream(2);
    expect(await stream.publish('fanzha.events.call', bytes('a'), { msgId: 'a' })).toEqual({
      duplicate: false,
    });
    expect(await stream.publish('fanzha.events.call', bytes('a'), { msgId: 'a' })).toEqual({
      duplicate: true,
    });
    await stream.publish('fanzha.events.sms', bytes('b'), { msgId: 'b', headers: { 'fanzha-source': 'x' } });
    expect(stream.freeCapacity()).toBe(0);
    await expect(stream.publish('fanzha.events.call', bytes('c'), { msgId: 'c' })).rejects.toBeInstanceOf(
      StreamFullError,
    );

    const seen = await collect(stream, 'test', (s) => s.length === 4, true);
    expect(seen).toEqual(['a#1', 'b#1', 'a#2', 'b#2']);
    expect(stream.depth).toBe(0);
    expect(await stream.lag()).toBe(0);
    await stream.close();
  });

  it('counts a message as in the queue until it is acked, and redelivers what a handler left unsettled', async () => {
    const stream = new InProcessEventStream(5);
    await stream.publish('s', bytes('x'), { msgId: 'x' });
    let deliveries = 0;
    const consumer = await stream.consume({ durable: 'test', maxBatch: 5 }, async (messages) => {
      deliveries += 1;
      if (deliveries === 1) throw new Error('handler bug');
      for (const message of messages) message.ack();
    });
    await expect.poll(() => stream.depth, { timeout: 5_000 }).toBe(0);
    expect(deliveries).toBe(2);
    await consumer.stop();
    await stream.close();
  });

  it('keeps a message waiting out a redelivery delay when it closes, for the next consumer', async () => {
    const stream = new InProcessEventStream(5);
    await stream.publish('s', bytes('later'), { msgId: 'later' });
    const first = await stream.consume({ durable: 'test', maxBatch: 5 }, async (messages) => {
      for (const message of messages) message.nak(60_000);
    });
    await expect.poll(() => stream.depth).toBe(1);
    await first.stop();
    await stream.close();
    const seen = await collect(stream, 'test', (s) => s.length === 1);
    expect(seen).toEqual(['later#2']);
    expect(stream.depth).toBe(0);
  });
});

// Runs where a NATS server with JetStream is configured (CI sets NATS_URL).
describe.runIf(natsUrl)('JetStreamEventStream', () => {
  it('keeps messages for a durable consumer, deduplicates by msgID and redelivers naks', async () => {
    const run = randomBytes(4).toString('hex');
    const options = {
      streamName: `TEST_EVENTS_${run}`,
      subjectPrefix: `test.${run}.events`,
      ackWaitMs: 2_000,
    };
    const stream = await JetStreamEventStream.connect(natsUrl!, options);
    try {
      const subject = `${options.subjectPrefix}.call`;
      expect(
        await stream.publish(subject, bytes('a'), { msgId: 'a', headers: { 'fanzha-source': 'k' } }),
      ).toEqual({
        duplicate: false,
      });
      expect(await stream.publish(subject, bytes('a'), { msgId: 'a' })).toEqual({ duplicate: true });
      await stream.publish(subject, bytes('b'), { msgId: 'b' });
      expect(stream.freeCapacity()).toBeNull();

      const seen = await collect(stream, `durable-${run}`, (s) => s.length === 4, true);
      expect(seen.sort()).toEqual(['a#1', 'a#2', 'b#1', 'b#2']);
      await expect.poll(() => stream.lag(`durable-${run}`)).toBe(0);
    } finally {
      await stream.deleteStream();
      await stream.close();
    }
  });
});

describe('JetStreamEventStream.connect', () => {
  it('names the server it cannot reach', async () => {
    await expect(JetStreamEventStream.connect('nats://127.0.0.1:1')).rejects.toThrow(
      /cannot reach NATS at nats:\/\/127\.0\.0\.1:1/,
    );
  });
});
