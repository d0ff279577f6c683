import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSse } from '../../test-support/sse.js';
import {
  createWarningsPlatform,
  redScenario,
  residentId,
  type WarningsTestPlatform,
} from '../../test-support/warnings.js';

let sut: WarningsTestPlatform;
let base: string;

beforeAll(async () => {
  sut = await createWarningsPlatform();
  // A county officer of 鼓楼区 (320106), a county beside 玄武区.
  const response = await sut.as('province-admin', 'POST', '/api/v1/users', {
    username: 'gulou-officer',
    displayName: '鼓楼民警',
    unitCode: '320106',
    roles: ['officer'],
    password: 'gulou-officer-pass',
  });
  expect(response.statusCode, response.body).toBe(201);
  base = await sut.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  if (!closed) await sut.close();
});
let closed = false;

interface WarningChangeData {
  id: string;
  unitCode: string;
  level: string;
  phoneMasked: string;
  change: string;
}

/** Opens the stream as `username` and reads its `warning` events one at a time. */
async function openStream(username: string, password?: string) {
  const cookie = await sut.login(username, password);
  const stream = await openSse<WarningChangeData>(`${base}/api/v1/warnings/stream`, cookie);
  expect(stream.status).toBe(200);
  expect(stream.contentType).toContain('text/event-stream');
  return stream;
}

describe('GET /api/v1/warnings/stream', () => {
  it('delivers a new warning to the county officer of its unit and not to another county’s', async () => {
    const xuanwu = await openStream('xuanwu-officer');
    const gulou = await openStream('gulou-officer', 'gulou-officer-pass');
    const city = await openStream('nanjing-officer');

    await sut.send(redScenario(sut, '+8613812349001', residentId('320102', '19850101', '011')));
    const seen = await xuanwu.next();
    expect(seen).toMatchObject({
      event: 'warning',
      data: { unitCode: '320102', level: 'red', change: 'created' },
    });
    expect(seen.data.phoneMasked).toBe('+86138****9001');
    expect(seen.data).not.toHaveProperty('phone');
    expect((await city.next()).data.id).toBe(seen.data.id);

    // Then one in 鼓楼区: it is the first warning the 鼓楼 officer's stream shows (the 玄武 one never came).
    await sut.send(redScenario(sut, '+8613812349002', residentId('320106', '19850101', '012')));
    const gulouFirst = await gulou.next();
    expect(gulouFirst.data).toMatchObject({ unitCode: '320106', change: 'created' });
    expect(gulouFirst.data.id).not.toBe(seen.data.id);

    for (const stream of [xuanwu, gulou, city]) await stream.close();
  });

  it('answers 401 without a session; every role reading warnings may watch', async () => {
    const anonymous = await fetch(`${base}/api/v1/warnings/stream?maxSeconds=0`);
    expect(anonymous.status).toBe(401);
    const auditor = await sut.as('province-auditor', 'GET', '/api/v1/warnings/stream?maxSeconds=0');
    expect(auditor.statusCode).toBe(200);
  });

  it('ends open streams when the server stops, so stopping does not wait for them', async () => {
    const watching = await openStream('xuanwu-officer');
    const ended = watching.next().then(
      () => 'an event',
      (error: Error) => error.message,
    );
    closed = true;
    await sut.close();
    expect(await ended).toBe('the stream ended');
  });
});
