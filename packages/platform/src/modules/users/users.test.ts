import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';

let sut: TestPlatform;
beforeAll(async () => {
  sut = await createTestPlatform();
});
afterAll(() => sut.close());

async function as(username: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  const cookie = await sut.login(username);
  return sut.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: 'xuanwu-officer-2',
  displayName: '王警官',
  unitCode: '320102',
  roles: ['officer'],
  password: 'a-long-password',
  phone: '13912345678',
  ...overrides,
});

describe('GET /api/v1/users', () => {
  it('lists the users of the caller’s subtree only, with masked phones', async () => {
    const province = (await as('province-admin', 'GET', '/api/v1/users?pageSize=200')).json();
    expect(province.total).toBe(12);
    const nanjing = (await as('nanjing-admin', 'GET', '/api/v1/users?pageSize=200')).json();
    expect(nanjing.total).toBe(8);
    expect(nanjing.items.every((u: { unitCode: string }) => u.unitCode.startsWith('3201'))).toBe(true);
    const xuanwu = (await as('xuanwu-admin', 'GET', '/api/v1/users')).json();
    expect(xuanwu.total).toBe(4);
    expect(xuanwu.items[0].phoneMasked).toMatch(/^138\*{4}\d{4}$/);
  });

  it('pages, sorts and filters on the server', async () => {
    const page = (await as('province-admin', 'GET', '/api/v1/users?page=2&pageSize=5&sort=-username')).json();
    expect(page).toMatchObject({ total: 12, page: 2, pageSize: 5 });
    expect(page.items).toHaveLength(5);
    const names = page.items.map((u: { username: string }) => u.username);
    expect([...names].sort().reverse()).toEqual(names);
    const auditors = (await as('province-admin', 'GET', '/api/v1/users?role=auditor&q=nanjing')).json();
    expect(auditors.items.map((u: { username: string }) => u.username)).toEqual(['nanjing-auditor']);
    const inUnit = (await as('province-admin', 'GET', '/api/v1/users?unitCode=320102')).json();
    expect(inUnit.total).toBe(4);
  });

  it('answers 400 naming the parameter for a bad query', async () => {
    const response = await as('province-admin', 'GET', '/api/v1/users?pageSize=1000');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('querystring:/pageSize');
    const unknown = await as('province-admin', 'GET', '/api/v1/users?colour=red');
    expect(unknown.statusCode).toBe(400);
  });

  it('answers 403 to roles other than admin', async () => {
    const response = await as('province-analyst', 'GET', '/api/v1/users');
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
  });
});

describe('POST /api/v1/users', () => {
  it('creates a user in the subtree and audits it', async () => {
    const response = await as('nanjing-admin', 'POST', '/api/v1/users', newUser());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      username: 'xuanwu-officer-2',
      unitName: '玄武区',
      phoneMasked: '139****5678',
    });
    const audit = await sut.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('record_id', '=', response.json().id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_username).toBe('nanjing-admin');
    const login = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'xuanwu-officer-2', password: 'a-long-password' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('answers 409 for a taken username and writes nothing', async () => {
    const before = await sut.ctx.db.selectFrom('users').select('id').execute();
    const response = await as(
      'province-admin',
      'POST',
      '/api/v1/users',
      newUser({ username: 'xuanwu-admin' }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('username_taken');
    expect(await sut.ctx.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
  });

  it('answers 404 for a unit outside the caller’s subtree (no existence leak)', async () => {
    const response = await as(
      'xuanwu-admin',
      'POST',
      '/api/v1/users',
      newUser({ username: 'someone', unitCode: '320100' }),
    );
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('unit_not_found');
  });

  it('answers 400 naming the field for unknown fields, wrong types, short passwords and bad roles', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [newUser({ username: 'x1', isRoot: true }), '/isRoot'],
      [newUser({ username: 'x2', roles: 'officer' }), '/roles'],
      [newUser({ username: 'x3', password: 'short' }), '/password'],
      [newUser({ username: 'x4', roles: ['superuser'] }), '/roles/0'],
      [newUser({ username: 'x5', phone: 'call me' }), '/phone'],
    ];
    for (const [body, field] of cases) {
      const response = await as('province-admin', 'POST', '/api/v1/users', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('PATCH /api/v1/users/{id}', () => {
  it('changes roles and disables accounts; a disabled user can no longer sign in', async () => {
    const list = (await as('xuanwu-admin', 'GET', '/api/v1/users?q=xuanwu-analyst')).json();
    const id = list.items[0].id;
    const analystCookie = await sut.login('xuanwu-analyst');
    const response = await as('xuanwu-admin', 'PATCH', `/api/v1/users/${id}`, {
      roles: ['analyst', 'officer'],
      disabled: true,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ roles: ['analyst', 'officer'], disabled: true });
    expect(
      (await sut.app.inject({ url: '/api/v1/auth/me', headers: { cookie: analystCookie } })).statusCode,
    ).toBe(401);
    const login = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'xuanwu-analyst', password: 'fanzha-demo' },
    });
    expect(login.statusCode).toBe(401);
  });

  it('answers 404 for a user outside the subtree and for a malformed id', async () => {
    const provinceUser = (await as('province-admin', 'GET', '/api/v1/users?q=province-officer')).json()
      .items[0];
    expect(
      (await as('xuanwu-admin', 'PATCH', `/api/v1/users/${provinceUser.id}`, { displayName: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await as('xuanwu-admin', 'PATCH', '/api/v1/users/not-a-uuid', { displayName: 'x' })).statusCode,
    ).toBe(404);
  });

  it('refuses an empty change and an admin disabling itself', async () => {
    const me = (await as('nanjing-admin', 'GET', '/api/v1/users?q=nanjing-admin')).json().items[0];
    expect((await as('nanjing-admin', 'PATCH', `/api/v1/users/${me.id}`, {})).statusCode).toBe(400);
    const self = await as('nanjing-admin', 'PATCH', `/api/v1/users/${me.id}`, { disabled: true });
    expect(self.statusCode).toBe(409);
  });
});

describe('POST /api/v1/users/{id}/reveal', () => {
  it('returns the full phone number for a reason and audits the reveal', async () => {
    const target = (await as('province-admin', 'GET', '/api/v1/users?q=nanjing-officer')).json().items[0];
    const response = await as('province-admin', 'POST', `/api/v1/users/${target.id}/reveal`, {
      reason: '核实民警联系方式',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().phone).toMatch(/^1380000\d{4}$/);
    const audit = await sut.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'personal_data.reveal')
      .execute();
    expect(audit.at(-1)).toMatchObject({
      reason: '核实民警联系方式',
      record_id: target.id,
      actor_username: 'province-admin',
    });
  });

  it('needs a reason', async () => {
    const target = (await as('province-admin', 'GET', '/api/v1/users?q=nanjing-officer')).json().items[0];
    const response = await as('province-admin', 'POST', `/api/v1/users/${target.id}/reveal`, {});
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('/reason');
  });
});
