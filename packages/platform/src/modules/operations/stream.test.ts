import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { openSse } from '../../test-support/sse.js';
import { systemActor } from '../auth/index.js';
import { dispatchClues } from '../clues/index.js';
import { createOperation } from './index.js';

let sut: TestPlatform;
let base: string;
let closed = false;
let operationId: string;
let otherOperationId: string;

/** The platform's clock: real time, moved on to make a clue overdue. */
let skew = 0;
const clock = { now: () => new Date(Date.now() + skew) };

const WINDOW = { windowFrom: '2026-01-01T00:00:00.000Z', windowTo: '2099-01-01T00:00:00.000Z' };

beforeAll(async () => {
  sut = await createTestPlatform({ clock });
  await sut.app.clues.escalator.stop();
  operationId = (
    await createOperation(sut.ctx, systemActor(), {
      name: '集中收网',
      ...WINDOW,
      units: [{ unitCode: '320100', targetSuspects: 3 }],
    })
  ).id;
  otherOperationId = (
    await createOperation(sut.ctx, systemActor(), {
      name: '无锡收网',
      unitCode: '320200',
      ...WINDOW,
      units: [{ unitCode: '320205' }],
    })
  ).id;
  base = await sut.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  if (!closed) await sut.close();
});

interface BoardEvent {
  clueId: string;
  clueTitle: string;
  operationId: string;
  kind: string;
  from: { code: string } | null;
  unit: { code: string };
  detail: Record<string, unknown> | null;
}

const open = async (username: string, id = operationId) =>
  openSse<BoardEvent>(`${base}/api/v1/operations/${id}/stream`, await sut.login(username));

async function as(username: string, url: string, payload: object = {}) {
  const response = await sut.app.inject({
    method: 'POST',
    url,
    headers: { cookie: await sut.login(username) },
    payload,
  });
  expect(response.statusCode, response.body).toBe(200);
}

const dispatch = (title: string, operation?: string, deadlineAt = '2099-01-01T00:00:00.000Z') =>
  dispatchClues(sut.ctx, systemActor(), [
    { targetUnitCode: '320102', title, content: '重点对象', deadlineAt, operationId: operation },
  ]).then(([clue]) => clue!.id);

describe('GET /api/v1/operations/:id/stream', () => {
  it('delivers each step of the operation’s clues as it is taken, and nothing of other clues', async () => {
    const board = await open('nanjing-officer');
    expect(board.status).toBe(200);
    expect(board.contentType).toContain('text/event-stream');

    const outside = await dispatch('不属行动');
    await as('xuanwu-officer', `/api/v1/clues/${outside}/sign`);
    const ours = await dispatch('收网目标', operationId);
    expect(await board.next()).toMatchObject({
      event: 'clue',
      data: {
        clueId: ours,
        clueTitle: '收网目标',
        operationId,
        kind: 'dispatched',
        unit: { code: '320102' },
      },
    });

    await as('xuanwu-officer', `/api/v1/clues/${ours}/sign`);
    expect((await board.next()).data).toMatchObject({ clueId: ours, kind: 'signed' });
    await as('xuanwu-officer', `/api/v1/clues/${ours}/feedback`, { result: 'caught', caughtCount: 2 });
    expect((await board.next()).data).toMatchObject({
      clueId: ours,
      kind: 'feedback',
      from: { code: '320102' },
      detail: { result: 'caught', caughtCount: 2 },
    });
    await board.close();
  });

  it('delivers the escalation of an overdue clue of the operation to its parent unit', async () => {
    const board = await open('province-officer');
    const late = await dispatch(
      '逾期目标',
      operationId,
      new Date(clock.now().getTime() + 3_600_000).toISOString(),
    );
    expect((await board.next()).data).toMatchObject({ clueId: late, kind: 'dispatched' });
    skew += 2 * 3_600_000;
    expect((await sut.app.clues.escalator.runOnce()).escalated).toBe(1);
    expect((await board.next()).data).toMatchObject({
      clueId: late,
      operationId,
      kind: 'escalated',
      from: { code: '320102' },
      to: { code: '320100', name: expect.any(String) },
      detail: { cause: 'overdue' },
    });
    await board.close();
  });

  it('answers 404 for an operation off the caller’s line and 401 without a session', async () => {
    const off = await open('xuanwu-officer', otherOperationId);
    expect(off.status).toBe(404);
    await off.close();
    expect((await fetch(`${base}/api/v1/operations/${operationId}/stream?maxSeconds=0`)).status).toBe(401);
    const auditor = await sut.app.inject({
      url: `/api/v1/operations/${operationId}/stream?maxSeconds=0`,
      headers: { cookie: await sut.login('province-auditor') },
    });
    expect(auditor.statusCode).toBe(200);
  });

  it('ends open streams when the server stops, so stopping does not wait for them', async () => {
    const watching = await open('xuanwu-officer');
    const ended = watching.next().then(
      () => 'an event',
      (error: Error) => error.message,
    );
    closed = true;
    await sut.close();
    expect(await ended).toBe('the stream ended');
  });
});
