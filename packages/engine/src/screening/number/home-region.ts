/**
 * 号码归属地 of mobile ranges, by the first 7 digits. The generated data is a deflated run-length table
 * (see packages/engine/scripts/generate-number-data.mjs); it is inflated once, on first use, into two
 * typed arrays searched by binary search, so the lookup itself is synchronous and allocation-free.
 */
import { inflateRawSync } from 'node:zlib';
import {
  FIRST_PREFIX,
  REGION_NAMES,
  RUN_COUNT,
  RUNS_DEFLATED_BASE64,
} from './tables/home-regions.generated.js';
import { AREA_CODES } from './tables/area-codes.generated.js';
import type { HomeRegion } from './types.js';

/** An immutable prefix → region table: run starts ascending, each run's region id (0 = unknown). */
export class HomeRegionTable {
  private constructor(
    private readonly runStarts: Uint32Array,
    private readonly runRegions: Uint16Array,
    private readonly regions: readonly HomeRegion[],
  ) {}

  /** Decodes the generated table. Costs ~10 ms; `defaultHomeRegions()` does it once per process. */
  static fromGenerated(): HomeRegionTable {
    const bytes = inflateRawSync(Buffer.from(RUNS_DEFLATED_BASE64, 'base64'));
    const runStarts = new Uint32Array(RUN_COUNT);
    let offset = 0;
    let start = FIRST_PREFIX;
    for (let run = 0; run < RUN_COUNT; run++) {
      let delta = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = bytes[offset++] ?? 0;
        delta |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      start += delta;
      runStarts[run] = start;
    }
    const runRegions = new Uint16Array(RUN_COUNT);
    for (let run = 0; run < RUN_COUNT; run++) runRegions[run] = bytes.readUInt16LE(offset + run * 2);
    return new HomeRegionTable(runStarts, runRegions, REGION_NAMES.map(toHomeRegion));
  }

  /** The region of an 11-digit national mobile number (or any string of at least its 7-digit prefix). */
  regionOf(national: string): HomeRegion | null {
    const prefix = Number(national.slice(0, 7));
    const starts = this.runStarts;
    if (!(prefix >= (starts[0] ?? Infinity))) return null;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((starts[middle] ?? 0) <= prefix) low = middle;
      else high = middle - 1;
    }
    const id = this.runRegions[low] ?? 0;
    return id === 0 ? null : (this.regions[id - 1] ?? null);
  }
}

function toHomeRegion(text: string): HomeRegion {
  const [province = '', city = ''] = text.split('|');
  return Object.freeze({ province, city });
}

let shared: HomeRegionTable | undefined;

/** The table built from the generated data, decoded on first use and shared (it is immutable). */
export function defaultHomeRegions(): HomeRegionTable {
  shared ??= HomeRegionTable.fromGenerated();
  return shared;
}

const AREA_REGIONS = new Map(Object.entries(AREA_CODES).map(([code, text]) => [code, toHomeRegion(text)]));

/** The area code (without trunk 0) that starts `national`, with its city; area codes are 2–3 digits. */
export function areaCodeOf(national: string): { code: string; region: HomeRegion } | null {
  for (const length of [2, 3]) {
    const code = national.slice(0, length);
    const region = AREA_REGIONS.get(code);
    if (region) return { code, region };
  }
  return null;
}
