import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Correlator } from './correlator.js';
import { readDefaultRules } from './default-rules.js';
import { buildSignal, listedVisit, MINUTE, policeCall } from './test-factories.js';

const rules = readDefaultRules((url) => readFileSync(url, 'utf8'));
const fired = (correlator: Correlator, ...signals: Parameters<typeof buildSignal>[0][]) =>
  signals.flatMap((s) => correlator.ingest(buildSignal(s))).map((f) => [f.ruleId, f.level, f.reason]);

describe('default rules', () => {
  it('red: a fake-police call, then a listed domain within 30 minutes', () => {
    const sut = new Correlator(rules);
    sut.ingest(policeCall(0, { durationSeconds: 60 }));
    expect(sut.ingest(listedVisit(12)).map((f) => [f.ruleId, f.level, f.fraudType, f.reason])).toEqual([
      [
        'police-call-then-listed-web',
        'red',
        'fake_police',
        '冒充公检法号码来电后 12 分钟内访问涉诈域名 safe-account.top',
      ],
    ]);
  });

  it('red: a transfer to a listed account, with the amount in the reason', () => {
    expect(
      fired(new Correlator(rules), {
        kind: 'transfer',
        listed: 'block',
        lists: ['accounts-fraud'],
        counterparty: '6222020000000000001',
        amount: 50_000,
      }),
    ).toEqual([
      [
        'transfer-to-listed-account',
        'red',
        '向涉诈账户 6222020000000000001 发起转账 50,000 元（命中名单：accounts-fraud）',
      ],
    ]);
  });

  it('orange: a listed call and SMS of the same fraud type within 2 hours, not of different types', () => {
    const same = new Correlator(rules);
    expect(
      fired(
        same,
        { kind: 'sms', listed: 'mark', fraudType: 'fake_loan' },
        { kind: 'call', listed: 'mark', fraudType: 'fake_loan', minutes: 90, durationSeconds: 20 },
      ),
    ).toEqual([
      ['listed-call-and-sms-same-type', 'orange', '90 分钟内收到同类（虚假网络贷款）涉诈来电和短信'],
    ]);
    const different = new Correlator(rules);
    expect(
      fired(
        different,
        { kind: 'sms', listed: 'mark', fraudType: 'fake_loan' },
        { kind: 'call', listed: 'mark', fraudType: 'romance', minutes: 90, durationSeconds: 20 },
      ),
    ).toEqual([]);
  });

  it('yellow: one long call with a listed number, not a short one', () => {
    const call = {
      kind: 'call',
      listed: 'mark',
      fraudType: 'fake_investment',
      counterparty: '+8617011112222',
    } as const;
    expect(fired(new Correlator(rules), { ...call, durationSeconds: 600 })).toEqual([
      ['long-listed-call', 'yellow', '与涉诈号码 +8617011112222 通话 10 分钟（虚假投资理财）'],
    ]);
    expect(fired(new Correlator(rules), { ...call, durationSeconds: 30 })).toEqual([]);
    // A range mark (no fraud type: an ordinary 170 subscriber) is not evidence of fraud.
    expect(fired(new Correlator(rules), { ...call, fraudType: null, durationSeconds: 600 })).toEqual([]);
  });

  it('orange: a citizen report followed by a listed contact (a report alone warns nobody), and a listed app', () => {
    const reported = new Correlator(rules);
    expect(
      fired(reported, { kind: 'report', fraudType: 'fake_police', counterparty: '+8617000001111' }),
    ).toEqual([]);
    expect(
      fired(reported, {
        kind: 'call',
        listed: 'block',
        fraudType: 'fake_police',
        counterparty: '+8617000001111',
        minutes: 40,
        durationSeconds: 20,
      }),
    ).toEqual([
      ['citizen-report', 'orange', '群众举报后 40 分钟内仍与涉诈方接触：+8617000001111（冒充公检法）'],
    ]);
    expect(
      fired(new Correlator(rules), {
        kind: 'app',
        listed: 'block',
        counterparty: 'com.invest888',
        fraudType: 'fake_investment',
      }),
    ).toEqual([['listed-app-installed', 'orange', '安装涉诈应用 com.invest888（虚假投资理财）']]);
  });

  it('orange: a romance contact, then a listed domain a day later', () => {
    const sut = new Correlator(rules);
    sut.ingest(buildSignal({ kind: 'app', fraudType: 'romance', counterparty: 'com.chat1' }));
    const firings = sut.ingest(
      listedVisit(24 * 60, { fraudType: 'fake_investment', counterparty: 'jys.vip' }),
    );
    expect(firings.map((f) => [f.ruleId, f.reason])).toEqual([
      ['romance-investment-then-listed-web', '网络婚恋交友类接触后 1440 分钟内访问涉诈域名 jys.vip'],
    ]);
  });

  it('fires nothing for ordinary traffic', () => {
    const sut = new Correlator(rules);
    for (let i = 0; i < 50; i++)
      expect(
        sut.ingest(buildSignal({ at: i * MINUTE, kind: i % 2 ? 'call' : 'web', durationSeconds: 900 })),
      ).toEqual([]);
    expect(sut.trackedPersons).toBe(0);
  });
});
