import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../test-support/index.js';
import { seedDemo } from './seed.js';

let sut: TestStore;
beforeAll(async () => {
  sut = await createTestStore();
});
afterAll(() => sut.close());

describe('seedDemo', () => {
  it('seeds the org tree, twelve demo accounts, demo intel with a pending appeal and demo cases, once', async () => {
    const first = await seedDemo(sut.ctx);
    expect(first.units).toBeGreaterThan(100);
    expect(first.users).toBe(12);
    expect(first.entries).toBeGreaterThan(80);
    const lists = await sut.ctx.db.selectFrom('intel_lists').select('name').orderBy('name').execute();
    expect(lists.map((l) => l.name)).toEqual(
      [
        'abused-ranges',
        'case-accounts',
        'case-apps',
        'case-numbers',
        'case-urls',
        'case-domains',
        'fraud-domains',
        'mule-accounts',
      ].sort(),
    );
    // Demo cases at different steps, their footprints on the case lists.
    const cases = await sut.ctx.db
      .selectFrom('cases')
      .select(['external_ref', 'status'])
      .orderBy('external_ref')
      .execute();
    expect(cases.map((c) => c.status)).toEqual(['investigating', 'accepted', 'solved']);
    const appeals = await sut.ctx.db.selectFrom('appeals').selectAll().execute();
    expect(appeals).toHaveLength(1);
    expect(await seedDemo(sut.ctx)).toEqual({ units: 0, users: 0, entries: 0 });
  });
});
