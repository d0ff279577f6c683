/**
 * The CDR stream on a real NATS server: batches published while no consumer runs (a restart) wait in
 * JetStream and reach the next consumer of the same durable name, once each, after it has rebuilt the
 * windows open at the stop from what was acknowledged. Skipped without NATS_URL.
 */
import { randomBytes } from 'node:crypto';
import type { CallDetailRecord, CallerScore } from '@fanzha/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { JetStreamEventStream, type JetStreamOptions } from '../../bus/index.js';
import { CdrStream } from './stream.js';
import { dialler } from './test-factories.js';

const natsUrl = process.env.NATS_URL;

describe.runIf(natsUrl)('the CDR stream on JetStream', () => {
  const run = randomBytes(4).toString('hex');
  const options: Partial<JetStreamOptions> = {
    streamName: `TEST_CDRS_${run}`,
    subjectPrefix: `test.${run}.cdrs`,
    ackWaitMs: 1_000,
  };
  const durable = `callers-${run}`;
  const open = async () => new CdrStream(await JetStreamEventStream.connect(natsUrl!, options), durable);

  afterAll(async () => {
    const cleanup = await JetStreamEventStream.connect(natsUrl!, options);
    await cleanup.deleteStream();
    await cleanup.close();
  });

  it('keeps what was published during a restart for the next consumer, which rebuilds the open windows first', async () => {
    const number = '17012340042';
    const first = await open();
    const marksBefore: CallerScore[] = [];
    await first.start(async (marked) => void marksBefore.push(...marked));
    // 40 calls of an hour: the window stays open (nothing later closes it) when the consumer stops.
    await first.publish(dialler(number, 0, 40), 'carrier-a');
    await expect.poll(() => first.stats().records, { timeout: 10_000 }).toBe(40);
    await first.whenIdle();
    await first.stop();

    // Nobody consumes now: the carrier posts the hour's last 20 calls and a later call.
    const publisher = await JetStreamEventStream.connect(natsUrl!, options);
    const downtime = new CdrStream(publisher, durable);
    const later: CallDetailRecord = { ...dialler('13800001234', 70, 1)[0]!, duration: 60 };
    const rest = [...dialler(number, 40, 20), later];
    expect(await downtime.publish(rest, 'carrier-a')).toEqual({ messages: 1, duplicates: 0 });
    // The same batch again within the duplicate window: dropped by JetStream.
    expect((await downtime.publish(rest, 'carrier-a')).duplicates).toBe(1);
    expect(await publisher.lag(durable)).toBe(1);
    await publisher.close();

    // The next consumer reads the 40 acknowledged calls again into its windows, then the 21 new ones:
    // the hour adds up to 60 calls and is marked (20 alone would not be).
    const second = await open();
    const marked: CallerScore[] = [];
    await second.start(async (scores) => void marked.push(...scores));
    await expect.poll(() => second.stats().records, { timeout: 10_000 }).toBe(61);
    await second.whenIdle();
    expect(marked.map((score) => score.number)).toEqual([number]);
    expect(marked[0]!.features.calls).toBe(60);
    expect(marksBefore).toEqual([]);
    await second.stop();
  });
});
