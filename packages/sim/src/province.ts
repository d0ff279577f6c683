/**
 * The province as the simulator sees it: its cities and counties, read from the platform's org tree
 * (`GET /api/v1/units`), never from the platform's own data files.
 */

export interface Unit {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'station';
  parentCode: string | null;
}

export interface County {
  code: string;
  name: string;
  cityCode: string;
}

export interface City {
  code: string;
  name: string;
  counties: County[];
}

export interface Province {
  code: string;
  name: string;
  cities: City[];
  /** Every county of every city, in unit-code order. */
  counties: County[];
}

/** Builds the province from the org tree's units (the province, its cities, their counties). */
export function provinceFromUnits(units: readonly Unit[]): Province {
  const province = units.find((unit) => unit.level === 'province');
  if (!province) throw new Error('the org tree has no province unit');
  const byCode = [...units].sort((a, b) => a.code.localeCompare(b.code));
  const cities: City[] = byCode
    .filter((unit) => unit.level === 'city')
    .map((unit) => ({ code: unit.code, name: unit.name, counties: [] }));
  const cityByCode = new Map(cities.map((city) => [city.code, city]));
  const counties: County[] = [];
  for (const unit of byCode) {
    if (unit.level !== 'county' || !/^\d{6}$/.test(unit.code) || !unit.parentCode) continue;
    const city = cityByCode.get(unit.parentCode);
    if (!city) continue;
    const county = { code: unit.code, name: unit.name, cityCode: city.code };
    city.counties.push(county);
    counties.push(county);
  }
  const populated = cities.filter((city) => city.counties.length > 0);
  if (populated.length === 0) throw new Error('the org tree has no counties under its cities');
  return { code: province.code, name: province.name, cities: populated, counties };
}
