/**
 * Apps and devices from a case to a verdict: an app (by its package / bundle id) and a device (by its
 * IMEI) saved as footprints are blocked by the screening API with the case as the reason, whichever
 * form the partner asks in (an IMEISV finds its IMEI), and pass again once the footprint is removed
 * or the case is closed as a mistake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from '../auth/index.js';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { caseBody } from './test-factories.js';

let sut: TestPlatform;
let screenKey: string;
let officer: string;

beforeAll(async () => {
  sut = await createTestPlatform();
  screenKey = (
    await createApiKey(sut.ctx, systemActor(), {
      name: '中国电信江苏公司',
      unitCode: '320000',
      scopes: ['screen'],
    })
  ).key;
  await sut.app.screening.apiKeys.refresh(Date.now());
  officer = await sut.login('xuanwu-officer');
});
afterAll(() => sut.close());

const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  sut.app.inject({
    method,
    url,
    headers: url.startsWith('/api/v1/screen') ? { 'x-api-key': screenKey } : { cookie: officer },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const screen = async (item: object) => (await inject('POST', '/api/v1/screen', item)).json();
const sync = () => sut.app.screening.service.follower.sync();

async function createCase(footprints: object[]) {
  const response = await inject('POST', '/api/v1/cases', caseBody({ footprints } as never));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('app and IMEI footprints → POST /api/v1/screen', () => {
  it('blocks the app and the device with the case as the reason, on the case lists 涉案应用 / 涉案设备', async () => {
    const created = await createCase([
      { kind: 'app', value: 'Com.Fake.SafeBox' },
      { kind: 'imei', value: '35-209900-176148-1' },
      { kind: 'app', value: '安全防护' },
    ]);
    expect(
      created.footprints.map((f: { kind: string; value: string; list: string | null }) => [
        f.kind,
        f.value,
        f.list,
      ]),
    ).toEqual([
      ['app', 'com.fake.safebox', 'case-apps'],
      ['imei', '352099001761481', 'case-devices'],
      // A display name is kept on the case, but no identity to screen.
      ['app', '安全防护', null],
    ]);
    await sync();
    for (const item of [
      { kind: 'app', value: 'com.fake.safebox' },
      { kind: 'app', value: 'package:COM.FAKE.SAFEBOX' },
      { kind: 'imei', value: '352099001761481' },
      { kind: 'imei', value: '3520990017614823' },
    ]) {
      const verdict = await screen(item);
      expect(verdict, JSON.stringify(item)).toMatchObject({
        action: 'block',
        reasons: [{ source: { kind: 'case', id: created.id }, action: 'block', rule: item.kind }],
      });
    }
    const batch = await inject('POST', '/api/v1/screen/batch', [
      { kind: 'app', value: 'com.fake.safebox' },
      { kind: 'imei', value: '35 209900 176148 1' },
      { kind: 'app', value: 'com.tencent.mm' },
      { kind: 'imei', value: '352099001761482' },
    ]);
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json().map((v: { action: string; invalidReason: string | null }) => v.action)).toEqual([
      'block',
      'block',
      'pass',
      'invalid',
    ]);
    expect(batch.json()[3].invalidReason).toBe('bad_checksum');
    const entry = await sut.ctx.db
      .selectFrom('intel_entries')
      .select(['reason', 'source_id'])
      .where('value', '=', 'com.fake.safebox')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ reason: `案件 ${created.id}（冒充公检法）涉案应用`, source_id: created.id });
    const lists = await sut.ctx.db
      .selectFrom('intel_lists')
      .select(['name', 'title', 'kind', 'unit_code'])
      .where('name', 'in', ['case-apps', 'case-devices'])
      .orderBy('name')
      .execute();
    expect(lists).toEqual([
      { name: 'case-apps', title: '涉案应用', kind: 'app', unit_code: '320000' },
      { name: 'case-devices', title: '涉案设备', kind: 'imei', unit_code: '320000' },
    ]);
  });

  it('passes the app and the device again once their footprints are removed', async () => {
    const created = await createCase([
      { kind: 'app', value: 'com.fake.refund' },
      { kind: 'imei', value: '490154203237518' },
    ]);
    await sync();
    expect((await screen({ kind: 'imei', value: '49015420323751' })).action).toBe('block');
    for (const footprint of created.footprints) {
      const removed = await inject('DELETE', `/api/v1/cases/${created.id}/footprints/${footprint.id}`);
      expect(removed.statusCode, removed.body).toBe(200);
    }
    await sync();
    expect(await screen({ kind: 'app', value: 'com.fake.refund' })).toMatchObject({
      action: 'pass',
      reasons: [],
    });
    expect(await screen({ kind: 'imei', value: '490154203237518' })).toMatchObject({
      action: 'pass',
      reasons: [],
    });
  });

  it('withdraws them when the case is closed as a mistake (错案)', async () => {
    const created = await createCase([
      { kind: 'app', value: 'com.fake.loan' },
      { kind: 'imei', value: '867530021234560' },
    ]);
    await sync();
    expect((await screen({ kind: 'app', value: 'com.fake.loan' })).action).toBe('block');
    const closed = await inject('POST', `/api/v1/cases/${created.id}/transitions`, {
      to: 'withdrawn',
      cause: 'mistake',
      reason: '经核实系误报',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    await sync();
    expect((await screen({ kind: 'app', value: 'com.fake.loan' })).action).toBe('pass');
    expect((await screen({ kind: 'imei', value: '867530021234560' })).action).toBe('pass');
  });
});
