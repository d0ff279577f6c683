import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { systemActor } from '../auth/index.js';
import { createCase, removeFootprint, transitionCase } from '../cases/index.js';
import { syncCaseCards } from './sync.js';
import { bankCard } from './test-factories.js';

let sut: TestPlatform;
const system = systemActor();

beforeAll(async () => {
  sut = await createTestPlatform();
});
afterAll(() => sut.close());

const account = (value: string, amount: number) => ({
  kind: 'account' as const,
  accountKind: 'bank_card',
  value,
  amount,
});

/** The card's touches as stored (no cards API read, which would not synchronise anyway). */
const touchesOf = (number: string) =>
  sut.ctx.db
    .selectFrom('card_case_touches as t')
    .innerJoin('involved_cards as c', 'c.id', 't.card_id')
    .select(['t.case_id', 't.amount', 't.active', 'c.kind'])
    .where('c.number', '=', number)
    .orderBy('t.footprint_id')
    .execute();

describe('cards follow the cases on write', () => {
  it('a saved footprint is a card touch as soon as the case is committed', async () => {
    const card = bankCard(7101);
    const created = await createCase(sut.ctx, system, {
      unitCode: '320102',
      fraudType: 'fake_police',
      victim: { name: '测试' },
      amountLost: 9000,
      footprints: [account(card, 9000), { kind: 'number', value: '13800007101' }],
    });
    expect(await touchesOf(card)).toEqual([
      { case_id: created.id, amount: '9000.00', active: true, kind: 'bank_card' },
    ]);
    expect(await touchesOf('+8613800007101')).toEqual([
      expect.objectContaining({ case_id: created.id, active: true, kind: 'sim' }),
    ]);
  });

  it('a removed footprint and a case withdrawn as a mistake stop counting at once', async () => {
    const kept = bankCard(7102);
    const removed = bankCard(7103);
    const created = await createCase(sut.ctx, system, {
      unitCode: '320102',
      fraudType: 'fake_police',
      victim: { name: '测试' },
      amountLost: 3000,
      footprints: [account(kept, 1000), account(removed, 2000)],
    });
    const footprint = created.footprints.find((f) => f.value === removed)!;
    await removeFootprint(sut.ctx, system, created.id, footprint.id, '录入错误');
    expect((await touchesOf(removed)).map((t) => t.active)).toEqual([false]);
    expect((await touchesOf(kept)).map((t) => t.active)).toEqual([true]);

    await transitionCase(sut.ctx, system, created.id, {
      to: 'withdrawn',
      cause: 'mistake',
      reason: '非诈骗',
    });
    expect((await touchesOf(kept)).map((t) => t.active)).toEqual([false]);
  });

  it('reads never synchronise; the catch-up at start takes what was written without the cards listening', async () => {
    const created = await createCase(sut.ctx, system, {
      unitCode: '320102',
      fraudType: 'fake_police',
      victim: { name: '测试' },
      amountLost: 500,
      footprints: [],
    });
    // Written as a one-shot tool of an older version would: straight into the cases' table.
    const card = bankCard(7104);
    const now = new Date();
    await sut.ctx.db
      .insertInto('case_footprints')
      .values({
        case_id: created.id,
        kind: 'account',
        account_kind: 'bank_card',
        raw_value: card,
        value: card,
        confidence: 90,
        amount: 500,
        created_by: 'legacy-import',
        created_at: now,
      })
      .execute();
    const cookie = await sut.login('province-analyst');
    const read = await sut.app.inject({ url: `/api/v1/cards?q=${card}`, headers: { cookie } });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().total).toBe(0);

    expect(await syncCaseCards(sut.ctx)).toBeGreaterThanOrEqual(1);
    expect(await touchesOf(card)).toEqual([
      { case_id: created.id, amount: '500.00', active: true, kind: 'bank_card' },
    ]);
  });
});
