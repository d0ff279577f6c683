import { Screener } from '@fanzha/engine';
import { describe, expect, it } from 'vitest';
import {
  SMS_TEXT_LIST,
  SignalEnricher,
  isNoteworthy,
  type EventForSignal,
  type ListFraudTypes,
} from './enrich.js';

const NOW = Date.parse('2026-11-26T08:00:00+08:00');
const source = { kind: 'case' as const, id: 'A3201022026' };
const entry = { confidence: 95, source, addedAt: NOW - 86_400_000, expiresAt: null };
const { screener } = Screener.build([
  { kind: 'number', value: '+8617100001111', list: 'fake-police-numbers', action: 'block', ...entry },
  { kind: 'number', value: '+8617100002222', list: 'vip-numbers', action: 'allow', ...entry },
  { kind: 'number', value: '+8617100002222', list: 'case-numbers', action: 'block', ...entry },
  { kind: 'domain', value: 'gov-safe-account.top', list: 'fraud-domains', action: 'block', ...entry },
  {
    kind: 'account',
    accountKind: 'bank_card',
    value: '6222020200112233446',
    list: 'mule-accounts',
    action: 'mark',
    ...entry,
  },
  { kind: 'app', value: 'com.fake.invest', list: 'case-apps', action: 'block', ...entry },
]);
const listFraudTypes = {
  of: (lists: readonly string[]) => (lists.includes('fake-police-numbers') ? 'fake_police' : null),
} as unknown as ListFraudTypes;
const sut = new SignalEnricher({
  screener: () => screener,
  listFraudTypes,
  smsThresholds: { mark: 0.5, block: 0.9 },
  now: () => NOW,
});

const event = (kind: EventForSignal['kind'], evidence: Record<string, unknown>): EventForSignal => ({
  id: `e-${kind}`,
  kind,
  at: new Date(NOW - 60_000),
  phone: '+8613812345678',
  idNumber: null,
  evidence,
});

describe('SignalEnricher.toSignal', () => {
  it('screens a call’s number in any written form and takes the list’s fraud type', () => {
    expect(sut.toSignal(event('call', { number: '171 0000 1111', durationSeconds: 200 }))).toEqual({
      eventId: 'e-call',
      kind: 'call',
      at: NOW - 60_000,
      person: '+8613812345678',
      counterparty: '+8617100001111',
      listed: 'block',
      lists: ['fake-police-numbers'],
      fraudType: 'fake_police',
      amount: null,
      durationSeconds: 200,
    });
  });

  it('prefers the fraud type the evidence names', () => {
    const signal = sut.toSignal(event('call', { number: '17100001111', fraudType: 'fake_investment' }));
    expect(signal.fraudType).toBe('fake_investment');
  });

  it('lets an allow entry (an approved appeal) clear the counterparty', () => {
    const signal = sut.toSignal(event('call', { number: '17100002222' }));
    expect(signal).toMatchObject({ listed: null, lists: [] });
  });

  it('screens a URL by its host and a transfer by its account, with the amount', () => {
    expect(sut.toSignal(event('web', { url: 'https://GOV-safe-account.top/case' }))).toMatchObject({
      listed: 'block',
      lists: ['fraud-domains'],
    });
    expect(
      sut.toSignal(event('transfer', { account: '6222 0202 0011 2233 446', amount: 5000 })),
    ).toMatchObject({
      listed: 'mark',
      lists: ['mule-accounts'],
      amount: 5000,
      fraudType: null,
    });
  });

  it('flags a fraud SMS text with the model’s fraud type when nothing else names one', () => {
    const signal = sut.toSignal(
      event('sms', {
        text: '【公安局】您的身份证涉嫌洗钱案件，请立即将资金转入安全账户配合调查，否则将冻结您名下所有银行卡',
      }),
    );
    expect(signal.listed).not.toBeNull();
    expect(signal.lists).toEqual([SMS_TEXT_LIST]);
    expect(signal.fraudType).not.toBeNull();
    expect(sut.toSignal(event('sms', { text: '晚上一起吃饭吗？我七点下班' }))).toMatchObject({
      listed: null,
      fraudType: null,
    });
  });

  it('screens a screening hit by its kind, and names an app by its id', () => {
    expect(
      sut.toSignal(event('screening_hit', { value: '+8617100001111', screenKind: 'sms' })),
    ).toMatchObject({
      counterparty: '+8617100001111',
      listed: 'block',
    });
    expect(sut.toSignal(event('app', { app: 'Com.Fake.SafeBox' }))).toMatchObject({
      counterparty: 'com.fake.safebox',
      listed: null,
    });
  });

  it('screens an installed app by its id, so a listed one is listed', () => {
    expect(sut.toSignal(event('app', { app: 'package:Com.Fake.Invest', name: '高收益理财' }))).toMatchObject({
      counterparty: 'com.fake.invest',
      listed: 'block',
      lists: ['case-apps'],
    });
    expect(sut.toSignal(event('app', { app: '高收益理财' }))).toMatchObject({
      counterparty: '高收益理财',
      listed: null,
      lists: [],
    });
  });
});

describe('isNoteworthy', () => {
  it('keeps listed, typed, money and report signals; not ordinary traffic', () => {
    expect(isNoteworthy(sut.toSignal(event('call', { number: '17100001111' })))).toBe(true);
    expect(isNoteworthy(sut.toSignal(event('call', { number: '13900001234' })))).toBe(false);
    expect(isNoteworthy(sut.toSignal(event('report', { note: '可疑来电' })))).toBe(true);
  });
});
