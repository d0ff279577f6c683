import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../test-support/index.js';

let base: TestStore;
beforeAll(async () => {
  base = await createTestStore();
  await sql`CREATE TABLE tx_probe (id integer PRIMARY KEY, writer text NOT NULL)`.execute(base.ctx.db);
});
afterAll(() => base.close());

describe('concurrent transactions', () => {
  it('keep their own work: one rolls back, the other commits, neither takes the other along', async () => {
    const db = base.ctx.db;
    let letCommitterFinish!: () => void;
    const committerMayFinish = new Promise<void>((resolve) => (letCommitterFinish = resolve));
    const committer = db.transaction().execute(async (trx) => {
      await sql`INSERT INTO tx_probe VALUES (1, 'committer')`.execute(trx);
      await committerMayFinish;
      await sql`INSERT INTO tx_probe VALUES (2, 'committer')`.execute(trx);
    });
    const rolledBack = db.transaction().execute(async (trx) => {
      await sql`INSERT INTO tx_probe VALUES (3, 'rolled back')`.execute(trx);
      throw new Error('changed my mind');
    });
    // On PostgreSQL it fails at once (nothing makes it wait): take its outcome now, not later.
    const rolledBackOutcome = rolledBack.then(
      () => 'committed',
      (error: Error) => error.message,
    );
    // Give the second transaction every chance to interleave before the first one finishes.
    await new Promise((resolve) => setTimeout(resolve, 50));
    letCommitterFinish();
    await committer;
    expect(await rolledBackOutcome).toBe('changed my mind');
    const rows = await sql<{
      id: number;
      writer: string;
    }>`SELECT id, writer FROM tx_probe ORDER BY id`.execute(db);
    expect(rows.rows).toEqual([
      { id: 1, writer: 'committer' },
      { id: 2, writer: 'committer' },
    ]);
  });

  it('see plain queries wait for a running transaction instead of reading its uncommitted rows', async () => {
    const db = base.ctx.db;
    let letWriterFinish!: () => void;
    const writerMayFinish = new Promise<void>((resolve) => (letWriterFinish = resolve));
    let inserted!: () => void;
    const insertDone = new Promise<void>((resolve) => (inserted = resolve));
    const writer = db.transaction().execute(async (trx) => {
      await sql`INSERT INTO tx_probe VALUES (10, 'writer')`.execute(trx);
      inserted();
      await writerMayFinish;
      throw new Error('abandon');
    });
    const writerOutcome = writer.then(
      () => 'committed',
      (error: Error) => error.message,
    );
    await insertDone;
    const reader = sql<{ n: number }>`SELECT count(*)::int AS n FROM tx_probe WHERE id = 10`.execute(db);
    letWriterFinish();
    expect(await writerOutcome).toBe('abandon');
    expect((await reader).rows[0]!.n).toBe(0);
  });
});
