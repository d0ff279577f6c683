/**
 * Where a warning's facts come from: a list's fraud type, events another instance took from the stream,
 * and the evidence's own time (not the arrival's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWarningsPlatform,
  listedVisit,
  nextEventId,
  policeCall,
  redScenario,
  residentId,
  type WarningsTestPlatform,
} from '../../test-support/warnings.js';

let sut: WarningsTestPlatform;

beforeAll(async () => {
  sut = await createWarningsPlatform();
});
afterAll(() => sut.close());

const warningOf = (phone: string) =>
  sut.ctx.db.selectFrom('warnings').selectAll().where('phone', '=', phone).orderBy('created_at').execute();

describe('PATCH /api/v1/intel/lists/{list}: a list’s fraud type', () => {
  it('gives the fraud type to signals on the list from then on; 403 below the owner, 400 for an unknown type', async () => {
    const response = await sut.as('province-analyst', 'PATCH', '/api/v1/intel/lists/fraud-domains', {
      fraudType: 'fake_investment',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'fraud-domains',
      fraudType: 'fake_investment',
      entryCount: 1,
    });
    await sut.app.warnings.refresh();
    const signal = sut.app.warnings.enricher.toSignal({
      id: 'patch-probe',
      kind: 'web',
      at: new Date(sut.now()),
      phone: '+8613812345678',
      idNumber: null,
      evidence: { domain: 'gov-safe-account.top' },
    });
    expect(signal.fraudType).toBe('fake_investment');
    const county = await sut.as('nanjing-analyst', 'PATCH', '/api/v1/intel/lists/fraud-domains', {
      fraudType: null,
    });
    expect(county.statusCode).toBe(403);
    const unknown = await sut.as('province-analyst', 'PATCH', '/api/v1/intel/lists/fraud-domains', {
      fraudType: 'lottery',
    });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('several instances sharing the event consumer', () => {
  /** An event another instance took from the stream: stored, never seen by this process. */
  const storedElsewhere = (event: ReturnType<typeof redScenario>[number]) =>
    sut.ctx.db
      .insertInto('events')
      .values({
        id: event.id,
        kind: 'call',
        at: event.at,
        phone: event.phone,
        id_number: null,
        evidence: JSON.stringify(event.evidence),
        received_at: new Date(sut.now()),
        source: 'other instance',
      })
      .execute();

  it('completes a rule whose first step another instance handled, by reading the person’s recent events', async () => {
    const correlation = sut.app.warnings.correlation;
    const alone = '+8613951007001';
    const [aloneCall, aloneVisit] = redScenario(sut, alone);
    await storedElsewhere(aloneCall!);
    correlation.catchUpFromStore = false;
    await sut.send([aloneVisit!]);
    expect(await warningOf(alone)).toEqual([]);

    const shared = '+8613951007002';
    const [sharedCall, sharedVisit] = redScenario(sut, shared);
    await storedElsewhere(sharedCall!);
    correlation.catchUpFromStore = true;
    try {
      await sut.send([sharedVisit!]);
    } finally {
      correlation.catchUpFromStore = false;
    }
    expect(await warningOf(shared)).toMatchObject([
      { level: 'red', rule_ids: ['police-call-then-listed-web'] },
    ]);
  });

  it('routes by the resident ID an earlier event gave, even one this process never saw', async () => {
    const phone = '+8613951007003';
    await sut.ctx.db
      .insertInto('events')
      .values({
        id: nextEventId('bank'),
        kind: 'transfer',
        at: new Date(sut.now() - 3_600_000),
        phone,
        id_number: residentId('320102', '19750505', '021'),
        evidence: JSON.stringify({ account: '6222020200112233446', amount: 200 }),
        received_at: new Date(sut.now()),
        source: 'other instance',
      })
      .execute();
    await sut.send(redScenario(sut, phone));
    expect(await warningOf(phone)).toMatchObject([{ unit_code: '320102', routed_by: 'residence' }]);
  });
});

describe('a warning’s time', () => {
  it('dates a warning from the evidence that raised it: a red scenario delivered late is already overdue', async () => {
    const phone = '+8613812340009';
    const visit = listedVisit(sut, phone, 20);
    await sut.send([policeCall(sut, phone, undefined, 25), visit]);
    const [warning] = await warningOf(phone);
    expect(new Date(warning!.created_at).toISOString()).toBe(new Date(visit.at).toISOString());
    expect(new Date(warning!.deadline_at).getTime()).toBe(new Date(visit.at).getTime() + 5 * 60_000);
    expect(new Date(warning!.deadline_at).getTime()).toBeLessThan(sut.now());
  });
});
