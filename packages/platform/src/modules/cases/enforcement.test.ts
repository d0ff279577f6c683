/**
 * From a case to a verdict: footprints saved with a case are enforced by the screening API with the
 * case as the reason, and withdrawn when the footprint goes. The time from the answer of the case
 * request to the first blocking verdict is recorded (an annotation), not asserted: performance
 * belongs in `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from '../auth/index.js';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { caseBody, luhnCard, mobile } from './test-factories.js';

let sut: TestPlatform;
let screenKey: string;
let officer: string;

beforeAll(async () => {
  sut = await createTestPlatform();
  screenKey = (
    await createApiKey(sut.ctx, systemActor(), {
      name: '中国移动江苏公司',
      unitCode: '320000',
      scopes: ['screen'],
    })
  ).key;
  await sut.app.screening.apiKeys.refresh(Date.now());
  officer = await sut.login('xuanwu-officer');
});
afterAll(() => sut.close());

const screen = async (item: object) =>
  (
    await sut.app.inject({
      method: 'POST',
      url: '/api/v1/screen',
      payload: item,
      headers: { 'x-api-key': screenKey },
    })
  ).json();

async function createCase(body: object) {
  const response = await sut.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    payload: body,
    headers: { cookie: officer },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('case footprints → POST /api/v1/screen', () => {
  it('blocks each screenable footprint with the case as the reason', async () => {
    const card = luhnCard('621700123456789');
    const created = await createCase(
      caseBody({
        footprints: [
          { kind: 'number', value: '138 0013 8099' },
          { kind: 'domain', value: 'gongan-anquan.example.cn' },
          { kind: 'account', accountKind: 'bank_card', value: card, amount: 30_000 },
        ],
      }),
    );
    await sut.app.screening.service.follower.sync();
    for (const item of [
      { kind: 'number', value: '+8613800138099' },
      { kind: 'sms', value: '13800138099' },
      { kind: 'url', value: 'https://www.gongan-anquan.example.cn/login' },
      { kind: 'account', accountKind: 'bank_card', value: card },
    ]) {
      const verdict = await screen(item);
      expect(verdict.action, JSON.stringify(item)).toBe('block');
      expect(verdict.reasons[0]).toMatchObject({ source: { kind: 'case', id: created.id }, action: 'block' });
    }
  });

  it('records the time from saving a case to its enforcement by the running follower', async ({
    annotate,
  }) => {
    const number = mobile();
    const created = await createCase(caseBody({ footprints: [{ kind: 'number', value: number }] }));
    const saved = performance.now();
    let verdict = await screen({ kind: 'number', value: number });
    // The follower syncs on its own (signal or poll); the loop only gives up after 10 s.
    while (verdict.action !== 'block' && performance.now() - saved < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      verdict = await screen({ kind: 'number', value: number });
    }
    const elapsed = performance.now() - saved;
    await annotate(`enforced ${elapsed.toFixed(0)} ms after the case was saved`);
    console.info(`case → block: ${elapsed.toFixed(0)} ms`);
    expect(verdict).toMatchObject({
      action: 'block',
      reasons: [{ source: { kind: 'case', id: created.id } }],
    });
  });

  it('passes a footprint again once it is removed from the case', async () => {
    const number = mobile();
    const created = await createCase(caseBody({ footprints: [{ kind: 'number', value: number }] }));
    await sut.app.screening.service.follower.sync();
    expect((await screen({ kind: 'number', value: number })).action).toBe('block');
    const removed = await sut.app.inject({
      method: 'DELETE',
      url: `/api/v1/cases/${created.id}/footprints/${created.footprints[0].id}`,
      headers: { cookie: officer },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    await sut.app.screening.service.follower.sync();
    expect(await screen({ kind: 'number', value: number })).toMatchObject({ action: 'pass', reasons: [] });
  });

  it('marks, never blocks, a spoofed service number and a doubtful footprint', async () => {
    const number = mobile();
    await createCase(
      caseBody({
        footprints: [
          { kind: 'number', value: '95566' },
          { kind: 'number', value: number, confidence: 30 },
        ],
      }),
    );
    await sut.app.screening.service.follower.sync();
    expect((await screen({ kind: 'number', value: '95566' })).action).toBe('mark');
    expect((await screen({ kind: 'number', value: number })).action).toBe('mark');
  });
});
