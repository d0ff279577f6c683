import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWarningsPlatform,
  FAKE_POLICE,
  listedVisit,
  nextEventId,
  policeCall,
  redScenario,
  START,
  type WarningsTestPlatform,
} from '../../test-support/warnings.js';
import { seedDefaultRules, shippedRules } from './rules.js';

let sut: WarningsTestPlatform;

beforeAll(async () => {
  sut = await createWarningsPlatform();
});
afterAll(() => sut.close());

const warningsOf = (phone: string) =>
  sut.ctx.db.selectFrom('warnings').selectAll().where('phone', '=', phone).execute();

const listedCall = (phone: string, durationSeconds: number) => ({
  id: nextEventId('call'),
  kind: 'call',
  at: new Date(sut.now() - 60_000).toISOString(),
  phone,
  evidence: { number: FAKE_POLICE, durationSeconds },
});

const longCallRule = {
  name: '涉诈号码长时间通话',
  level: 'yellow',
  fraudType: null,
  windowMinutes: 1440,
  ordered: true,
  steps: [{ kinds: ['call'], listed: true, minDurationSeconds: 600 }],
  enabled: true,
  reason: '与涉诈号码 {counterparty} 通话超过 10 分钟',
};

describe('GET /api/v1/warning-rules', () => {
  it('lists the shipped rules, seeded into the store, each with its versions', async () => {
    const response = await sut.as('xuanwu-officer', 'GET', '/api/v1/warning-rules');
    expect(response.statusCode, response.body).toBe(200);
    const rules = response.json().items;
    const police = rules.find((r: { id: string }) => r.id === 'police-call-then-listed-web');
    expect(police).toMatchObject({ version: 1, level: 'red', createdBy: 'fanzha (shipped rules)' });
    expect(police.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(sut.app.warnings.correlation.liveRules.length).toBe(
      rules.filter((r: { enabled: boolean }) => r.enabled).length,
    );
  });
});

describe('PUT /api/v1/warning-rules/{id}', () => {
  it('adds a version that goes live at once; earlier versions stay', async () => {
    const shortCall = '+8613812347001';
    await sut.send([listedCall(shortCall, 300)]);
    expect(await warningsOf(shortCall)).toHaveLength(1); // version 1: 180 seconds

    const response = await sut.as(
      'province-analyst',
      'PUT',
      '/api/v1/warning-rules/long-listed-call',
      longCallRule,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: 'long-listed-call',
      version: 2,
      createdBy: 'province-analyst',
    });
    const live = sut.app.warnings.correlation.liveRules.find((rule) => rule.id === 'long-listed-call');
    expect(live).toMatchObject({ version: 2, steps: [{ minDurationSeconds: 600 }] });
    const listed = (await sut.as('province-analyst', 'GET', '/api/v1/warning-rules')).json().items;
    const rule = listed.find((r: { id: string }) => r.id === 'long-listed-call');
    expect(rule.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const stillShort = '+8613812347002';
    const long = '+8613812347003';
    await sut.send([listedCall(stillShort, 300), listedCall(long, 700)]);
    expect(await warningsOf(stillShort)).toEqual([]);
    const [warning] = await warningsOf(long);
    expect(warning).toMatchObject({ level: 'yellow', rule_ids: ['long-listed-call'] });
    const firing = await sut.ctx.db
      .selectFrom('warning_timeline')
      .select('detail')
      .where('warning_id', '=', warning!.id)
      .where('kind', '=', 'firing')
      .executeTakeFirstOrThrow();
    expect(firing.detail).toMatchObject({ ruleVersion: 2 });
  });

  it('answers 400 naming the field for an invalid rule, and writes nothing', async () => {
    const bad = await sut.as('province-analyst', 'PUT', '/api/v1/warning-rules/long-listed-call', {
      ...longCallRule,
      steps: [{ kinds: ['fax'] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/steps/0/kinds/0');
    const otherId = await sut.as('province-analyst', 'PUT', '/api/v1/warning-rules/long-listed-call', {
      ...longCallRule,
      id: 'another-rule',
    });
    expect(otherId.statusCode).toBe(400);
    const versions = await sut.ctx.db
      .selectFrom('warning_rules')
      .select('version')
      .where('id', '=', 'long-listed-call')
      .execute();
    expect(versions).toHaveLength(2);
  });

  it('answers 403 to officers and to analysts below the provincial center', async () => {
    for (const username of ['province-officer', 'nanjing-analyst', 'xuanwu-analyst']) {
      const response = await sut.as(username, 'PUT', '/api/v1/warning-rules/long-listed-call', longCallRule);
      expect(response.statusCode, username).toBe(403);
    }
  });
});

describe('seeding the shipped rules into an existing store', () => {
  it('brings a newer shipped version of an untouched rule, never over an analyst’s version', async () => {
    const shipped = shippedRules();
    const untouched = shipped.find((rule) => rule.id === 'listed-app-installed')!;
    const edited = shipped.find((rule) => rule.id === 'police-call-then-listed-web')!;
    expect(await seedDefaultRules(sut.ctx.db, new Date(START))).toBe(0); // nothing new: all stored

    const analyst = await sut.as('province-analyst', 'PUT', `/api/v1/warning-rules/${edited.id}`, {
      ...edited,
      id: undefined,
      version: undefined,
      windowMinutes: 45,
    });
    expect(analyst.statusCode, analyst.body).toBe(200);
    const analystVersion = analyst.json().version as number;

    const upgrade = [
      { ...untouched, version: untouched.version + 1, windowMinutes: untouched.windowMinutes + 1 },
      { ...edited, version: analystVersion + 1, windowMinutes: 5 },
    ];
    expect(await seedDefaultRules(sut.ctx.db, new Date(START), upgrade)).toBe(1);
    const versions = async (id: string) =>
      (
        await sut.ctx.db
          .selectFrom('warning_rules')
          .select(['version', 'created_by'])
          .where('id', '=', id)
          .orderBy('version')
          .execute()
      ).map((row) => `${row.version}:${row.created_by}`);
    expect(await versions(untouched.id)).toEqual([
      `${untouched.version}:fanzha (shipped rules)`,
      `${untouched.version + 1}:fanzha (shipped rules)`,
    ]);
    expect((await versions(edited.id)).at(-1)).toBe(`${analystVersion}:province-analyst`);
    // Seeding again is a no-op: several instances may start at once.
    expect(await seedDefaultRules(sut.ctx.db, new Date(START), upgrade)).toBe(0);
  });
});

describe('POST /api/v1/warning-rules/backtest', () => {
  it('counts the warnings rules would have raised over stored events, per rule, and the victims caught', async () => {
    const victim = '+8613812347101';
    const notWarned = '+8613812347102';
    await sut.send(redScenario(sut, victim));
    const rules = (await sut.as('province-analyst', 'GET', '/api/v1/warning-rules')).json().items;
    const response = await sut.as('province-analyst', 'POST', '/api/v1/warning-rules/backtest', {
      rules: rules.map(
        ({ versions: _versions, createdAt: _at, createdBy: _by, ...rule }: Record<string, unknown>) => rule,
      ),
      from: new Date(START - 86_400_000).toISOString(),
      to: new Date(START + 3_600_000).toISOString(),
      victims: ['138 1234 7101', notWarned],
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.events).toBe(5);
    expect(result).toMatchObject({ victims: 2, victimsCaught: 1 });
    // The live long-call rule (version 2) would not have warned the 300-second call of the first test.
    expect(result.warnings).toBe(2);
    expect(
      result.perRule.find((r: { ruleId: string }) => r.ruleId === 'police-call-then-listed-web'),
    ).toMatchObject({
      firings: 1,
      warnings: 1,
      victimsCaught: 1,
    });
  });

  it('tries a rule that is not stored, and answers 400 naming the rule’s field', async () => {
    const tried = await sut.as('province-analyst', 'POST', '/api/v1/warning-rules/backtest', {
      rules: [{ ...longCallRule, id: 'try-any-listed-call', steps: [{ kinds: ['call'], listed: true }] }],
      from: new Date(START - 86_400_000).toISOString(),
      to: new Date(START + 3_600_000).toISOString(),
    });
    expect(tried.statusCode, tried.body).toBe(200);
    expect(tried.json()).toMatchObject({ victims: null, victimsCaught: null });
    expect(tried.json().perRule[0]).toMatchObject({ ruleId: 'try-any-listed-call', warnings: 4 });
    const bad = await sut.as('province-analyst', 'POST', '/api/v1/warning-rules/backtest', {
      rules: [{ ...longCallRule, id: 'try-bad', level: 'purple' }],
      from: new Date(START - 86_400_000).toISOString(),
      to: new Date(START + 3_600_000).toISOString(),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/rules/0/level');
  });
});

describe('rebuilding the windows at start', () => {
  it('replays the stored events, so a signal after a restart completes a rule with one from before', async () => {
    const phone = '+8613812347201';
    await sut.send([policeCall(sut, phone)]);
    expect(await sut.app.warnings.correlation.rebuild()).toBe(6);
    expect(await warningsOf(phone)).toEqual([]);
    await sut.send([listedVisit(sut, phone)]);
    expect(await warningsOf(phone)).toMatchObject([{ level: 'red' }]);
  });
});
