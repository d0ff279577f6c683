import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { removalCause, statusAt, visibleInterval } from './status.js';

const T = Date.parse('2026-11-26T00:00:00Z');
const HOUR = 3_600_000;
const row = (fields: Partial<Parameters<typeof statusAt>[0]> = {}) => ({
  starts_at: new Date(T),
  ends_at: new Date(T + 10 * HOUR),
  ended_at: null,
  end_cause: null,
  created_at: new Date(T),
  ...fields,
});

describe('statusAt', () => {
  it('follows the clock from pending to active to expired', () => {
    const punishment = row({ starts_at: new Date(T + HOUR) });
    expect(statusAt(punishment, new Date(T))).toBe('pending');
    expect(statusAt(punishment, new Date(T + HOUR))).toBe('active');
    expect(statusAt(punishment, new Date(T + 10 * HOUR))).toBe('expired');
  });

  it('tells an early end from a revocation on appeal', () => {
    expect(statusAt(row({ ended_at: new Date(T + HOUR), end_cause: 'ended' }), new Date(T + 2 * HOUR))).toBe(
      'ended',
    );
    expect(statusAt(row({ ended_at: new Date(T + HOUR), end_cause: 'appeal' }), new Date(T + 2 * HOUR))).toBe(
      'revoked',
    );
    expect(removalCause(row({ ended_at: new Date(T + HOUR), end_cause: 'appeal' }))).toBe('revoked');
    expect(removalCause(row())).toBe('expired');
  });

  it('is active exactly inside the visible interval, for any time after it was recorded', () => {
    const offset = fc.integer({ min: 0, max: 20 * HOUR });
    fc.assert(
      fc.property(offset, offset, offset, fc.option(offset), offset, (start, length, created, ended, at) => {
        const endsAt = T + start + length + 1;
        const now = T + created + at;
        // As stored at `now`: an early end is there once it has happened (and only before expiry).
        const endedAt = ended !== null && T + ended <= now && T + ended < endsAt ? new Date(T + ended) : null;
        const punishment = row({
          starts_at: new Date(T + start),
          ends_at: new Date(endsAt),
          created_at: new Date(T + created),
          ended_at: endedAt,
          end_cause: endedAt ? 'ended' : null,
        });
        const { from, until } = visibleInterval(punishment);
        expect(from <= now && now < until).toBe(statusAt(punishment, new Date(now)) === 'active');
      }),
    );
  });
});
