/**
 * The JetStream pipeline against a real NATS server: a consumer killed mid-stream (its connection
 * dropped while a batch is in its handler) and a new one started loses nothing and duplicates nothing.
 * Each run has its own stream, subjects and durable, so runs never collide.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { connect } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JetStreamEventStream, type JetStreamOptions } from '../../bus/index.js';
import { createTestStore, type TestStore } from '../../test-support/index.js';
import { openEventPipeline, type AcceptedEvent, type EventHandler } from './index.js';

const natsUrl = process.env.NATS_URL;

describe.runIf(natsUrl)('the event pipeline on JetStream', () => {
  const run = randomBytes(4).toString('hex');
  const streamOptions: Partial<JetStreamOptions> = {
    streamName: `TEST_EVENTS_${run}`,
    subjectPrefix: `test.${run}.events`,
    // A dropped consumer's messages come back after this long.
    ackWaitMs: 1_000,
    maxAckPending: 40,
  };
  let base: TestStore;

  beforeAll(async () => {
    base = await createTestStore({
      config: {
        eventConsumer: `correlation-${run}`,
        eventBatchSize: 10,
        eventSubjectPrefix: `test.${run}.events`,
      },
    });
    await sql`CREATE TABLE handler_effects (event_id text NOT NULL)`.execute(base.ctx.db);
  });
  afterAll(async () => {
    const cleanup = await JetStreamEventStream.connect(natsUrl!, streamOptions);
    await cleanup.deleteStream();
    await cleanup.close();
    await base?.close();
  });

  const recordEffect: EventHandler = async (event: AcceptedEvent, trx) => {
    await sql`INSERT INTO handler_effects VALUES (${event.id})`.execute(trx);
  };
  const countEffects = async () =>
    Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM handler_effects`.execute(base.ctx.db)).rows[0]!.n,
    );
  const event = (i: number) => ({
    id: `nats-${run}-${String(i).padStart(4, '0')}`,
    kind: i % 2 ? 'sms' : 'call',
    at: '2026-11-26T08:00:00+08:00',
    phone: '13812345678',
    evidence: i % 2 ? { text: `短信 ${i}` } : { number: '+8617012345678' },
  });

  it('loses nothing and duplicates nothing when a consumer dies mid-stream and another takes over', async () => {
    // The first consumer stalls in its handler at the 25th event, inside the batch's transaction.
    let calls = 0;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let stalled!: () => void;
    const isStalled = new Promise<void>((resolve) => (stalled = resolve));
    const firstStream = await JetStreamEventStream.connect(natsUrl!, streamOptions, 'first-consumer');
    const first = await openEventPipeline(base.ctx, { stream: firstStream, retryBaseMs: 10 });
    first.setHandler(async (accepted, trx) => {
      calls += 1;
      if (calls === 25) {
        stalled();
        await released;
      }
      await recordEffect(accepted, trx);
    });
    await first.start();

    const events = Array.from({ length: 200 }, (_, i) => event(i));
    expect(await first.submit(events.slice(0, 150), 'carrier')).toMatchObject({
      accepted: 150,
      duplicates: 0,
    });
    // Some arrive on the bus directly, as a partner publishing to fanzha.events.<kind> would send them.
    const publisher = await connect({ servers: natsUrl! });
    for (const e of events.slice(150))
      publisher.publish(`test.${run}.events.${e.kind}`, new TextEncoder().encode(JSON.stringify(e)));
    // …and one of the first 150 again, past the store check: the consumer must skip it.
    publisher.publish(`test.${run}.events.call`, new TextEncoder().encode(JSON.stringify(events[0])));
    await publisher.flush();
    await publisher.close();

    await isStalled;
    // Kill: the connection drops with a batch in the handler and more delivered but unacknowledged.
    await firstStream.disconnect();
    // The stalled batch now commits, but its acks cannot leave: its messages will come back.
    release();
    await first.stop();
    const handledBeforeTakeover = await countEffects();
    expect(handledBeforeTakeover).toBeGreaterThanOrEqual(24);
    expect(handledBeforeTakeover).toBeLessThan(200);

    const secondStream = await JetStreamEventStream.connect(natsUrl!, streamOptions, 'second-consumer');
    const second = await openEventPipeline(base.ctx, { stream: secondStream, retryBaseMs: 10 });
    second.setHandler(recordEffect);
    await second.start();
    await second.whenIdle();
    await second.stop();

    const effects = await sql<{ event_id: string; n: string }>`
      SELECT event_id, count(*) AS n FROM handler_effects GROUP BY event_id ORDER BY event_id`.execute(
      base.ctx.db,
    );
    expect(effects.rows.map((row) => row.event_id)).toEqual(events.map((e) => e.id));
    expect(effects.rows.filter((row) => Number(row.n) !== 1)).toEqual([]);
    const stored = await base.ctx.db
      .selectFrom('events')
      .select(['id', 'source'])
      .where('id', 'like', `nats-${run}-%`)
      .orderBy('id')
      .execute();
    expect(stored.map((row) => row.id)).toEqual(events.map((e) => e.id));
    expect(stored.filter((row) => row.source === 'bus')).toHaveLength(50);
    expect(await base.ctx.db.selectFrom('event_dead_letters').select('id').execute()).toEqual([]);
    // What the first consumer committed but could not acknowledge came back, and was skipped.
    expect(second.stats().duplicates).toBeGreaterThan(1);
  });
});
