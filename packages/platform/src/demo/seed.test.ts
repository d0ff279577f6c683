import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../test-support/index.js';
import { seedDemo } from './seed.js';

let sut: TestStore;
beforeAll(async () => {
  sut = await createTestStore();
});
afterAll(() => sut.close());

describe('seedDemo', () => {
  it('seeds the org tree, twelve demo accounts and demo intel with a pending appeal, once', async () => {
    const first = await seedDemo(sut.ctx);
    expect(first.units).toBeGreaterThan(100);
    expect(first.users).toBe(12);
    expect(first.entries).toBeGreaterThan(80);
    const lists = await sut.ctx.db.selectFrom('intel_lists').select('name').orderBy('name').execute();
    expect(lists.map((l) => l.name)).toEqual([
      'abused-ranges',
      'case-numbers',
      'fraud-domains',
      'mule-accounts',
    ]);
    const appeals = await sut.ctx.db.selectFrom('appeals').selectAll().execute();
    expect(appeals).toHaveLength(1);
    expect(await seedDemo(sut.ctx)).toEqual({ units: 0, users: 0, entries: 0 });
  });
});
