import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';

let sut: TestPlatform;
beforeAll(async () => {
  sut = await createTestPlatform();
  for (const user of ['xuanwu-officer', 'nanjing-analyst', 'province-officer']) await sut.login(user);
  await sut.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'ghost', password: 'x' },
  });
});
afterAll(() => sut.close());

const audit = async (username: string, query = '') => {
  const response = await sut.app.inject({
    url: `/api/v1/audit${query}`,
    headers: { cookie: await sut.login(username) },
  });
  return response;
};

describe('GET /api/v1/audit', () => {
  it('shows the province auditor every login, including failed ones of unknown users', async () => {
    const body = (await audit('province-auditor', '?action=auth.login&pageSize=200')).json();
    const actors = body.items.map((e: { actorUsername: string }) => e.actorUsername);
    expect(actors).toEqual(
      expect.arrayContaining(['xuanwu-officer', 'nanjing-analyst', 'province-officer', 'ghost']),
    );
    expect(body.items[0].at >= body.items.at(-1).at).toBe(true);
  });

  it('limits a county auditor to what happened in the county', async () => {
    const body = (await audit('xuanwu-auditor', '?pageSize=200')).json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((e: { actorUnitCode: string }) => e.actorUnitCode === '320102')).toBe(true);
  });

  it('filters by actor, unit and time and sorts oldest first on request', async () => {
    const byActor = (await audit('province-admin', '?actor=nanjing-analyst&action=auth.login')).json();
    expect(byActor.items.map((e: { action: string }) => e.action)).toEqual(['auth.login']);
    const byUnit = (await audit('province-admin', '?unitCode=320100&pageSize=200')).json();
    expect(byUnit.items.every((e: { actorUnitCode: string }) => e.actorUnitCode === '320100')).toBe(true);
    const future = (
      await audit(
        'province-admin',
        `?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`,
      )
    ).json();
    expect(future.total).toBe(0);
    const ascending = (await audit('province-admin', '?sort=at&pageSize=200')).json();
    expect(ascending.items[0].at <= ascending.items.at(-1).at).toBe(true);
  });

  it('answers 403 to officers and analysts', async () => {
    expect((await audit('province-officer')).statusCode).toBe(403);
    expect((await audit('nanjing-analyst')).statusCode).toBe(403);
  });

  it('rejects a malformed time filter naming the parameter', async () => {
    const response = await audit('province-auditor', '?from=yesterday');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('querystring:/from');
  });
});

describe('audit_log', () => {
  it('is append-only: updates and deletes are refused by the store', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(sut.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(sut.ctx.db)).rejects.toThrow(/append-only/);
  });
});
