import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { WarningChange } from './notifier.js';
import {
  createWarningsPlatform,
  delivered,
  START,
  FAKE_POLICE,
  MULE_ACCOUNT,
  nextEventId,
  redScenario,
  residentId,
  type WarningsTestPlatform,
} from '../../test-support/warnings.js';

let sut: WarningsTestPlatform;
const heard: WarningChange[] = [];

beforeAll(async () => {
  sut = await createWarningsPlatform();
  sut.app.warnings.notifier.listen((change) => heard.push(change));
});
afterAll(() => sut.close());

const XUANWU_PERSON = '+8613812345678';
const XUANWU_ID = residentId('320102');
const NANJING_PERSON = '+8613951005678'; // home region 南京市
const OUT_OF_PROVINCE = '+8613600005678'; // home region 广州市
const ids: Record<string, string> = {};

const count = async (table: 'warnings' | 'warning_timeline' | 'warning_attempts') =>
  Number(
    (
      await sut.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const warningOf = (phone: string) =>
  sut.ctx.db.selectFrom('warnings').selectAll().where('phone', '=', phone).orderBy('created_at').execute();

describe('a red scenario becomes one routed warning', () => {
  it('raises a red warning for a listed fake-police call and a listed domain visit within 30 minutes, routed to the county of registered residence', async () => {
    const result = await sut.send(redScenario(sut, '138 1234 5678', XUANWU_ID));
    expect(result).toMatchObject({ accepted: 2, duplicates: 0, rejected: [] });
    const [warning, ...others] = await warningOf(XUANWU_PERSON);
    expect(others).toEqual([]);
    expect(warning).toMatchObject({
      unit_code: '320102',
      routed_by: 'residence',
      level: 'red',
      fraud_type: 'fake_police',
      status: 'open',
      id_number: XUANWU_ID,
      rule_ids: ['police-call-then-listed-web'],
    });
    expect(new Date(warning!.deadline_at).getTime() - new Date(warning!.created_at).getTime()).toBe(
      5 * 60_000,
    );
    ids.xuanwu = warning!.id;
    expect(heard.some((c) => c.warning.id === ids.xuanwu && c.change === 'created')).toBe(true);
  });

  it('routes by the number’s home region when there is no ID number: 南京市', async () => {
    await sut.send(redScenario(sut, NANJING_PERSON));
    const [warning] = await warningOf(NANJING_PERSON);
    expect(warning).toMatchObject({ unit_code: '320100', routed_by: 'home_region', level: 'red' });
    ids.nanjing = warning!.id;
  });

  it('routes an out-of-province number to the province’s queue', async () => {
    await sut.send(redScenario(sut, OUT_OF_PROVINCE));
    const [warning] = await warningOf(OUT_OF_PROVINCE);
    expect(warning).toMatchObject({ unit_code: '320000', routed_by: 'province' });
    ids.province = warning!.id;
  });

  it('keeps the signals and the firing with its reason on the timeline', async () => {
    const detail = (await sut.as('xuanwu-officer', 'GET', `/api/v1/warnings/${ids.xuanwu}`)).json();
    expect(detail).toMatchObject({ id: ids.xuanwu, phone: XUANWU_PERSON, idNumber: XUANWU_ID, level: 'red' });
    const types = detail.timeline.map((item: { type: string }) => item.type);
    expect(types).toEqual(['signal', 'signal', 'firing']);
    expect(detail.timeline[0]).toMatchObject({
      kind: 'call',
      counterparty: FAKE_POLICE,
      listed: 'block',
      lists: ['fake-police-numbers'],
      fraudType: 'fake_police',
    });
    expect(detail.timeline[1]).toMatchObject({ kind: 'web', listed: 'block', lists: ['fraud-domains'] });
    expect(detail.timeline[2]).toMatchObject({
      ruleId: 'police-call-then-listed-web',
      ruleVersion: 1,
      level: 'red',
      fraudType: 'fake_police',
    });
    expect(detail.timeline[2].reason).toContain('冒充公检法');
  });
});

describe('idempotency', () => {
  it('changes nothing when the same events arrive again', async () => {
    const events = redScenario(sut, '+8613812340001', residentId('320102', '19900101', '002'));
    await sut.send(events);
    const before = await Promise.all([count('warnings'), count('warning_timeline')]);
    const again = await sut.send(events);
    expect(again).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await Promise.all([count('warnings'), count('warning_timeline')])).toEqual(before);
  });

  it('raises the warning once when the handler runs again after its transaction rolled back', async () => {
    const phone = '+8613812340002';
    const [call, visit] = redScenario(sut, phone);
    await sut.send([call!]);
    const accepted = {
      ...visit!,
      at: new Date(visit!.at),
      idNumber: null,
      receivedAt: new Date(sut.now()),
      source: 'test',
    };
    // As the events pipeline does: the event's row and the handler's work in one transaction.
    const storeAndHandle = async (trx: Transaction<Database>) => {
      await trx
        .insertInto('events')
        .values({
          id: accepted.id,
          kind: 'web',
          at: accepted.at,
          phone,
          id_number: null,
          evidence: JSON.stringify(accepted.evidence),
          received_at: accepted.receivedAt,
          source: 'test',
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await sut.app.warnings.handler(accepted as never, trx);
    };
    const rollback = new Error('the store failed');
    await expect(
      sut.ctx.db.transaction().execute(async (trx) => {
        await storeAndHandle(trx);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await warningOf(phone)).toEqual([]);
    await sut.ctx.db.transaction().execute(storeAndHandle);
    await sut.ctx.db.transaction().execute(storeAndHandle);
    await sut.app.warnings.publisher.idle();
    const warnings = await warningOf(phone);
    expect(warnings).toHaveLength(1);
    const timeline = await sut.ctx.db
      .selectFrom('warning_timeline')
      .select('kind')
      .where('warning_id', '=', warnings[0]!.id)
      .execute();
    expect(timeline.map((row) => row.kind).sort()).toEqual(['firing', 'signal', 'signal']);
  });

  it('adds a later listed signal to the open warning and raises nothing twice', async () => {
    const before = await count('warnings');
    await sut.send([
      {
        id: nextEventId('transfer'),
        kind: 'transfer',
        at: new Date(sut.now() - 60_000).toISOString(),
        phone: XUANWU_PERSON,
        evidence: { account: MULE_ACCOUNT, amount: 50_000 },
      },
    ]);
    expect(await count('warnings')).toBe(before);
    const detail = (await sut.as('xuanwu-officer', 'GET', `/api/v1/warnings/${ids.xuanwu}`)).json();
    expect(detail.ruleIds).toEqual(
      expect.arrayContaining(['police-call-then-listed-web', 'transfer-to-listed-account']),
    );
    expect(detail.timeline.filter((i: { kind?: string }) => i.kind === 'transfer')[0]).toMatchObject({
      amount: 50_000,
      listed: 'block',
    });
  });
});

describe('GET /api/v1/warnings', () => {
  it('scopes the queue to the caller’s subtree, masks phones, orders by level then deadline', async () => {
    const xuanwu = (await sut.as('xuanwu-officer', 'GET', '/api/v1/warnings?status=open')).json();
    expect(xuanwu.items.map((w: { unitCode: string }) => w.unitCode)).toEqual(
      expect.arrayContaining(['320102']),
    );
    expect(xuanwu.items.every((w: { unitCode: string }) => w.unitCode === '320102')).toBe(true);
    expect(xuanwu.items[0].phoneMasked).toMatch(/^\+86\d{3}\*{4}\d{4}$/);
    expect(xuanwu.items[0]).not.toHaveProperty('phone');
    const nanjing = (await sut.as('nanjing-officer', 'GET', '/api/v1/warnings')).json();
    const units = new Set(nanjing.items.map((w: { unitCode: string }) => w.unitCode));
    expect([...units].sort()).toEqual(['320100', '320102']);
    const province = (await sut.as('province-analyst', 'GET', '/api/v1/warnings?level=red')).json();
    expect(province.items.map((w: { id: string }) => w.id)).toEqual(
      expect.arrayContaining([ids.xuanwu, ids.nanjing, ids.province]),
    );
    const deadlines = province.items.map((w: { deadlineAt: string }) => w.deadlineAt);
    expect([...deadlines].sort()).toEqual(deadlines);
  });

  it('answers 404 for a warning of another unit, and audits the full read', async () => {
    expect((await sut.as('xuanwu-officer', 'GET', `/api/v1/warnings/${ids.nanjing}`)).statusCode).toBe(404);
    const audit = await sut.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('record_id', '=', ids.xuanwu)
      .where('action', '=', 'personal_data.read')
      .execute();
    expect(audit[0]).toMatchObject({ actor_username: 'xuanwu-officer' });
  });

  it('filters by unit (404 outside the subtree) and by fraud type', async () => {
    const filtered = (await sut.as('province-analyst', 'GET', '/api/v1/warnings?unit=320100')).json();
    expect(filtered.items.map((w: { unitCode: string }) => w.unitCode)).not.toContain('320000');
    expect((await sut.as('xuanwu-officer', 'GET', '/api/v1/warnings?unit=320100')).statusCode).toBe(404);
    const romance = (await sut.as('province-analyst', 'GET', '/api/v1/warnings?fraudType=romance')).json();
    expect(romance.total).toBe(0);
  });
});

describe('deadlines and escalation', () => {
  it('escalates an overdue warning without first contact to the parent unit, once, and notifies', async () => {
    const phone = '+8613812340003';
    await sut.send(redScenario(sut, phone, residentId('320102', '19700101', '003')));
    const [warning] = await warningOf(phone);
    sut.advance(4 * 60_000);
    expect(await sut.app.warnings.escalator.runOnce()).toBe(0);
    sut.advance(2 * 60_000);
    const escalated = await sut.app.warnings.escalator.runOnce();
    expect(escalated).toBeGreaterThanOrEqual(1);
    const [after] = await warningOf(phone);
    expect(after).toMatchObject({ escalated_to: '320100' });
    expect(after!.escalated_at).not.toBeNull();
    expect(await sut.app.warnings.escalator.runOnce()).toBe(0);
    await delivered();
    expect(heard.some((c) => c.warning.id === warning!.id && c.change === 'escalated')).toBe(true);
    const queue = (await sut.as('nanjing-officer', 'GET', '/api/v1/warnings?unit=320100')).json();
    expect(queue.items.find((w: { id: string }) => w.id === warning!.id)).toMatchObject({
      escalated: true,
      escalatedTo: '320100',
    });
  });
});

describe('POST /api/v1/warnings/{id}/attempts', () => {
  it('keeps an unreachable person’s warning open and escalates at the third attempt', async () => {
    const attempt = { channel: 'call', outcome: 'unreachable', note: '无人接听' };
    const unreachableEscalations = (detail: { timeline: Array<{ type: string; cause?: string }> }) =>
      detail.timeline.filter((item) => item.type === 'escalation' && item.cause === 'unreachable').length;
    for (let i = 1; i <= 3; i++) {
      const response = await sut.as(
        'nanjing-officer',
        'POST',
        `/api/v1/warnings/${ids.nanjing}/attempts`,
        attempt,
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ status: 'open', attemptCount: i });
      expect(unreachableEscalations(response.json())).toBe(i === 3 ? 1 : 0);
    }
    const [row] = await warningOf(NANJING_PERSON);
    expect(row).toMatchObject({ unreachable_count: 3, escalated_to: '320000', first_contact_at: null });
  });

  it('sends a flash SMS through the gateway', async () => {
    const gateway = sut.app.warnings.sms as { sent?: Array<{ to: string; text: string }> };
    const response = await sut.as('nanjing-officer', 'POST', `/api/v1/warnings/${ids.nanjing}/attempts`, {
      channel: 'sms',
      outcome: 'unreachable',
      message: '【反诈预警】请立即停止转账，回电96110',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(gateway.sent?.at(-1)).toMatchObject({
      to: NANJING_PERSON,
      text: '【反诈预警】请立即停止转账，回电96110',
    });
  });

  it('closes a dissuaded warning with the loss avoided; a second outcome is 409', async () => {
    const response = await sut.as('xuanwu-officer', 'POST', `/api/v1/warnings/${ids.xuanwu}/attempts`, {
      channel: 'call',
      outcome: 'dissuaded',
      amount: 120_000,
      note: '已劝阻，群众未转账',
      at: new Date(START + 2 * 60_000).toISOString(),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'closed', outcome: 'dissuaded', amount: 120_000 });
    expect(response.json().firstContactAt).toBe(new Date(START + 2 * 60_000).toISOString());
    expect(response.json().attempts).toHaveLength(1);
    const again = await sut.as('xuanwu-officer', 'POST', `/api/v1/warnings/${ids.xuanwu}/attempts`, {
      channel: 'call',
      outcome: 'paid',
      amount: 1,
    });
    expect(again.statusCode).toBe(409);
  });

  it('needs the amount for dissuaded and paid (400), the permission (403) and the subtree (404)', async () => {
    const noAmount = await sut.as('province-officer', 'POST', `/api/v1/warnings/${ids.province}/attempts`, {
      channel: 'visit',
      outcome: 'paid',
    });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().errors[0].field).toBe('/amount');
    const auditor = await sut.as('province-auditor', 'POST', `/api/v1/warnings/${ids.province}/attempts`, {
      channel: 'call',
      outcome: 'false_alarm',
    });
    expect(auditor.statusCode).toBe(403);
    const outside = await sut.as('xuanwu-officer', 'POST', `/api/v1/warnings/${ids.province}/attempts`, {
      channel: 'call',
      outcome: 'false_alarm',
    });
    expect(outside.statusCode).toBe(404);
  });

  it('records a payment (the loss, for the case) and a false alarm', async () => {
    const paid = await sut.as('province-officer', 'POST', `/api/v1/warnings/${ids.province}/attempts`, {
      channel: 'visit',
      outcome: 'paid',
      amount: 30_000,
    });
    expect(paid.json()).toMatchObject({ status: 'closed', outcome: 'paid', amount: 30_000 });
    // The payment opens a case (受理) whose footprints are the warning's evidence, now on the case lists.
    const [opened] = await sut.ctx.db
      .selectFrom('cases')
      .select(['id', 'status', 'fraud_type', 'amount_lost', 'victim_phone', 'unit_code'])
      .where('warning_id', '=', ids.province)
      .execute();
    expect(opened).toMatchObject({ status: 'accepted', fraud_type: 'fake_police', unit_code: '320000' });
    expect(Number(opened!.amount_lost)).toBe(30_000);
    const footprints = await sut.ctx.db
      .selectFrom('case_footprints')
      .select(['kind', 'value', 'action'])
      .where('case_id', '=', opened!.id)
      .orderBy('kind')
      .execute();
    expect(footprints).toEqual([
      expect.objectContaining({ kind: 'number', action: 'block' }),
      expect.objectContaining({ kind: 'url', action: 'block' }),
    ]);
    const falseAlarm = await sut.as('nanjing-officer', 'POST', `/api/v1/warnings/${ids.nanjing}/attempts`, {
      channel: 'call',
      outcome: 'false_alarm',
      note: '系本人正常业务往来',
    });
    expect(falseAlarm.json()).toMatchObject({ status: 'closed', outcome: 'false_alarm' });
  });
});

describe('POST /api/v1/warnings/{id}/transfer', () => {
  it('moves a warning to a unit of the subtree or the province; 404 outside', async () => {
    const phone = '+8613951000009';
    await sut.send(redScenario(sut, phone));
    const [warning] = await warningOf(phone);
    const outside = await sut.as('nanjing-officer', 'POST', `/api/v1/warnings/${warning!.id}/transfer`, {
      unitCode: '320200',
      reason: '户籍地在无锡',
    });
    expect(outside.statusCode).toBe(404);
    const moved = await sut.as('nanjing-officer', 'POST', `/api/v1/warnings/${warning!.id}/transfer`, {
      unitCode: '320102',
      reason: '经核实居住在玄武区',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ unitCode: '320102', routedBy: 'transfer' });
    expect(moved.json().transfers[0]).toMatchObject({ fromUnitCode: '320100', toUnitCode: '320102' });
    const up = await sut.as('xuanwu-officer', 'POST', `/api/v1/warnings/${warning!.id}/transfer`, {
      unitCode: '320000',
      reason: '跨省流动人员，转省中心',
    });
    expect(up.json()).toMatchObject({ unitCode: '320000' });
  });
});

describe('GET /api/v1/warnings/figures', () => {
  it('counts issued by level and unit, handled in time, dissuaded, loss avoided and each rule’s false alarms', async () => {
    const response = await sut.as('province-analyst', 'GET', '/api/v1/warnings/figures');
    expect(response.statusCode, response.body).toBe(200);
    const figures = response.json();
    const total = await count('warnings');
    expect(figures.issued.total).toBe(total);
    expect(figures.issued.red).toBe(total);
    expect(figures).toMatchObject({
      dissuaded: 1,
      lossAvoided: 120_000,
      paid: 1,
      lost: 30_000,
      falseAlarms: 1,
    });
    expect(figures.handledInTime).toBe(1);
    const nanjing = figures.byUnit.find((u: { unitCode: string }) => u.unitCode === '320100');
    expect(nanjing).toMatchObject({ unitName: '南京市', dissuaded: 1, lossAvoided: 120_000 });
    const rule = figures.falseAlarmRate.find(
      (r: { ruleId: string }) => r.ruleId === 'police-call-then-listed-web',
    );
    expect(rule).toMatchObject({ closed: 3, falseAlarms: 1 });
    expect(rule.rate).toBeCloseTo(1 / 3);
    const county = (await sut.as('xuanwu-officer', 'GET', '/api/v1/warnings/figures')).json();
    expect(county.byUnit.map((u: { unitCode: string }) => u.unitCode)).toEqual(['320102']);
    expect((await sut.as('xuanwu-officer', 'GET', '/api/v1/warnings/figures?unit=320100')).statusCode).toBe(
      404,
    );
  });
});

describe('the store', () => {
  it('keeps one open warning per phone', async () => {
    const open = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM warnings WHERE status = 'open' GROUP BY phone HAVING count(*) > 1`.execute(
      sut.ctx.db,
    );
    expect(open.rows).toEqual([]);
  });
});
