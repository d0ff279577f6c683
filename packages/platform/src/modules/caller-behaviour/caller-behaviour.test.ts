import { generateSyntheticCdrs } from '@fanzha/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from '../auth/index.js';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';

let sut: TestPlatform;
let cdrKey: string;
const traffic = generateSyntheticCdrs({ seed: 7, hours: 6, ordinary: 150, busy: 10, simBoxes: 5 });

beforeAll(async () => {
  sut = await createTestPlatform();
  cdrKey = (
    await createApiKey(sut.ctx, systemActor(), {
      name: 'carrier CDR feed',
      unitCode: '320000',
      scopes: ['cdr'],
    })
  ).key;
  await sut.app.screening.apiKeys.refresh(Date.now());
});
afterAll(() => sut.close());

const ndjson = traffic.records.map((r) => JSON.stringify(r)).join('\n') + '\n{broken\n';

describe('POST /api/v1/partner/cdrs', () => {
  it('marks the SIM boxes among ordinary callers, reports bad lines, and screening marks them', async () => {
    const response = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/partner/cdrs?format=ndjson',
      payload: ndjson,
      headers: { 'x-api-key': cdrKey, 'content-type': 'application/x-ndjson' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const analysis = response.json();
    expect(analysis.records).toBe(traffic.records.length);
    expect(analysis.badLines).toBe(1);
    expect(analysis.errors[0]).toMatchObject({ line: traffic.records.length + 1, reason: 'not valid JSON' });
    const marked = new Set(analysis.marked.map((m: { number: string }) => m.number));
    const caught = [...traffic.simBoxNumbers].filter((n) => marked.has(n));
    const falseAlarms = [...marked].filter((n) => !traffic.simBoxNumbers.has(n as string));
    expect(caught.length).toBeGreaterThanOrEqual(4);
    expect(falseAlarms.length).toBeLessThanOrEqual(1);
    expect(analysis.marked[0].contributions.length).toBeGreaterThan(0);
    await sut.app.screening.service.follower.sync();
    const verdict = sut.app.screening.service.screen({ kind: 'number', value: caught[0]! }, null);
    expect(verdict).toMatchObject({
      action: 'mark',
      reasons: [{ list: 'caller-behaviour', source: { kind: 'rule', id: 'caller-behaviour' } }],
    });
  });

  it('takes a CSV with a header and needs the cdr scope', async () => {
    const csv = [
      'caller,callee,start,duration,direction,cell,imei',
      ...traffic.records
        .slice(0, 50)
        .map((r) => [r.caller, r.callee, r.start, r.duration, r.direction, r.cell, r.imei].join(',')),
    ].join('\n');
    const response = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/partner/cdrs?format=csv',
      payload: csv,
      headers: { 'x-api-key': cdrKey, 'content-type': 'text/csv' },
    });
    expect(response.json()).toMatchObject({ records: 50, badLines: 0 });
    const analyst = await sut.login('province-analyst');
    expect(
      (
        await sut.app.inject({
          method: 'POST',
          url: '/api/v1/partner/cdrs?format=csv',
          payload: csv,
          headers: { cookie: analyst, 'content-type': 'text/csv' },
        })
      ).statusCode,
    ).toBe(401);
  });
});
