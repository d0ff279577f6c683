/**
 * Generating the world of one run from a seed: the population spread over the province's counties,
 * the gangs of every fraud type, their contacts over the period, and the victims they hook with each
 * victim's planned steps. Deterministic: the same seed, province and options give the same plan.
 */
import { FRAUD_TYPES, type FraudType } from '@fanzha/engine';
import { bankCard } from './bank-cards.js';
import { FRAUD_SCRIPTS, type FraudScript } from './fraud-scripts.js';
import type { Gang, GangAsset, GangContact, Person, SimPlan, VictimPlan, VictimStep } from './model.js';
import { citiesWithPrefixes, mobileOfCity, mobileOutsideProvince, virtualOperatorNumber } from './phones.js';
import type { Province } from './province.js';
import { generateResidentId } from './resident-id.js';
import { Rng } from './random.js';
import { chinaHour, HOUR, MINUTE } from './time.js';

export interface PlanOptions {
  seed: number;
  /** Start of the simulated period, ms since the epoch. */
  start: number;
  hours: number;
  /** People in the simulated population. */
  population: number;
  /** Expected victims per simulated day (across all gangs). */
  victimsPerDay: number;
  gangsPerFraudType: number;
  /** Share of the gangs' numbers, domains and accounts that are on the lists at the start. */
  listedShare: number;
}

export const DEFAULT_PLAN_OPTIONS = {
  population: 30_000,
  victimsPerDay: 150,
  gangsPerFraudType: 2,
  listedShare: 0.5,
} as const;

/** Share of the population whose number belongs to another province (routed to the province queue). */
const OUT_OF_PROVINCE = 0.04;
/** Share whose number belongs to another city of the province than their registered residence. */
const OTHER_CITY = 0.08;

export function generatePlan(province: Province, options: PlanOptions): SimPlan {
  const end = options.start + options.hours * HOUR;
  const people = generatePeople(province, options);
  const gangs = generateGangs(province, options);
  const { contacts, victims } = generateContacts(people.length, gangs, options, end);
  return {
    seed: options.seed,
    province: province.name,
    start: options.start,
    end,
    people,
    gangs,
    contacts,
    victims,
  };
}

function generatePeople(province: Province, options: PlanOptions): Person[] {
  const rng = Rng.derive(options.seed, 'people');
  const withPrefixes = new Set(citiesWithPrefixes(province.name));
  const cityNames = new Map(province.cities.map((city) => [city.code, city.name]));
  const numberCities = province.cities.map((city) => city.name).filter((name) => withPrefixes.has(name));
  if (numberCities.length === 0) throw new Error(`the number plan knows no city of ${province.name}`);
  const phones = new Set<string>();
  const people: Person[] = [];
  while (people.length < options.population) {
    const county = rng.pick(province.counties);
    const ownCity = cityNames.get(county.cityCode)!;
    const roll = rng.next();
    const phoneCity =
      roll < OUT_OF_PROVINCE
        ? null
        : roll < OUT_OF_PROVINCE + OTHER_CITY || !withPrefixes.has(ownCity)
          ? rng.pick(numberCities)
          : ownCity;
    const phone =
      phoneCity === null
        ? mobileOutsideProvince(rng, province.name)
        : mobileOfCity(rng, province.name, phoneCity);
    const idNumber = generateResidentId(rng, county.code);
    const carrierKnowsId = rng.chance(0.6);
    if (phones.has(phone)) continue;
    phones.add(phone);
    people.push({ phone, idNumber, countyCode: county.code, phoneCity, carrierKnowsId });
  }
  return people;
}

const TLDS = ['top', 'xyz', 'vip', 'cc', 'icu', 'club', 'cn', 'com'];

function generateGangs(province: Province, options: PlanOptions): Gang[] {
  const rng = Rng.derive(options.seed, 'gangs');
  const cities = citiesWithPrefixes(province.name);
  const gangs: Gang[] = [];
  const used = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  const asset = (value: string): GangAsset => ({ value, listed: rng.chance(options.listedShare) });
  for (const fraudType of FRAUD_TYPES) {
    const script = FRAUD_SCRIPTS[fraudType];
    for (let g = 0; g < options.gangsPerFraudType; g++) {
      const number = () =>
        rng.weighted<() => string>([
          [() => virtualOperatorNumber(rng), 4],
          [() => mobileOutsideProvince(rng, province.name), 4],
          [() => mobileOfCity(rng, province.name, rng.pick(cities)), 2],
        ])();
      gangs.push({
        id: `${fraudType}-${g + 1}`,
        fraudType,
        numbers: Array.from({ length: 6 }, () => asset(unique(number))),
        domains: Array.from({ length: 3 }, () =>
          asset(unique(() => `${rng.pick(script.domainWords)}${rng.int(1, 999)}.${rng.pick(TLDS)}`)),
        ),
        accounts: Array.from({ length: 4 }, () => asset(unique(() => bankCard(rng)))),
      });
    }
  }
  return gangs;
}

