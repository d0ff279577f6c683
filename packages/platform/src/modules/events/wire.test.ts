import { describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from './resident-id.js';
import { checkEvent, readWireForm, wireForm } from './wire.js';

const now = new Date('2026-11-26T00:00:00Z');
const valid = {
  id: 'cmcc-20261126-000001',
  kind: 'call',
  at: '2026-11-26T08:00:00+08:00',
  phone: '138 1234 5678',
  idNumber: '320102198001010016',
  evidence: { number: '+8617012345678', durationSeconds: 95 },
};
const withEvent = (changes: Record<string, unknown>) => ({ ...valid, ...changes });

describe('checkEvent', () => {
  it('accepts the documented example, normalising the phone to E.164', () => {
    const check = checkEvent(valid, now);
    expect(check).toEqual({
      ok: true,
      event: {
        id: valid.id,
        kind: 'call',
        at: new Date('2026-11-26T00:00:00Z'),
        phone: '+8613812345678',
        idNumber: '320102198001010016',
        evidence: valid.evidence,
      },
    });
  });

  it('accepts every kind with its evidence, a fixed line, an ID ending in x and no ID', () => {
    const evidence: Record<string, object> = {
      sms: { text: '您的账户涉嫌洗钱' },
      web: { url: 'https://safe-account.example/' },
      app: { app: 'com.example.meeting', name: '会议' },
      transfer: { account: '6222020200112233445', amount: 50000.5 },
      report: { fraudType: 'fake_police', note: '自称公安' },
      screening_hit: { value: '+8617012345678', screenKind: 'number' },
    };
    for (const [kind, e] of Object.entries(evidence)) {
      const check = checkEvent(
        withEvent({ kind, evidence: e, idNumber: undefined, phone: '025-84123456' }),
        now,
      );
      expect(check.ok, `${kind}: ${JSON.stringify(check)}`).toBe(true);
    }
    const lowerX = `11010519491231002`;
    const id = `${lowerX}${residentIdCheckCharacter(lowerX)}`.toLowerCase();
    const check = checkEvent(withEvent({ idNumber: id }), now);
    expect(check.ok && check.event.idNumber).toBe(id.toUpperCase());
  });

  const cases: [string, unknown, RegExp][] = [
    ['not an object', [1], /an event must be a JSON object/],
    ['unknown field', withEvent({ extra: 1 }), /^extra is not a known field$/],
    ['missing id', withEvent({ id: undefined }), /^id is required$/],
    ['empty id', withEvent({ id: '' }), /^id must NOT have fewer than 1 characters$/],
    ['id too long', withEvent({ id: 'x'.repeat(129) }), /^id must NOT have more than 128 characters$/],
    ['id with a control character', withEvent({ id: 'a\nb' }), /^id must be printable characters only$/],
    [
      'unknown kind',
      withEvent({ kind: 'fax' }),
      /^kind must be one of call, sms, web, app, transfer, report, screening_hit$/,
    ],
    ['evidence not an object', withEvent({ evidence: 'x' }), /^evidence must be object$/],
    ['call without number', withEvent({ evidence: {} }), /^evidence\.number is required$/],
    [
      'unknown evidence field',
      withEvent({ evidence: { number: '1', colour: 'red' } }),
      /^evidence\.colour is not a known field$/,
    ],
    [
      'negative duration',
      withEvent({ evidence: { number: '1', durationSeconds: -1 } }),
      /^evidence\.durationSeconds must be >= 0$/,
    ],
    [
      'sms with neither',
      withEvent({ kind: 'sms', evidence: { note: 'x' } }),
      /^evidence needs number or text for a sms event$/,
    ],
    [
      'web with neither',
      withEvent({ kind: 'web', evidence: {} }),
      /^evidence needs domain or url for a web event$/,
    ],
    [
      'transfer of nothing',
      withEvent({ kind: 'transfer', evidence: { account: '1', amount: 0 } }),
      /^evidence\.amount must be > 0$/,
    ],
    [
      'unknown fraud type',
      withEvent({ evidence: { number: '1', fraudType: 'lottery' } }),
      /^evidence\.fraudType must be one of /,
    ],
    [
      'bad screen kind',
      withEvent({ kind: 'screening_hit', evidence: { value: 'x', screenKind: 'qq' } }),
      /^evidence\.screenKind must be one of /,
    ],
    [
      'time without offset',
      withEvent({ at: '2026-11-26T08:00:00' }),
      /^at must be an ISO 8601 time with an offset/,
    ],
    ['not a time', withEvent({ at: 'yesterday' }), /^at must be an ISO 8601 time with an offset/],
    ['impossible time', withEvent({ at: '2026-13-45T08:00:00Z' }), /^at is not a real time/],
    ['in the future', withEvent({ at: '2026-11-26T00:05:01Z' }), /^at is more than 5 minutes in the future/],
    [
      'phone not a number',
      withEvent({ phone: 'hello' }),
      /^phone "hello" is not a mobile or fixed-line number \(invalid: not_a_number\)$/,
    ],
    [
      'phone a service number',
      withEvent({ phone: '95588' }),
      /^phone "95588" is not a mobile or fixed-line number \(a service number\)$/,
    ],
    [
      'phone international',
      withEvent({ phone: '+1 212 555 0100' }),
      /^phone .* \(an international number\)$/,
    ],
    [
      'id number too short',
      withEvent({ idNumber: '32010219800101001' }),
      /^idNumber must be 17 digits and a check digit or X/,
    ],
    [
      'id number checksum',
      withEvent({ idNumber: '320102198001010011' }),
      /^idNumber fails the GB 11643 checksum \(check character should be 6\)$/,
    ],
    [
      'id number birth date',
      withEvent({ idNumber: '320102198013010016' }),
      /^idNumber has no valid birth date/,
    ],
    ['id number not a string', withEvent({ idNumber: 320102 }), /^idNumber must be string/],
  ];
  it.each(cases)('rejects %s with a reason naming the field', (_label, input, reason) => {
    const check = checkEvent(input, now);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('allows a clock 5 minutes behind the partner, and names the id of a rejected event', () => {
    expect(checkEvent(withEvent({ at: '2026-11-26T00:05:00Z' }), now).ok).toBe(true);
    expect(checkEvent(withEvent({ phone: 'x' }), now)).toMatchObject({ ok: false, id: valid.id });
  });

  it('reads back the wire form it publishes, and nothing of another shape', () => {
    const check = checkEvent(valid, now);
    if (!check.ok) throw new Error(check.reason);
    expect(readWireForm(JSON.parse(JSON.stringify(wireForm(check.event))))).toEqual(check.event);
    expect(readWireForm(valid)).toBeNull(); // the phone is not E.164 yet
    expect(readWireForm({ ...wireForm(check.event), kind: 'fax' })).toBeNull();
    expect(readWireForm({ ...wireForm(check.event), at: 'soon' })).toBeNull();
    expect(readWireForm('text')).toBeNull();
  });
});
