import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';

let sut: TestPlatform;
beforeAll(async () => {
  sut = await createTestPlatform({ config: { loginMaxFailures: 3 } });
});
afterAll(() => sut.close());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  sut.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

describe('POST /api/v1/auth/login', () => {
  it('signs in with the right password and sets an HTTP-only session cookie', async () => {
    const response = await login('xuanwu-officer', 'fanzha-demo');
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      username: 'xuanwu-officer',
      roles: ['officer'],
      unit: { code: '320102', name: '玄武区' },
    });
    const cookie = response.cookies.find((c) => c.name === 'fanzha_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('answers 401 invalid_credentials for a wrong password and for an unknown user alike', async () => {
    const wrong = await login('nanjing-analyst', 'not-the-password', '10.0.0.2');
    const unknown = await login('nobody-here', 'whatever', '10.0.0.3');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'invalid_credentials', status: 401 });
    }
  });

  it('limits failed attempts per username with 429 too_many_attempts, even with the right password', async () => {
    for (let i = 0; i < 3; i++)
      expect((await login('nanjing-auditor', 'wrong-password', `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await login('nanjing-auditor', 'fanzha-demo', '10.1.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_attempts');
  });

  it('audits successful and failed logins with the client address', async () => {
    const rows = await sut.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'like', 'auth.login%')
      .execute();
    expect(
      rows.some(
        (r) => r.action === 'auth.login' && r.actor_username === 'xuanwu-officer' && r.ip === '10.0.0.1',
      ),
    ).toBe(true);
    expect(
      rows.some(
        (r) =>
          r.action === 'auth.login_failed' &&
          r.actor_username === 'nobody-here' &&
          r.actor_type === 'anonymous',
      ),
    ).toBe(true);
    expect(rows.some((r) => r.action === 'auth.login_blocked')).toBe(true);
  });

  it('rejects unknown fields and wrong types with 400 naming the field', async () => {
    const extra = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a', password: 'b', admin: true },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors).toContainEqual({ field: '/admin', message: 'is not a known field' });
    const wrongType = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 42, password: 'b' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].field).toBe('/username');
  });
});

describe('GET /api/v1/auth/me and POST /api/v1/auth/logout', () => {
  it('describes the signed-in user and ends the session on logout', async () => {
    const cookie = await sut.login('province-admin');
    const me = await sut.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'province-admin',
      unit: { code: '320000', level: 'province', parentCode: null },
    });
    const out = await sut.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await sut.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('answers 401 without a session', async () => {
    expect((await sut.app.inject({ url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await sut.app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(401);
  });
});
