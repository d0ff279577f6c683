/**
 * An installed app that a case listed fires `listed-app-installed`: the app event's counterparty is
 * screened by its package id through this process's screener, like a call's number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBody } from '../cases/test-factories.js';
import {
  createWarningsPlatform,
  nextEventId,
  type WarningsTestPlatform,
} from '../../test-support/warnings.js';

let sut: WarningsTestPlatform;

beforeAll(async () => {
  sut = await createWarningsPlatform();
});
afterAll(() => sut.close());

const appEvent = (phone: string, app: string) => ({
  id: nextEventId('app'),
  kind: 'app',
  at: new Date(sut.now() - 60_000).toISOString(),
  phone,
  evidence: { app, name: '安全防护' },
});

const warningsOf = (phone: string) =>
  sut.ctx.db.selectFrom('warnings').selectAll().where('phone', '=', phone).execute();

describe('listed-app-installed', () => {
  it('fires when a citizen installs an app listed from a case, naming the app', async () => {
    const created = await sut.as(
      'xuanwu-officer',
      'POST',
      '/api/v1/cases',
      caseBody({ fraudType: 'fake_investment', footprints: [{ kind: 'app', value: 'com.fake.invest' }] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    await sut.app.screening.service.follower.sync();

    await sut.send([appEvent('+8613812340001', 'Com.Fake.Invest')]);
    const [warning, ...others] = await warningsOf('+8613812340001');
    expect(others).toEqual([]);
    expect(warning).toMatchObject({ rule_ids: ['listed-app-installed'], level: 'orange', status: 'open' });
    const timeline = await sut.ctx.db
      .selectFrom('warning_timeline')
      .selectAll()
      .where('warning_id', '=', warning!.id)
      .execute();
    expect(JSON.stringify(timeline)).toContain('com.fake.invest');
  });

  it('stays quiet for an app nobody listed', async () => {
    await sut.send([appEvent('+8613812340002', 'com.tencent.mm')]);
    expect(await warningsOf('+8613812340002')).toEqual([]);
  });
});
