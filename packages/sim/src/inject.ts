/**
 * A single scripted scenario on demand, for tests and demonstrations: a red case (a call from a
 * listed fake-police number, then a visit to a listed "safe account" domain) for a new person
 * registered in the given county. Goes through the same public interfaces as the simulator.
 */
import type { PartnerEvent, PlatformClient } from './client.js';
import { mobileOfCity, virtualOperatorNumber } from './phones.js';
import { provinceFromUnits } from './province.js';
import { Rng } from './random.js';
import { generateResidentId } from './resident-id.js';
import { numberListOf, SIM_LISTS, untilBlocked } from './setup.js';
import { isoChina, MINUTE } from './time.js';

export interface ScenarioRequest {
  kind: 'red';
  /** County of the person's registered residence, e.g. 320102 (玄武区). */
  countyCode: string;
  /** When the visit (the second event) happens, ms since the epoch; default now. */
  at?: number;
  /** Makes the person, number and domain reproducible; default: derived from the time. */
  seed?: number;
}

export interface InjectedScenario {
  /** The person's 11-digit number: the warning's subject. */
  phone: string;
  idNumber: string;
  /** The listed number that called and the listed domain visited. */
  number: string;
  domain: string;
  eventIds: string[];
}

export async function injectScenario(
  client: PlatformClient,
  request: ScenarioRequest,
): Promise<InjectedScenario> {
  const at = request.at ?? Date.now();
  const seed = request.seed ?? at % 2 ** 31;
  const rng = Rng.derive(seed, `scenario:${request.countyCode}`);
  const province = provinceFromUnits(await client.units());
  const county = province.counties.find((candidate) => candidate.code === request.countyCode);
  if (!county) throw new Error(`no county ${request.countyCode} in the org tree of ${province.name}`);
  const city = province.cities.find((candidate) => candidate.code === county.cityCode)!;
  const phone = mobileOfCity(rng, province.name, city.name);
  const idNumber = generateResidentId(rng, county.code);
  const number = virtualOperatorNumber(rng);
  const domain = `gaj-anquan${rng.int(1000, 9999)}-${rng.digits(4)}.top`;

  const numbers = numberListOf('fake_police');
  await client.ensureList(numbers);
  await client.ensureList(SIM_LISTS.domains);
  const source = { reason: '冒充公检法团伙（模拟场景）', sourceId: `SIM-SCENARIO-${seed}` };
  await client.addEntries(numbers.name, [{ value: number, ...source }]);
  await client.addEntries(SIM_LISTS.domains.name, [{ value: domain, ...source }]);
  await untilBlocked(client, { kind: 'domain', value: domain });

  const idPrefix = `scenario-${seed}-${phone}`;
  const events: PartnerEvent[] = [
    {
      id: `${idPrefix}-call`,
      kind: 'call',
      at: isoChina(at - 8 * MINUTE),
      phone,
      idNumber,
      evidence: { number, durationSeconds: 900, fraudType: 'fake_police' },
    },
    {
      id: `${idPrefix}-web`,
      kind: 'web',
      at: isoChina(at),
      phone,
      idNumber,
      evidence: { domain, fraudType: 'fake_police' },
    },
  ];
  const answer = await client.sendEvents(events);
  if (answer === null) throw new Error('the platform has no events API (POST /api/v1/events answered 404)');
  if (answer.rejected.length)
    throw new Error(
      `the scenario's events were rejected: ${answer.rejected.map((r) => r.reason).join('; ')}`,
    );
  return { phone, idNumber, number, domain, eventIds: events.map((event) => event.id) };
}