/** A time in [from, to) when gangs work (08:00–22:00 China time), or null when the period has none. */
function workingTime(rng: Rng, from: number, to: number): number | null {
  for (let attempt = 0; attempt < 50; attempt++) {
    const at = from + Math.floor(rng.next() * (to - from));
    const hour = chinaHour(at);
    if (hour >= 8 && hour < 22) return at;
  }
  return null;
}

function generateContacts(
  population: number,
  gangs: readonly Gang[],
  options: PlanOptions,
  end: number,
): { contacts: GangContact[]; victims: VictimPlan[] } {
  const rng = Rng.derive(options.seed, 'contacts');
  const contacts: GangContact[] = [];
  const victims: VictimPlan[] = [];
  const hooked = new Set<number>();
  // Each gang hooks an equal share of the day's victims; contacts follow from its script's hook rate.
  const victimsPerGang = options.victimsPerDay / gangs.length;
  for (const gang of gangs) {
    const script = FRAUD_SCRIPTS[gang.fraudType];
    const expected = (victimsPerGang / script.hookRate) * (options.hours / 24);
    const count = rng.poisson(expected);
    for (let i = 0; i < count; i++) {
      const at = workingTime(rng, options.start, end);
      if (at === null) break;
      const person = rng.int(0, population - 1);
      const channel = rng.weighted(script.contact);
      if (rng.chance(script.hookRate) && !hooked.has(person)) {
        hooked.add(person);
        victims.push(planVictim(rng, gang, script, person, channel, at));
        continue;
      }
      const text = channel === 'sms' ? smsText(rng, gang, script) : undefined;
      contacts.push({
        at,
        gangId: gang.id,
        person,
        channel,
        from: rng.pick(gang.numbers).value,
        durationSeconds: channel === 'call' ? rng.int(3, 40) : 0,
        ...(text ? { text } : {}),
        reported: rng.chance(0.02),
      });
    }
  }
  contacts.sort((a, b) => a.at - b.at || a.person - b.person);
  victims.sort((a, b) => a.steps[0]!.at - b.steps[0]!.at || a.person - b.person);
  victims.forEach((victim, index) => (victim.id = `v${index + 1}`));
  return { contacts, victims };
}

function smsText(rng: Rng, gang: Gang, script: FraudScript): string {
  return rng.pick(script.texts).replace('{url}', `http://${rng.pick(gang.domains).value}/`);
}

function planVictim(
  rng: Rng,
  gang: Gang,
  script: FraudScript,
  person: number,
  channel: 'call' | 'sms',
  contactAt: number,
): VictimPlan {
  const steps: VictimStep[] = [];
  const message = (role: 'contact' | 'lure', stepChannel: 'call' | 'sms', at: number): VictimStep =>
    stepChannel === 'call'
      ? {
          role,
          channel: 'call',
          at,
          counterparty: rng.pick(gang.numbers).value,
          durationSeconds: rng.int(script.callSeconds[0], script.callSeconds[1]),
        }
      : {
          role,
          channel: 'sms',
          at,
          counterparty: rng.pick(gang.numbers).value,
          text: smsText(rng, gang, script),
        };
  steps.push(message('contact', channel, contactAt));
  let at = contactAt;
  for (const lure of script.lures) {
    if (!rng.chance(lure.probability)) continue;
    at += rng.int(lure.delayMinutes[0] * 60, lure.delayMinutes[1] * 60) * 1000;
    steps.push(
      lure.channel === 'web'
        ? { role: 'lure', channel: 'web', at, counterparty: rng.pick(gang.domains).value }
        : message('lure', lure.channel, at),
    );
  }
  at += rng.int(script.paymentDelayMinutes[0] * 60, script.paymentDelayMinutes[1] * 60) * 1000;
  const amount = Math.round(rng.logUniform(script.amount[0], script.amount[1]) / 100) * 100;
  steps.push({
    role: 'payment',
    channel: 'transfer',
    at,
    counterparty: rng.pick(gang.accounts).value,
    amount,
  });
  // The bank holds a transfer for a few minutes of checks before the money leaves.
  const paymentAt = at + rng.int(2, 8) * MINUTE;
  return {
    id: '',
    person,
    fraudType: gang.fraudType as FraudType,
    gangId: gang.id,
    steps,
    paymentAt,
    amount,
    reportsAfterPayment: rng.chance(0.4),
  };
}

/** Victims whose story ends within the period (their payment completes before `end`). */
export function completedVictims(plan: SimPlan): VictimPlan[] {
  return plan.victims.filter((victim) => victim.paymentAt <= plan.end);
}
