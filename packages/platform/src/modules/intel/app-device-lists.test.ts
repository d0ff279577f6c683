/**
 * Lists of apps and devices through the intel API: created, filled (each value normalised by the
 * engine, a bad one refused by position and reason), searched, exported in every format and imported
 * again, and screened by a follower that loads them from the store as well as one that follows the
 * change log.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/index.js';
import { IntelFollower } from '../screening/index.js';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { createList } from './service.js';
import { runImport } from './transfer/index.js';

let sut: TestPlatform;
let analyst: string;
const NOW = Date.now();

beforeAll(async () => {
  sut = await createTestPlatform();
  analyst = await sut.login('province-analyst');
});
afterAll(() => sut.close());

const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
  sut.app.inject({ method, url, headers: { cookie: analyst }, ...(payload ? { payload } : {}) });

describe('app and imei lists', () => {
  beforeAll(async () => {
    for (const [name, kind] of [
      ['fraud-apps', 'app'],
      ['fraud-devices', 'imei'],
    ]) {
      const created = await as('POST', '/api/v1/intel/lists', {
        name,
        title: name,
        kind,
        defaultAction: 'block',
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ kind });
    }
  });

  it('stores each value in the engine’s form with its match rule', async () => {
    const apps = await as('POST', '/api/v1/intel/lists/fraud-apps/entries', {
      entries: [
        { value: 'Com.Fake.Invest' },
        { value: 'https://play.google.com/store/apps/details?id=com.fake.loan' },
      ],
    });
    expect(apps.statusCode, apps.body).toBe(200);
    const devices = await as('POST', '/api/v1/intel/lists/fraud-devices/entries', {
      entries: [{ value: 'IMEISV 35-209900-176148-23', confidence: 50, action: 'mark' }],
    });
    expect(devices.statusCode, devices.body).toBe(200);
    const page = await as('GET', '/api/v1/intel/entries?list=fraud-apps');
    expect(
      page
        .json()
        .items.map((e: { value: string; match: string; kind: string }) => [e.kind, e.value, e.match]),
    ).toEqual(
      expect.arrayContaining([
        ['app', 'com.fake.invest', 'app'],
        ['app', 'com.fake.loan', 'app'],
      ]),
    );
    const search = await as('GET', '/api/v1/intel/entries?list=fraud-devices&q=35209900');
    expect(search.json().items).toMatchObject([{ kind: 'imei', value: '352099001761481', match: 'imei' }]);
  });

  it('refuses bad values by position and reason, adding none', async () => {
    const response = await as('POST', '/api/v1/intel/lists/fraud-devices/entries', {
      entries: [{ value: '490154203237518' }, { value: '490154203237519' }, { value: '1234' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: '/entries/1/value', message: 'bad_checksum: 490154203237519' },
      { field: '/entries/2/value', message: 'too_short: 1234' },
    ]);
    const named = await as('POST', '/api/v1/intel/lists/fraud-apps/entries', {
      entries: [{ value: '安全防护' }],
    });
    expect(named.json().errors).toEqual([{ field: '/entries/0/value', message: 'not_an_app_id: 安全防护' }]);
    const wrongMatch = await as('POST', '/api/v1/intel/lists/fraud-apps/entries', {
      entries: [{ value: 'com.fake.x', match: 'exact' }],
    });
    expect(wrongMatch.statusCode).toBe(400);
    expect((await as('GET', '/api/v1/intel/entries?list=fraud-devices')).json().total).toBe(1);
  });

  it('is screened by a follower loading from the store and by one following the log', async () => {
    const loaded = new IntelFollower(sut.ctx.db);
    await loaded.loadSnapshot();
    await sut.app.screening.service.follower.sync();
    for (const screener of [loaded.screener, sut.app.screening.service.follower.screener]) {
      expect(screener.screen({ kind: 'app', value: 'COM.FAKE.INVEST' }, NOW)).toMatchObject({
        action: 'block',
        reasons: [{ list: 'fraud-apps', rule: 'app' }],
      });
      expect(screener.screen({ kind: 'imei', value: '352099001761481' }, NOW)).toMatchObject({
        action: 'mark',
        risk: 50,
        reasons: [{ list: 'fraud-devices', rule: 'imei' }],
      });
    }
  });

  it('exports CSV, NDJSON and STIX that import again unchanged', async () => {
    const actor = systemActor('test');
    for (const kind of ['app', 'imei'] as const)
      await createList(sut.ctx, actor, {
        name: `copy-${kind}`,
        title: '副本',
        kind,
        defaultAction: 'block',
        unitCode: '320000',
      });
    for (const format of ['csv', 'ndjson', 'stix'] as const) {
      for (const [list, copy, count] of [
        ['fraud-apps', 'copy-app', 2],
        ['fraud-devices', 'copy-imei', 1],
      ] as const) {
        const exported = await as('GET', `/api/v1/intel/lists/${list}/export?format=${format}`);
        expect(exported.statusCode, exported.body).toBe(200);
        if (format === 'stix')
          expect(exported.body).toContain(
            list === 'fraud-apps' ? 'software:x_package_id' : 'x-mobile-device:imei',
          );
        const outcome = await runImport(sut.ctx, actor, {
          list: copy,
          format,
          input: Readable.from([exported.body]),
        });
        expect(outcome, `${format} ${list}: ${JSON.stringify(outcome)}`).toMatchObject({
          status: 'succeeded',
          added: count,
        });
      }
    }
  });
});
