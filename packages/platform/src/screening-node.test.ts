/**
 * A screening node beside the platform: it follows changes made through the API within a second,
 * answers partners from memory, and keeps answering from its last snapshot when the store is gone,
 * reporting how stale it is.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from './modules/auth/index.js';
import { addEntries, createList } from './modules/intel/index.js';
import { NatsBus } from './bus/index.js';
import { startScreeningNode } from './screening-node.js';
import { createTestPlatform, type TestPlatform } from './test-support/index.js';

let sut: TestPlatform;
let node: Awaited<ReturnType<typeof startScreeningNode>>;
let key: string;

beforeAll(async () => {
  sut = await createTestPlatform();
  await createList(sut.ctx, systemActor(), {
    name: 'case-numbers',
    title: '涉案号码',
    kind: 'number',
    defaultAction: 'block',
    unitCode: '320000',
  });
  key = (
    await createApiKey(sut.ctx, systemActor(), { name: 'carrier', unitCode: '320000', scopes: ['screen'] })
  ).key;
  node = await startScreeningNode(
    { ...sut.ctx.config, port: 0, host: '127.0.0.1' },
    { store: sut.store, followIntervalMs: 100, maxStalenessSeconds: 2 },
  );
});
afterAll(async () => {
  await node.close();
});

const ask = async (value: string) => {
  const response = await fetch(`${node.url}/api/v1/screen`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ kind: 'number', value }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { action: string; reasons: Array<{ source: { id: string } }> },
  };
};

describe('fanzha screen-node', () => {
  it('serves only the partner API', async () => {
    expect((await ask('13800000000')).body.action).toBe('pass');
    expect((await fetch(`${node.url}/api/v1/units`)).status).toBe(404);
    expect((await fetch(`${node.url}/api/v1/screen/test`, { method: 'POST' })).status).toBe(404);
  });

  it('applies an entry added through the console API within one second', async () => {
    const analyst = await sut.login('province-analyst');
    const started = Date.now();
    const added = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/intel/lists/case-numbers/entries',
      headers: { cookie: analyst },
      payload: { entries: [{ value: '13800000000', source: { kind: 'case', id: 'CASE-1' } }] },
    });
    expect(added.statusCode).toBe(200);
    let verdict = await ask('13800000000');
    while (verdict.body.action !== 'block' && Date.now() - started < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      verdict = await ask('13800000000');
    }
    const elapsed = Date.now() - started;
    expect(verdict.body.action).toBe('block');
    expect(verdict.body.reasons[0]?.source.id).toBe('CASE-1');
    // Time to enforcement: the change log is polled every 100 ms here (250 ms by default).
    expect(elapsed).toBeLessThan(1_000);
  });

  it('reports readiness with its staleness, and metrics', async () => {
    const ready = await fetch(`${node.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', entries: 0 });
    const metrics = await (await fetch(`${node.url}/metrics`)).text();
    expect(metrics).toContain('fanzha_screening_staleness_seconds');
  });

  it('starts from a snapshot file and follows the change log from its seq', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fanzha-node-snap-'));
    try {
      const options = { store: sut.store, followIntervalMs: 100, snapshotDir: dir };
      const config = { ...sut.ctx.config, port: 0, host: '127.0.0.1' };
      const first = await startScreeningNode(config, options);
      expect(first.follower.status().source).toBe('store');
      await first.close(); // waits for the snapshot file
      expect((await readdir(dir)).filter((name) => name.endsWith('.snap'))).toHaveLength(1);
      const analyst = await sut.login('province-analyst');
      await sut.app.inject({
        method: 'POST',
        url: '/api/v1/intel/lists/case-numbers/entries',
        headers: { cookie: analyst },
        payload: { entries: [{ value: '13800000001', source: { kind: 'case', id: 'CASE-2' } }] },
      });
      const second = await startScreeningNode(config, options);
      try {
        expect(second.follower.status()).toMatchObject({ source: 'snapshot', ready: true });
        const answer = async (value: string) =>
          (
            await fetch(`${second.url}/api/v1/screen`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-api-key': key },
              body: JSON.stringify({ kind: 'number', value }),
            })
          ).json() as Promise<{ action: string }>;
        expect((await answer('13800000000')).action).toBe('block'); // from the file
        expect((await answer('13800000001')).action).toBe('block'); // from the change log after it
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps answering from its snapshot when the store is down, and says it is stale', async () => {
    await sut.close();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await ask('13800000000')).body.action).toBe('block');
    const ready = await fetch(`${node.url}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as {
      status: string;
      stalenessSeconds: number;
      lastError: string | null;
    };
    expect(body.status).toBe('stale');
    expect(body.stalenessSeconds).toBeGreaterThan(2);
  });
});

// A node on NATS: it hears about changes on the bus instead of waiting for its next poll.
describe.runIf(process.env.NATS_URL)('fanzha screen-node on NATS', () => {
  it('applies a change within a second through the bus, with polling at one minute', async () => {
    const platform = await createTestPlatform();
    platform.ctx.bus = await NatsBus.connect(process.env.NATS_URL!, 'test-platform');
    await createList(platform.ctx, systemActor(), {
      name: 'bus-numbers',
      title: '总线测试',
      kind: 'number',
      defaultAction: 'block',
      unitCode: '320000',
    });
    const busKey = (
      await createApiKey(platform.ctx, systemActor(), {
        name: 'carrier',
        unitCode: '320000',
        scopes: ['screen'],
      })
    ).key;
    const busNode = await startScreeningNode(
      { ...platform.ctx.config, port: 0, host: '127.0.0.1', natsUrl: process.env.NATS_URL! },
      { store: platform.store, followIntervalMs: 60_000 },
    );
    const ask = async () => {
      const response = await fetch(`${busNode.url}/api/v1/screen`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': busKey },
        body: JSON.stringify({ kind: 'number', value: '13911112222' }),
      });
      return ((await response.json()) as { action: string }).action;
    };
    expect(await ask()).toBe('pass');
    const started = Date.now();
    await addEntries(platform.ctx, systemActor(), 'bus-numbers', [{ value: '13911112222' }]);
    let action = await ask();
    while (action !== 'block' && Date.now() - started < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      action = await ask();
    }
    expect(action).toBe('block');
    expect(Date.now() - started).toBeLessThan(1_000);
    await busNode.close();
    await platform.ctx.bus.close();
    await platform.close();
  });
});
