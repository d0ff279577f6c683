import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessEventStream } from '../../bus/index.js';
import {
  createTestPlatform,
  createTestStore,
  type TestPlatform,
  type TestStore,
} from '../../test-support/index.js';
import { createApiKey, systemActor } from '../auth/index.js';
import type { AcceptedEvent } from './index.js';
import { openEventPipeline } from './index.js';

const at = '2026-11-26T08:00:00+08:00';
const event = (id: string, changes: Record<string, unknown> = {}) => ({
  id,
  kind: 'call',
  at,
  phone: '13812345678',
  evidence: { number: '+8617012345678', durationSeconds: 95 },
  ...changes,
});

let sut: TestPlatform;
const keys: Record<string, string> = {};

beforeAll(async () => {
  sut = await createTestPlatform({ config: { eventQueueSize: 3 } });
  for (const [name, unitCode, scopes] of [
    ['province carrier', '320000', ['events']],
    ['xuanwu bank', '320102', ['events']],
    ['screening only', '320000', ['screen']],
  ] as const) {
    keys[name] = (await createApiKey(sut.ctx, systemActor(), { name, unitCode, scopes: [...scopes] })).key;
  }
  await sut.app.screening.apiKeys.refresh(Date.now());
});
afterAll(() => sut.close());

function post(key: string | null, payload: unknown, contentType = 'application/json') {
  return sut.app.inject({
    method: 'POST',
    url: '/api/v1/events',
    headers: { ...(key ? { 'x-api-key': key } : {}), 'content-type': contentType },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

const storedIds = async (prefix: string) =>
  (
    await sut.ctx.db
      .selectFrom('events')
      .select('id')
      .where('id', 'like', `${prefix}%`)
      .orderBy('id')
      .execute()
  ).map((row) => row.id);

describe('POST /api/v1/events', () => {
  it('takes a JSON array: valid events are stored once, invalid ones answered and dead-lettered', async () => {
    const response = await post(keys['province carrier']!, [
      event('json-1'),
      event('json-2', { kind: 'sms', evidence: { text: '您的包裹异常，点击链接理赔' } }),
      event('json-bad', { phone: '95588' }),
    ]);
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        {
          index: 2,
          id: 'json-bad',
          reason: 'phone "95588" is not a mobile or fixed-line number (a service number)',
        },
      ],
    });
    await sut.app.eventPipeline.whenIdle();
    expect(await storedIds('json-')).toEqual(['json-1', 'json-2']);
    const row = await sut.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', 'json-1')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'call', phone: '+8613812345678', source: 'province carrier' });
    expect(row.at.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(row.evidence).toEqual({ number: '+8617012345678', durationSeconds: 95 });
  });

  it('takes NDJSON line by line; a line that is not JSON is rejected in its place', async () => {
    const body = [event('nd-1'), event('nd-2')].map((e) => JSON.stringify(e)).join('\n') + '\n\n{broken\n';
    const response = await post(keys['province carrier']!, body, 'application/x-ndjson; charset=utf-8');
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [{ index: 2, id: null, reason: 'the line is not valid JSON' }],
    });
    await sut.app.eventPipeline.whenIdle();
    expect(await storedIds('nd-')).toEqual(['nd-1', 'nd-2']);
  });

  it('is idempotent: the same event again (or twice in a batch) changes nothing', async () => {
    const first = await post(keys['province carrier']!, [event('same-1'), event('same-1')]);
    expect(first.json()).toMatchObject({ accepted: 1, duplicates: 1 });
    await sut.app.eventPipeline.whenIdle();
    const again = await post(keys['province carrier']!, [event('same-1'), event('same-2')]);
    expect(again.json()).toMatchObject({ accepted: 1, duplicates: 1, rejected: [] });
    await sut.app.eventPipeline.whenIdle();
    expect(await storedIds('same-')).toEqual(['same-1', 'same-2']);
  });

  it('refuses more than 10,000 events with 413', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ id: `m${i}` }));
    const json = await post(keys['province carrier']!, many);
    expect(json.statusCode).toBe(413);
    const ndjson = await post(
      keys['province carrier']!,
      many.map((e) => JSON.stringify(e)).join('\n'),
      'application/x-ndjson',
    );
    expect(ndjson.statusCode).toBe(413);
    expect(ndjson.json().detail).toMatch(/at most 10000 events/);
  });

  it('answers 400 for a body that is not an array', async () => {
    const response = await post(keys['province carrier']!, event('lonely'));
    expect(response.statusCode).toBe(400);
  });

  it('needs an API key with the events scope', async () => {
    expect((await post(null, [event('anon')])).statusCode).toBe(401);
    expect((await post(keys['screening only']!, [event('wrong-scope')])).statusCode).toBe(403);
    const session = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: { cookie: await sut.login('province-admin') },
      payload: [event('session')],
    });
    expect(session.statusCode).toBe(401);
    expect(await storedIds('anon')).toEqual([]);
  });

  it('answers 503 with retry-after when the queue is full, and takes the batch once it has room', async () => {
    // The consumer is down (as during a restart): the queue of 3 fills up.
    await sut.app.eventPipeline.stop();
    const fill = await post(keys['province carrier']!, [event('full-1'), event('full-2'), event('full-3')]);
    expect(fill.json()).toMatchObject({ accepted: 3 });
    const refused = await post(keys['province carrier']!, [
      event('full-4'),
      event('full-bad', { kind: 'x' }),
    ]);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toMatchObject({ code: 'not_ready' });
    expect(refused.json().detail).toMatch(/room for 0 events, not 1/);
    expect(sut.app.eventPipeline.stats().queueDepth).toBe(3);

    await sut.app.eventPipeline.start();
    await sut.app.eventPipeline.whenIdle();
    const retried = await post(keys['province carrier']!, [
      event('full-4'),
      event('full-bad', { kind: 'x' }),
    ]);
    expect(retried.statusCode).toBe(202);
    await sut.app.eventPipeline.whenIdle();
    expect(await storedIds('full-')).toEqual(['full-1', 'full-2', 'full-3', 'full-4']);
    // The refused batch left no dead letter: only the retried one did.
    const letters = await sut.ctx.db
      .selectFrom('event_dead_letters')
      .select('id')
      .where('event_id', '=', 'full-bad')
      .execute();
    expect(letters).toHaveLength(1);
  });

  it('counts what it received in /metrics', async () => {
    const metrics = await sut.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/fanzha_events_total\{outcome="accepted"\} \d+/);
    expect(metrics.body).toMatch(/fanzha_events_total\{outcome="rejected"\} \d+/);
    expect(metrics.body).toMatch(/fanzha_event_queue_depth 0/);
    expect(metrics.body).toMatch(/fanzha_event_consumer_lag 0/);
  });
});

