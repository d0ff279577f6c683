import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, systemActor } from '../auth/index.js';
import { createList } from '../intel/index.js';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';

let sut: TestPlatform;
let analyst: string;
let feedKey: string;

beforeAll(async () => {
  sut = await createTestPlatform();
  await createList(sut.ctx, systemActor(), {
    name: 'fraud-domains',
    title: '涉诈域名',
    kind: 'domain',
    defaultAction: 'block',
    unitCode: '320000',
  });
  feedKey = (
    await createApiKey(sut.ctx, systemActor(), { name: 'ct-log feed', unitCode: '320000', scopes: ['feed'] })
  ).key;
  await sut.app.screening.apiKeys.refresh(Date.now());
  analyst = await sut.login('province-analyst');
});
afterAll(() => sut.close());

const names = [
  'icbc-login-verify.top',
  'www.icbc.com.cn',
  'baidu.com',
  'alipay-kefu95188.vip',
  'ccb-safe-account.xyz',
  'example.org',
];

const candidates = async (status = 'pending') =>
  (
    await sut.app.inject({
      url: `/api/v1/intel/domain-candidates?status=${status}`,
      headers: { cookie: analyst },
    })
  ).json();

describe('the new-name watch', () => {
  it('raises lookalikes from a partner feed for review and skips names it has seen', async () => {
    const submitted = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/partner/domain-watch',
      headers: { 'x-api-key': feedKey },
      payload: { feed: 'ct-log', names },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const { raised } = submitted.json();
    expect(raised).toBeGreaterThanOrEqual(2);
    const pending = await candidates();
    const raisedNames = pending.items.map((c: { name: string }) => c.name);
    expect(raisedNames).toEqual(expect.arrayContaining(['icbc-login-verify.top', 'ccb-safe-account.xyz']));
    expect(raisedNames).not.toContain('baidu.com');
    expect(pending.items[0].contributions.length).toBeGreaterThan(0);
    const again = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/intel/domain-watch',
      headers: { cookie: analyst },
      payload: { feed: 'ct-log', names },
    });
    expect(again.json().raised).toBe(0);
  });

  it('blocks a candidate: it becomes an entry on the domain list and screening blocks it', async () => {
    const target = (await candidates()).items.find(
      (c: { name: string }) => c.name === 'icbc-login-verify.top',
    );
    const decided = await sut.app.inject({
      method: 'POST',
      url: `/api/v1/intel/domain-candidates/${target.id}/decide`,
      headers: { cookie: analyst },
      payload: { decision: 'block', reason: '仿冒工商银行登录页' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'blocked',
      listName: 'fraud-domains',
      decidedBy: 'province-analyst',
    });
    await sut.app.screening.service.follower.sync();
    const verdict = sut.app.screening.service.screen(
      { kind: 'domain', value: 'www.icbc-login-verify.top' },
      null,
    );
    expect(verdict).toMatchObject({
      action: 'block',
      reasons: [{ list: 'fraud-domains', source: { kind: 'rule', id: `domain-watch:${target.id}` } }],
    });
    const twice = await sut.app.inject({
      method: 'POST',
      url: `/api/v1/intel/domain-candidates/${target.id}/decide`,
      headers: { cookie: analyst },
      payload: { decision: 'dismiss', reason: 'x1' },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('allows a candidate onto the watch allow list, and dismisses another', async () => {
    const [first, second] = (await candidates()).items;
    const allowed = await sut.app.inject({
      method: 'POST',
      url: `/api/v1/intel/domain-candidates/${first.id}/decide`,
      headers: { cookie: analyst },
      payload: { decision: 'allow', reason: '银行官方活动域名' },
    });
    expect(allowed.json()).toMatchObject({ status: 'allowed', listName: 'domain-watch-allow' });
    await sut.app.screening.service.follower.sync();
    expect(sut.app.screening.service.screen({ kind: 'domain', value: first.name }, null).action).toBe(
      'allow',
    );
    if (second) {
      const dismissed = await sut.app.inject({
        method: 'POST',
        url: `/api/v1/intel/domain-candidates/${second.id}/decide`,
        headers: { cookie: analyst },
        payload: { decision: 'dismiss', reason: '非仿冒' },
      });
      expect(dismissed.json().status).toBe('dismissed');
    }
  });

  it('answers 403 to officers deciding and to keys without the feed scope', async () => {
    const officer = await sut.login('xuanwu-officer');
    expect(
      (
        await sut.app.inject({
          method: 'POST',
          url: '/api/v1/intel/domain-candidates/1/decide',
          headers: { cookie: officer },
          payload: { decision: 'dismiss', reason: 'xx' },
        })
      ).statusCode,
    ).toBe(403);
    const screenKey = (
      await createApiKey(sut.ctx, systemActor(), { name: 'carrier', unitCode: '320000', scopes: ['screen'] })
    ).key;
    await sut.app.screening.apiKeys.refresh(Date.now());
    expect(
      (
        await sut.app.inject({
          method: 'POST',
          url: '/api/v1/partner/domain-watch',
          headers: { 'x-api-key': screenKey },
          payload: { feed: 'x', names: ['a.cn'] },
        })
      ).statusCode,
    ).toBe(403);
  });
});
