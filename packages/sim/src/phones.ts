/**
 * Mobile numbers from the real number plan: for each city, the 7-digit prefixes (号段) whose home
 * region (号码归属地) is that city, found by asking the engine's home-region table about every prefix of
 * the ordinary (not virtual, not satellite) ranges. A phone is such a prefix plus four digits, so the
 * platform classifies it as a mobile number of the intended city.
 */
import { defaultHomeRegions, MOBILE_RANGES } from '@fanzha/engine';
import type { Rng } from './random.js';

/** Province name → city name → 7-digit prefixes. Built once per process (~700,000 lookups, ~100 ms). */
let prefixesByRegion: Map<string, Map<string, string[]>> | undefined;

function ordinaryThreeDigitRanges(): string[] {
  return Object.entries(MOBILE_RANGES)
    .filter(([prefix, range]) => prefix.length === 3 && !range.virtual && !range.satellite)
    .map(([prefix]) => prefix)
    .filter((prefix) => !Object.keys(MOBILE_RANGES).some((p) => p.length === 4 && p.startsWith(prefix)))
    .sort();
}

function buildIndex(): Map<string, Map<string, string[]>> {
  const table = defaultHomeRegions();
  const index = new Map<string, Map<string, string[]>>();
  for (const range of ordinaryThreeDigitRanges()) {
    for (let block = 0; block < 10_000; block++) {
      const prefix = range + String(block).padStart(4, '0');
      const region = table.regionOf(prefix + '0000');
      if (!region) continue;
      let cities = index.get(region.province);
      if (!cities) index.set(region.province, (cities = new Map()));
      let prefixes = cities.get(region.city);
      if (!prefixes) cities.set(region.city, (prefixes = []));
      prefixes.push(prefix);
    }
  }
  return index;
}

function index(): Map<string, Map<string, string[]>> {
  prefixesByRegion ??= buildIndex();
  return prefixesByRegion;
}

/** The 7-digit prefixes of a city (`江苏省`, `南京市`); empty when the plan knows none. */
export function prefixesOfCity(province: string, city: string): readonly string[] {
  return index().get(province)?.get(city) ?? [];
}

/** Province names other than `province` that have prefixes: for out-of-province numbers. */
export function otherProvinces(province: string): string[] {
  return [...index().keys()].filter((name) => name !== province).sort();
}

/** The cities of a province that have prefixes, sorted. */
export function citiesWithPrefixes(province: string): string[] {
  return [...(index().get(province)?.keys() ?? [])].sort();
}

/** A mobile number (11 digits) of the given city. */
export function mobileOfCity(rng: Rng, province: string, city: string): string {
  const prefixes = prefixesOfCity(province, city);
  if (prefixes.length === 0) throw new Error(`no mobile prefixes for ${province} ${city}`);
  return rng.pick(prefixes) + rng.digits(4);
}

/** A mobile number of some city of another province. */
export function mobileOutsideProvince(rng: Rng, province: string): string {
  const other = rng.pick(otherProvinces(province));
  return mobileOfCity(rng, other, rng.pick(citiesWithPrefixes(other)));
}

/** A number of a virtual-operator range (170, 171, 162, 165, 167): what gangs rent most. */
export function virtualOperatorNumber(rng: Rng): string {
  const prefix = rng.pick(['1700', '1701', '1705', '1710', '1711', '1712', '1620', '1650', '1670']);
  return prefix + rng.digits(7);
}