describe('GET /api/v1/events/dead-letters', () => {
  beforeAll(async () => {
    await post(keys['xuanwu bank']!, [event('xuanwu-bad', { idNumber: '320102198001010011' })]);
  });

  const get = async (username: string, query = '') =>
    sut.app.inject({
      method: 'GET',
      url: `/api/v1/events/dead-letters${query}`,
      headers: { cookie: await sut.login(username) },
    });

  it('shows the province analyst every dead letter with its reason and payload, newest first, paged', async () => {
    const response = await get('province-analyst', '?pageSize=1');
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json();
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.items).toEqual([
      {
        id: expect.any(String),
        eventId: 'xuanwu-bad',
        stage: 'validation',
        reason: 'idNumber fails the GB 11643 checksum (check character should be 6)',
        payload: event('xuanwu-bad', { idNumber: '320102198001010011' }),
        source: 'xuanwu bank',
        receivedAt: expect.any(String),
      },
    ]);
    const all = (await get('province-analyst', '?pageSize=200')).json();
    expect(all.items.map((item: { eventId: string | null }) => item.eventId)).toEqual(
      expect.arrayContaining(['json-bad', null, 'full-bad']),
    );
    expect(all.items.find((item: { eventId: string | null }) => item.eventId === null).payload).toBe(
      '{broken',
    );
  });

  it('shows a county analyst only the dead letters of its own keys; officers may not read them', async () => {
    const county = (await get('xuanwu-analyst', '?pageSize=200')).json();
    expect(county.items.map((item: { eventId: string }) => item.eventId)).toEqual(['xuanwu-bad']);
    expect((await get('province-officer')).statusCode).toBe(403);
    expect((await get('province-auditor')).statusCode).toBe(403);
  });
});

