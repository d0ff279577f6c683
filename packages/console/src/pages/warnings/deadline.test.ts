import { describe, expect, it } from 'vitest';
import { deadlineState } from './deadline';
import { parseWarningEvent, reconnectDelayMs } from './live/streamEvents';

const deadline = '2026-11-26T08:05:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('deadlineState', () => {
  it('counts down minutes and seconds to the deadline', () => {
    expect(deadlineState(deadline, at('2026-11-26T08:00:55.400Z'))).toEqual({ overdue: false, text: '4:04' });
  });
  it('counts up past the deadline, with hours when it is long past', () => {
    expect(deadlineState(deadline, at('2026-11-26T08:07:03.000Z'))).toEqual({ overdue: true, text: '2:03' });
    expect(deadlineState(deadline, at('2026-11-26T09:06:01.000Z'))).toEqual({
      overdue: true,
      text: '1:01:01',
    });
  });
});

describe('the warning stream', () => {
  it('takes a warning summary and ignores anything else', () => {
    const summary = { id: 'w1', level: 'red', status: 'open', phoneMasked: '138****5678' };
    expect(parseWarningEvent(JSON.stringify(summary))).toEqual(summary);
    expect(parseWarningEvent(JSON.stringify({ change: 'created', warning: summary }))).toEqual(summary);
    expect(parseWarningEvent('{"id":"w1","level":"blue","status":"open"}')).toBeNull();
    expect(parseWarningEvent('not json')).toBeNull();
  });
  it('waits longer after each failed reconnection, up to half a minute', () => {
    expect([0, 1, 2, 5, 9].map(reconnectDelayMs)).toEqual([1000, 2000, 4000, 30000, 30000]);
  });
});
