import { classifyNumber, luhnValid } from '@fanzha/engine';
import { describe, expect, it } from 'vitest';
import { completedVictims, generatePlan, type PlanOptions } from './plan.js';
import { provinceFromUnits } from './province.js';
import { isValidResidentId } from './resident-id.js';
import { TEST_UNITS } from './test-province.js';
import { HOUR } from './time.js';

const province = provinceFromUnits(TEST_UNITS);
const options: PlanOptions = {
  seed: 42,
  start: Date.parse('2026-11-25T00:00:00+08:00'),
  hours: 24,
  population: 3_000,
  victimsPerDay: 80,
  gangsPerFraudType: 1,
  listedShare: 0.5,
};

describe('generatePlan', () => {
  const plan = generatePlan(province, options);

  it('gives the same ground truth for the same seed, and another for another seed', () => {
    expect(generatePlan(province, options)).toEqual(plan);
    const other = generatePlan(province, { ...options, seed: 43 });
    expect(other.people[0]).not.toEqual(plan.people[0]);
    expect(other.victims.map((v) => v.person)).not.toEqual(plan.victims.map((v) => v.person));
  });

  it('gives everyone a mobile number of the intended home region and a valid ID of a county of the province', () => {
    const counties = new Set(province.counties.map((county) => county.code));
    const cityOfCounty = new Map(
      province.counties.map((county) => [
        county.code,
        province.cities.find((c) => c.code === county.cityCode)!.name,
      ]),
    );
    let ownCity = 0;
    for (const person of plan.people) {
      const number = classifyNumber(person.phone);
      expect(number.kind).toBe('mobile');
      expect(number.virtual).toBe(false);
      if (person.phoneCity === null) {
        expect(number.homeRegion?.province).not.toBe('江苏省');
      } else {
        expect(number.homeRegion).toEqual({ province: '江苏省', city: person.phoneCity });
        if (person.phoneCity === cityOfCounty.get(person.countyCode)) ownCity += 1;
      }
      expect(isValidResidentId(person.idNumber)).toBe(true);
      expect(counties.has(person.countyCode)).toBe(true);
      expect(person.idNumber.slice(0, 6)).toBe(person.countyCode);
    }
    expect(ownCity / plan.people.length).toBeGreaterThan(0.8);
    expect(new Set(plan.people.map((person) => person.phone)).size).toBe(plan.people.length);
  });

  it('spreads the population over every county', () => {
    const counties = new Set(plan.people.map((person) => person.countyCode));
    expect(counties.size).toBe(province.counties.length);
  });

  it('gives the gangs valid numbers and bank cards, some listed and some not', () => {
    const numbers = plan.gangs.flatMap((gang) => gang.numbers);
    for (const asset of numbers) expect(['mobile']).toContain(classifyNumber(asset.value).kind);
    for (const asset of plan.gangs.flatMap((gang) => gang.accounts))
      expect(luhnValid(asset.value)).toBe(true);
    expect(numbers.some((asset) => asset.listed)).toBe(true);
    expect(numbers.some((asset) => !asset.listed)).toBe(true);
  });

  it('takes each victim through contact, lures and payment in time order, within minutes to hours', () => {
    expect(plan.victims.length).toBeGreaterThan(30);
    for (const victim of plan.victims) {
      const roles = victim.steps.map((step) => step.role);
      expect(roles[0]).toBe('contact');
      expect(roles[roles.length - 1]).toBe('payment');
      expect(roles.slice(1, -1).every((role) => role === 'lure')).toBe(true);
      for (let i = 1; i < victim.steps.length; i++)
        expect(victim.steps[i]!.at).toBeGreaterThan(victim.steps[i - 1]!.at);
      const payment = victim.steps[victim.steps.length - 1]!;
      expect(payment.channel).toBe('transfer');
      expect(payment.amount).toBe(victim.amount);
      expect(victim.paymentAt).toBeGreaterThan(payment.at);
      const story = victim.paymentAt - victim.steps[0]!.at;
      expect(story).toBeGreaterThan(5 * 60_000);
      expect(story).toBeLessThan(20 * HOUR);
      expect(victim.steps[0]!.at).toBeGreaterThanOrEqual(plan.start);
    }
    expect(new Set(plan.victims.map((victim) => victim.person)).size).toBe(plan.victims.length);
    expect(new Set(plan.victims.map((victim) => victim.fraudType)).size).toBeGreaterThan(5);
  });

  it('counts as completed only the victims whose payment falls within the period', () => {
    const completed = completedVictims(plan);
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.every((victim) => victim.paymentAt <= plan.end)).toBe(true);
  });
});
