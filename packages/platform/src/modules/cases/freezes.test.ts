import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { caseBody, luhnCard } from './test-factories.js';

let sut: TestPlatform;

beforeAll(async () => {
  sut = await createTestPlatform();
});
afterAll(() => sut.close());

async function as(username: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const cookie = await sut.login(username);
  return sut.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function caseWithAccount(username = 'xuanwu-officer', unitCode?: string) {
  const response = await as(
    username,
    'POST',
    '/api/v1/cases',
    caseBody({
      unitCode,
      footprints: [
        { kind: 'account', accountKind: 'bank_card', value: luhnCard('622202987654321'), amount: 80_000 },
        { kind: 'number', value: '13812340000' },
      ],
    }),
  );
  expect(response.statusCode, response.body).toBe(201);
  const created = response.json();
  const account = created.footprints.find((f: { kind: string }) => f.kind === 'account');
  const number = created.footprints.find((f: { kind: string }) => f.kind === 'number');
  return { id: created.id as string, account: account.id as string, number: number.id as string };
}

const freezeUrl = (caseId: string, footprintId: string) =>
  `/api/v1/cases/${caseId}/footprints/${footprintId}/freezes`;

describe('POST /api/v1/cases/:id/footprints/:fid/freezes', () => {
  it('records freezes on an account, shows their sum on the footprint and audits each', async () => {
    const theCase = await caseWithAccount();
    const first = await as('xuanwu-officer', 'POST', freezeUrl(theCase.id, theCase.account), {
      amount: 30_000,
      frozenAt: '2026-11-21T02:00:00.000Z',
      reference: '玄公冻字〔2026〕118号',
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await as('nanjing-officer', 'POST', freezeUrl(theCase.id, theCase.account), {
      amount: 12_500.5,
      frozenAt: '2026-11-22T02:00:00.000Z',
    });
    expect(second.statusCode, second.body).toBe(201);
    const footprint = second.json().footprints.find((f: { id: string }) => f.id === theCase.account);
    expect(footprint.frozenAmount).toBe(42_500.5);
    const audit = await sut.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('record_id', '=', theCase.id)
      .where('action', '=', 'case.freeze')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]!.detail).toMatchObject({ amount: 30_000, reference: '玄公冻字〔2026〕118号' });
  });

  it('refuses a footprint that is not an account, a future date, a zero amount and a case outside the subtree', async () => {
    const theCase = await caseWithAccount();
    const notAccount = await as('xuanwu-officer', 'POST', freezeUrl(theCase.id, theCase.number), {
      amount: 100,
      frozenAt: '2026-11-21T02:00:00.000Z',
    });
    expect(notAccount.statusCode).toBe(400);
    expect(notAccount.json().errors[0].field).toBe('/footprint');
    const future = await as('xuanwu-officer', 'POST', freezeUrl(theCase.id, theCase.account), {
      amount: 100,
      frozenAt: '2099-01-01T00:00:00.000Z',
    });
    expect(future.statusCode).toBe(400);
    const zero = await as('xuanwu-officer', 'POST', freezeUrl(theCase.id, theCase.account), {
      amount: 0,
      frozenAt: '2026-11-21T02:00:00.000Z',
    });
    expect(zero.statusCode).toBe(400);
    const qinhuai = await caseWithAccount('nanjing-officer', '320104');
    const outside = await as('xuanwu-officer', 'POST', freezeUrl(qinhuai.id, qinhuai.account), {
      amount: 100,
      frozenAt: '2026-11-21T02:00:00.000Z',
    });
    expect(outside.statusCode).toBe(404);
    const missing = await as('xuanwu-officer', 'POST', freezeUrl(theCase.id, '999999'), {
      amount: 100,
      frozenAt: '2026-11-21T02:00:00.000Z',
    });
    expect(missing.statusCode).toBe(404);
    const rows = await sut.ctx.db
      .selectFrom('case_account_freezes')
      .select('id')
      .where('case_id', 'in', [theCase.id, qinhuai.id])
      .execute();
    expect(rows).toHaveLength(0);
  });
});
