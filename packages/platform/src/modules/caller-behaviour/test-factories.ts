/** CDRs for the module's tests: a dialler's outbound, unanswered calls to strangers, one a minute. */
import type { CallDetailRecord } from '@fanzha/engine';

export const HOUR_START = Date.parse('2026-11-25T10:00:00+08:00');

/** `count` calls from minute `from` of the hour; `handsets` > 1 rotates the IMEI through that many slots. */
export function dialler(number: string, from: number, count: number, handsets = 1): CallDetailRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    caller: number,
    callee: `1390000${String(from + i).padStart(4, '0')}`,
    start: HOUR_START + (from + i) * 60_000,
    duration: 0,
    direction: 'outbound' as const,
    cell: 'cell-1',
    imei: `86000000000000${(from + i) % handsets}`,
  }));
}
