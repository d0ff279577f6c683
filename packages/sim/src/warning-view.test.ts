import { describe, expect, it } from 'vitest';
import { readWarning } from './warning-view.js';

describe('readWarning', () => {
  it('reads the person, our event ids and the firing times from a warning detail', () => {
    const view = readWarning({
      id: 'w1',
      level: 'red',
      status: 'open',
      phone: '+8613812345678',
      phoneMasked: '+86138****5678',
      timeline: [
        { type: 'signal', at: '2026-11-26T08:00:00+08:00', eventId: 'sim1-a-1', ruleId: null },
        { type: 'signal', at: '2026-11-26T08:10:00+08:00', eventId: 'sim1-a-2', ruleId: null },
        {
          type: 'firing',
          at: '2026-11-26T08:10:00+08:00',
          eventId: null,
          ruleId: 'police-call-then-listed-web',
          eventIds: ['sim1-a-1', 'sim1-a-2'],
        },
        { type: 'escalation', at: '2026-11-26T08:20:00+08:00', eventId: null, ruleId: null },
      ],
    });
    expect(view).toEqual({
      id: 'w1',
      level: 'red',
      status: 'open',
      phone: '13812345678',
      eventIds: ['sim1-a-1', 'sim1-a-2'],
      firedAt: [Date.parse('2026-11-26T00:10:00Z')],
    });
  });

  it('leaves the phone out when it is masked', () => {
    expect(
      readWarning({ id: 'w2', level: 'yellow', phone: '+86138****5678', timeline: [] }).phone,
    ).toBeNull();
  });
});
