/**
 * What partners see in one tick of simulated time, before they screen it: ordinary calls, SMS, web
 * visits and transfers of the population (drawn per tick), the gangs' contacts, and the victims' steps.
 * Each sighting says how a partner screens it and which event the partner sends when the verdict is
 * block or mark (carriers for calls and SMS, DNS resolvers for domains, banks for transfers).
 */
import type { FraudType } from '@fanzha/engine';
import { bankCard } from './bank-cards.js';
import type { PartnerEvent, ScreenItem, VerdictAction } from './client.js';
import type { Gang, GangContact, Person, VictimStep } from './model.js';
import { mobileOutsideProvince, virtualOperatorNumber } from './phones.js';
import type { Rng } from './random.js';
import { activity } from './time.js';

/** One thing a partner screens; `event` is what it reports about `person` when flagged. */
export interface Sighting {
  person: number;
  at: number;
  screen: ScreenItem;
  event: Omit<PartnerEvent, 'id' | 'phone' | 'idNumber' | 'at'>;
  /** A victim's step: it happens only while the victim has not been dissuaded. */
  victimStep?: VictimStep;
  /** Reported whatever the verdict: banks report large transfers (大额转账监测). */
  reportedAnyway?: boolean;
  /** The screening verdict, once screened. */
  action?: VerdictAction;
}

/** Yuan from which banks report a transfer to the platform even to an unlisted account. */
export const LARGE_TRANSFER = 10_000;

/** Per person per day: how much ordinary traffic is screened (a sample; the rest passes unseen). */
export interface TrafficRates {
  calls: number;
  sms: number;
  web: number;
  transfers: number;
}

export const DEFAULT_TRAFFIC: TrafficRates = { calls: 4, sms: 2, web: 3, transfers: 0.3 };

const SERVICE_NUMBERS = ['95588', '95533', '95599', '95566', '10086', '10010', '10000', '95338', '12315'];
const PORTS = ['1069000', '1065502', '1069055', '1065902', '10690288'];
const ORDINARY_TEXTS = [
  '【顺丰速运】您的快件已到达小区驿站，请凭取件码 3852 领取。',
  '【中国移动】您本月话费账单已出，详情请登录中国移动APP查询。',
  '【美团】您的外卖订单已送达，祝您用餐愉快。',
  '【12306】您购买的车票已出票，请按时乘车。',
  '【工商银行】您尾号6688的账户工资收入8,500.00元，余额12,345.67元。',
  '晚上回家吃饭吗？我买了鱼。',
  '明天上午九点开会，别忘了带材料。',
];
const ORDINARY_DOMAINS = [
  'baidu.com',
  'taobao.com',
  'jd.com',
  'qq.com',
  'weibo.com',
  'sina.com.cn',
  'bilibili.com',
  'zhihu.com',
  '12306.cn',
  'icbc.com.cn',
  'gov.cn',
  'ctrip.com',
  'meituan.com',
  'douyin.com',
];

/** The population's ordinary traffic in [from, to). */
export function ordinaryTraffic(
  rng: Rng,
  people: readonly Person[],
  province: string,
  rates: TrafficRates,
  from: number,
  to: number,
): Sighting[] {
  const perDay = (to - from) / 86_400_000;
  const busy = activity(from);
  const count = (rate: number) => rng.poisson(people.length * rate * perDay * busy);
  const sightings: Sighting[] = [];
  const when = () => from + Math.floor(rng.next() * (to - from));
  const anyone = () => rng.int(0, people.length - 1);
  for (let i = count(rates.calls); i > 0; i--) {
    const caller = rng.weighted<() => string>([
      [() => people[anyone()]!.phone, 85],
      [() => rng.pick(SERVICE_NUMBERS), 5],
      [() => mobileOutsideProvince(rng, province), 9],
      // Ordinary people with numbers of virtual-operator ranges, which the lists mark: noise.
      [() => virtualOperatorNumber(rng), 1],
    ])();
    const durationSeconds = rng.int(5, 600);
    sightings.push({
      person: anyone(),
      at: when(),
      screen: { kind: 'number', value: caller },
      event: { kind: 'call', evidence: { number: caller, durationSeconds } },
    });
  }
  for (let i = count(rates.sms); i > 0; i--) {
    const sender = rng.chance(0.6) ? rng.pick(PORTS) + rng.digits(4) : people[anyone()]!.phone;
    const text = rng.pick(ORDINARY_TEXTS);
    sightings.push({
      person: anyone(),
      at: when(),
      screen: { kind: 'sms', value: sender, text },
      event: { kind: 'sms', evidence: { number: sender, text } },
    });
  }
  for (let i = count(rates.web); i > 0; i--) {
    const domain = rng.pick(ORDINARY_DOMAINS);
    sightings.push({
      person: anyone(),
      at: when(),
      screen: { kind: 'domain', value: domain },
      event: { kind: 'web', evidence: { domain } },
    });
  }
  for (let i = count(rates.transfers); i > 0; i--) {
    const account = bankCard(rng);
    const amount = Math.round(rng.logUniform(10, 20_000));
    sightings.push({
      person: anyone(),
      at: when(),
      screen: { kind: 'account', value: account, accountKind: 'bank_card' },
      event: { kind: 'transfer', evidence: { account, amount } },
      reportedAnyway: amount >= LARGE_TRANSFER,
    });
  }
  return sightings;
}

/** A gang's call or SMS to someone who is not hooked. */
export function contactSighting(contact: GangContact): Sighting {
  return contact.channel === 'call'
    ? {
        person: contact.person,
        at: contact.at,
        screen: { kind: 'number', value: contact.from },
        event: { kind: 'call', evidence: { number: contact.from, durationSeconds: contact.durationSeconds } },
      }
    : {
        person: contact.person,
        at: contact.at,
        screen: { kind: 'sms', value: contact.from, text: contact.text ?? '' },
        event: { kind: 'sms', evidence: { number: contact.from, text: contact.text ?? '' } },
      };
}

/** A victim's step as the partner that sees it screens and reports it. */
export function stepSighting(person: number, step: VictimStep): Sighting {
  const base = { person, at: step.at, victimStep: step };
  switch (step.channel) {
    case 'call':
      return {
        ...base,
        screen: { kind: 'number', value: step.counterparty },
        event: {
          kind: 'call',
          evidence: { number: step.counterparty, durationSeconds: step.durationSeconds ?? 60 },
        },
      };
    case 'sms':
      return {
        ...base,
        screen: { kind: 'sms', value: step.counterparty, text: step.text ?? '' },
        event: { kind: 'sms', evidence: { number: step.counterparty, text: step.text ?? '' } },
      };
    case 'web':
      return {
        ...base,
        screen: { kind: 'domain', value: step.counterparty },
        event: { kind: 'web', evidence: { domain: step.counterparty } },
      };
    case 'transfer':
      return {
        ...base,
        screen: { kind: 'account', value: step.counterparty, accountKind: 'bank_card' },
        event: { kind: 'transfer', evidence: { account: step.counterparty, amount: step.amount ?? 0 } },
        reportedAnyway: (step.amount ?? 0) >= LARGE_TRANSFER,
      };
  }
}

/** The fraud type a partner can name for a flagged counterparty: known for the gangs' listed assets. */
export function fraudTypeIndex(gangs: readonly Gang[]): Map<string, FraudType> {
  const index = new Map<string, FraudType>();
  for (const gang of gangs)
    for (const asset of [...gang.numbers, ...gang.domains, ...gang.accounts])
      if (asset.listed) index.set(asset.value, gang.fraudType);
  return index;
}
