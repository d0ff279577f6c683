/**
 * An appeal against a listed device (IMEI): filed with any written form of it (an IMEISV too), approved
 * onto the allow list of devices, after which screening allows the device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';

let sut: TestPlatform;
const IMEI = '352099001761481';

beforeAll(async () => {
  sut = await createTestPlatform();
});
afterAll(() => sut.close());

async function as(username: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const cookie = await sut.login(username);
  return sut.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });
}

describe('appeals against a listed device', () => {
  it('files with an IMEISV, approves onto appeals-allow-imei, and screening then allows the device', async () => {
    const list = await as('province-analyst', 'POST', '/api/v1/intel/lists', {
      name: 'fraud-devices',
      title: '涉诈设备',
      kind: 'imei',
      defaultAction: 'block',
    });
    expect(list.statusCode, list.body).toBe(201);
    const added = await as('province-analyst', 'POST', '/api/v1/intel/lists/fraud-devices/entries', {
      entries: [{ value: IMEI, source: { kind: 'case', id: 'A320102202611' } }],
    });
    expect(added.statusCode, added.body).toBe(200);

    const filed = await as('xuanwu-officer', 'POST', '/api/v1/appeals', {
      list: 'fraud-devices',
      value: '35-209900-176148-23',
      reason: '该手机为群众购买的二手机，原机主涉案，现机主正常使用',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ kind: 'imei', value: IMEI, status: 'pending' });

    const decided = await as('province-analyst', 'POST', `/api/v1/appeals/${filed.json().id}/decide`, {
      decision: 'approve',
      reason: '经核实为正常用户设备',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const rows = await sut.ctx.db
      .selectFrom('intel_entries')
      .innerJoin('intel_lists', 'intel_lists.id', 'intel_entries.list_id')
      .select(['intel_lists.name', 'intel_lists.kind', 'intel_entries.action', 'intel_entries.match'])
      .where('intel_entries.value', '=', IMEI)
      .execute();
    expect(rows).toEqual([{ name: 'appeals-allow-imei', kind: 'imei', action: 'allow', match: 'imei' }]);
    await sut.app.screening.service.follower.sync();
    expect(
      sut.app.screening.service.follower.screener.screen({ kind: 'imei', value: IMEI }, Date.now()),
    ).toMatchObject({
      action: 'allow',
      reasons: [{ list: 'appeals-allow-imei', action: 'allow' }],
    });
  });
});
