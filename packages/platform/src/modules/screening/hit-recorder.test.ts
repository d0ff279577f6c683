import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { HitRecorder, type Hit } from './hit-recorder.js';

let sut: TestPlatform;
beforeAll(async () => {
  sut = await createTestPlatform();
});
afterAll(() => sut.close());

const T0 = Date.parse('2026-11-26T12:00:00Z');
const hit = (value: string, at: number, overrides: Partial<Hit> = {}): Hit => ({
  at: new Date(at),
  kind: 'number',
  value,
  action: 'block',
  risk: 90,
  lists: ['case-numbers', 'partner-feed'],
  apiKeyId: null,
  ...overrides,
});

interface Row {
  value: string;
  count: number;
  at: Date;
  last_at: Date;
  action: string;
  lists: string[];
}
const rowsOf = async (value: string) =>
  (
    await sql<Row>`SELECT value, count, at, last_at, action, lists FROM screening_hits
      WHERE value = ${value} ORDER BY at, action`.execute(sut.ctx.db)
  ).rows;

describe('HitRecorder', () => {
  it('writes identical hits of one window as one row with their count, first and last times', async () => {
    const recorder = new HitRecorder(sut.ctx.db);
    for (let i = 0; i < 1000; i++) recorder.record(hit('+8613800000001', T0 + i));
    recorder.record(hit('+8613800000001', T0 + 5, { action: 'mark', risk: 40 }));
    recorder.record(hit('+8613800000001', T0 + 6, { lists: ['case-numbers'] }));
    expect(recorder.queued).toBe(3);
    await recorder.flush();
    expect([recorder.written, recorder.rowsWritten, recorder.dropped, recorder.queued]).toEqual([
      1002, 3, 0, 0,
    ]);
    const rows = await rowsOf('+8613800000001');
    expect(rows.map((r) => [r.count, r.action, r.lists.length])).toEqual([
      [1000, 'block', 2],
      [1, 'mark', 2],
      [1, 'block', 1],
    ]);
    expect([rows[0]!.at.getTime(), rows[0]!.last_at.getTime()]).toEqual([T0, T0 + 999]);
    // The next window starts a new row.
    recorder.record(hit('+8613800000001', T0 + 2000));
    await recorder.flush();
    expect((await rowsOf('+8613800000001')).map((r) => r.count)).toEqual([1000, 1, 1, 1]);
  });

  it('drops the oldest rows, counting their hits, only when the window holds too many distinct ones', () => {
    const recorder = new HitRecorder(sut.ctx.db, 2);
    for (let i = 0; i < 5; i++) recorder.record(hit('+8613800000002', T0 + i));
    recorder.record(hit('+8613800000003', T0));
    expect([recorder.queued, recorder.dropped]).toEqual([2, 0]);
    recorder.record(hit('+8613800000004', T0));
    expect([recorder.queued, recorder.dropped]).toEqual([2, 5]);
  });

  it('keeps what the store refused, merging the hits that come meanwhile', async () => {
    const recorder = new HitRecorder(sut.ctx.db);
    // Not a uuid: the store refuses the batch.
    const refused = hit('+8613800000005', T0, { apiKeyId: 'not-a-key-id' });
    recorder.record(refused);
    await recorder.flush();
    expect([recorder.queued, recorder.written]).toEqual([1, 0]);
    recorder.record({ ...refused, at: new Date(T0 + 10) });
    await recorder.flush();
    expect([recorder.queued, recorder.written, recorder.dropped]).toEqual([1, 0, 0]);
    expect(await rowsOf('+8613800000005')).toEqual([]);
  });
});