describe('the event pipeline', () => {
  let base: TestStore;
  beforeAll(async () => {
    base = await createTestStore({ config: { eventMaxAttempts: 3 } });
  });
  afterAll(() => base.close());

  it('hands each stored event to the handler once, in its transaction; a failing one becomes a dead letter after N attempts', async () => {
    const stream = new InProcessEventStream(100);
    const pipeline = await openEventPipeline(base.ctx, { stream, retryBaseMs: 1 });
    const calls = new Map<string, number>();
    await sql`CREATE TABLE handler_effects (event_id text NOT NULL)`.execute(base.ctx.db);
    pipeline.setHandler(async (accepted: AcceptedEvent, trx) => {
      calls.set(accepted.id, (calls.get(accepted.id) ?? 0) + 1);
      await sql`INSERT INTO handler_effects VALUES (${accepted.id})`.execute(trx);
      if (accepted.id === 'poison') throw new Error('cannot correlate this one');
    });
    await pipeline.start();
    expect(() => pipeline.setHandler(async () => undefined)).toThrow(/before the event pipeline starts/);

    const events = [event('p-1'), event('poison'), event('p-2'), event('p-3')];
    expect(await pipeline.submit(events, 'test')).toMatchObject({ accepted: 4 });
    await pipeline.whenIdle();
    expect(await pipeline.submit([event('p-1'), event('p-2')], 'test')).toMatchObject({ duplicates: 2 });
    // Published twice on the bus itself (bypassing the store check): stored once, handled once.
    await stream.publish('fanzha.events.call', new TextEncoder().encode(JSON.stringify(event('p-3'))), {
      msgId: 'p-3',
    });
    await pipeline.whenIdle();

    const effects = await sql<{
      event_id: string;
    }>`SELECT event_id FROM handler_effects ORDER BY event_id`.execute(base.ctx.db);
    expect(effects.rows.map((row) => row.event_id)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(calls.get('p-3')).toBe(1);
    expect(calls.get('poison')).toBeGreaterThanOrEqual(3);
    const letter = await base.ctx.db
      .selectFrom('event_dead_letters')
      .selectAll()
      .where('event_id', '=', 'poison')
      .executeTakeFirstOrThrow();
    expect(letter).toMatchObject({ stage: 'handler', source: 'test' });
    expect(letter.reason).toBe('the handler failed 3 times; last error: cannot correlate this one');
    expect(pipeline.stats()).toMatchObject({
      stream: 'in-process',
      handled: 3,
      deadLettered: 1,
      queueDepth: 0,
    });
    await pipeline.stop();
  });

  it('lets the in-process queue run empty when it stops, refusing new events meanwhile', async () => {
    const stream = new InProcessEventStream(100);
    const pipeline = await openEventPipeline(base.ctx, { stream });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    pipeline.setHandler(() => released);
    await pipeline.start();
    expect(await pipeline.submit([event('drain-1'), event('drain-2')], 'test')).toMatchObject({
      accepted: 2,
    });
    const stopped = pipeline.stop();
    expect(await pipeline.submit([event('drain-3')], 'test')).toMatchObject({
      full: true,
      reason: 'the platform is stopping',
    });
    release();
    await stopped;
    const ids = await base.ctx.db.selectFrom('events').select('id').where('id', 'like', 'drain-%').execute();
    expect(ids.map((row) => row.id).sort()).toEqual(['drain-1', 'drain-2']);
  });

  it('checks events published on the bus directly: invalid ones and ones on the wrong subject are dead letters', async () => {
    const stream = new InProcessEventStream(100);
    const pipeline = await openEventPipeline(base.ctx, { stream });
    await pipeline.start();
    const publish = (subject: string, data: string, msgId: string) =>
      stream.publish(subject, new TextEncoder().encode(data), { msgId });
    await publish(
      'fanzha.events.sms',
      JSON.stringify(event('bus-1', { kind: 'sms', evidence: { number: '10086' } })),
      'a',
    );
    await publish('fanzha.events.sms', JSON.stringify(event('bus-2')), 'b');
    await publish('fanzha.events.call', 'not json', 'c');
    await pipeline.whenIdle();
    const stored = await base.ctx.db.selectFrom('events').selectAll().where('id', 'like', 'bus-%').execute();
    expect(stored.map((row) => [row.id, row.source])).toEqual([['bus-1', 'bus']]);
    const letters = await base.ctx.db
      .selectFrom('event_dead_letters')
      .select(['event_id', 'reason', 'source', 'unit_code'])
      .where('source', '=', 'bus')
      .orderBy('id')
      .execute();
    expect(letters).toEqual([
      {
        event_id: 'bus-2',
        reason: 'kind call does not match the subject fanzha.events.sms (expected fanzha.events.call)',
        source: 'bus',
        unit_code: null,
      },
      {
        event_id: null,
        reason: 'the message on fanzha.events.call is not JSON',
        source: 'bus',
        unit_code: null,
      },
    ]);
    await pipeline.stop();
  });
});
