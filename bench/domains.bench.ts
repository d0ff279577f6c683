/**
 * domains.*: the DomainIndex at 2 million listed domains against a JS Set<string> of the same domains.
 * The listed domains are synthesised from the real scam-site list (../shared/data/domains/scam-dev.txt):
 * each takes a scam domain's first label and public suffix and adds a counter, so that lengths and
 * suffixes look like the real thing. Queries are hosts one to three labels below a domain — half under
 * a listed domain, half under an unlisted one (a benign site from benign-dev.txt or an unlisted
 * synthetic name) — and every lookup walks from the full host up to its top-level domain. The data sets
 * come from FANZHA_SHARED_DATA or ../shared/data; without them the names are generated.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainIndex, type EntryProvenance } from '@fanzha/engine';
import { cost, rate, registerBenchmark, type BenchContext } from './registry.js';
import { medianMs, retainedBytes, seededRandom, timeMs } from './measure.js';

const COUNT = 2_000_000;
const QUERIES = 1_000_000;
const DATA_DIR = path.join(
  process.env.FANZHA_SHARED_DATA ??
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data'),
  'domains',
);
const SUFFIXES = ['.com', '.cn', '.top', '.xyz', '.vip', '.com.cn', '.net', '.cc', '.shop', '.icu'];
const SYLLABLES = ['kf', 'pay', 'bank', 'jd', 'tb', 'sec', 'vip', 'app', 'h5', 'wx', 'dy', 'zf', 'gov'];
const SUBDOMAINS = ['www', 'm', 'pay', 'login.secure', 'api', 'h5.m', 'a.b.c', 'kefu', 'vip'];

/**
 * The domains of a shared data file, or — where the data sets are not beside the checkout (a clone on its
 * own) — `count` generated names of the same kind (short labels of common scam syllables and digits on
 * the suffixes scam sites use), so the bench still runs; the figure's unit says which.
 */
function readDomains(file: string, count: number, seed: number): string[] {
  const full = path.join(DATA_DIR, file);
  if (existsSync(full))
    return readFileSync(full, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line.length > 0 && !line.startsWith('#') && line.includes('.'));
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from(
    { length: count },
    (_, i) => `${pick(SYLLABLES)}${pick(SYLLABLES)}${i % 97}${pick(SUFFIXES)}`,
  );
}

const DATA_SOURCE = existsSync(path.join(DATA_DIR, 'scam-dev.txt')) ? 'scam-dev' : 'generated names';

/** The i-th synthetic domain: a real scam domain's first label + a counter + its suffix. */
function syntheticDomain(seeds: string[], i: number): string {
  const seed = seeds[i % seeds.length]!;
  const dot = seed.indexOf('.');
  // join() builds a flat string, as strings read from a file or database are.
  return [seed.slice(0, dot), i.toString(36), seed.slice(dot)].join('');
}

const LISTS: EntryProvenance[] = ['scam-sites', 'phishing', 'partner-feed', 'lookalikes'].map((list, l) => ({
  list,
  action: 'block',
  confidence: 70 + l * 5,
  source: { kind: (['report', 'case', 'partner', 'rule'] as const)[l]!, id: `${list}-import-1` },
  addedAt: 1_767_225_600_000,
  expiresAt: null,
}));

function buildIndex(seeds: string[]): DomainIndex {
  const builder = DomainIndex.builder();
  builder.reserve(COUNT);
  const records = LISTS.map((provenance) => builder.records.intern(provenance, 'domain'));
  for (let i = 0; i < COUNT; i++) builder.addNormalized(syntheticDomain(seeds, i), records[i & 3]!);
  return builder.build();
}

function buildSet(seeds: string[]): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i < COUNT; i++) set.add(syntheticDomain(seeds, i));
  return set;
}

/** The baseline walk: the host, then each parent domain, up to the top-level domain. */
function setListed(set: Set<string>, host: string): boolean {
  if (set.has(host)) return true;
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
    if (set.has(host.slice(dot + 1))) return true;
  }
  return false;
}

async function run(context: BenchContext): Promise<void> {
  const seeds = readDomains('scam-dev.txt', 5_000, 11);
  const benign = readDomains('benign-dev.txt', 5_000, 12);
  const random = seededRandom(11);
  const queries: string[] = [];
  for (let q = 0; q < QUERIES; q++) {
    const sub = SUBDOMAINS[Math.floor(random() * SUBDOMAINS.length)]!;
    const domain =
      q % 2 === 0
        ? syntheticDomain(seeds, Math.floor(random() * COUNT))
        : q % 4 === 1
          ? benign[Math.floor(random() * benign.length)]!
          : syntheticDomain(seeds, COUNT + Math.floor(random() * COUNT));
    queries.push([sub, '.', domain].join(''));
  }

  context.log(`domains: building the index of ${COUNT.toLocaleString()} domains`);
  let buildMs = 0;
  const { value: index, bytes: indexBytes } = retainedBytes(() => {
    let built: DomainIndex | undefined;
    buildMs = timeMs(() => (built = buildIndex(seeds)));
    return built!;
  });
  context.log('domains: building the Set baseline');
  let setMs = 0;
  const { value: set, bytes: setBytes } = retainedBytes(() => {
    let built: Set<string> | undefined;
    setMs = timeMs(() => (built = buildSet(seeds)));
    return built!;
  });
  if (context.wants('domains.build'))
    context.report(
      cost('domains.build', buildMs, `ms (names shaped from ${DATA_SOURCE})`, 'Set<string> build', setMs),
    );
  if (context.wants('domains.bytesPerEntry')) {
    context.report(
      cost('domains.bytesPerEntry', indexBytes / COUNT, 'bytes', 'Set<string>', setBytes / COUNT),
    );
  }
  if (context.wants('domains.lookup')) {
    context.log('domains: lookups');
    const now = 1_770_000_000_000;
    let indexHits = 0;
    let setHits = 0;
    const out = new Uint8Array(QUERIES);
    const indexMs = medianMs(3, () => index.actionsOfHosts(queries, now, out));
    indexHits = out.reduce((n, bits) => n + (bits !== 0 ? 1 : 0), 0);
    let singleHits = 0;
    const singleMs = medianMs(3, () => {
      singleHits = 0;
      for (let q = 0; q < QUERIES; q++) if (index.actionsOfHost(queries[q]!, now) !== 0) singleHits++;
    });
    if (singleHits !== indexHits)
      throw new Error(`domains.lookup: batch found ${indexHits}, single ${singleHits}`);
    const setLookupMs = medianMs(3, () => {
      setHits = 0;
      for (let q = 0; q < QUERIES; q++) if (setListed(set, queries[q]!)) setHits++;
    });
    if (indexHits !== setHits) throw new Error(`domains.lookup: index found ${indexHits}, Set ${setHits}`);
    const setRate = QUERIES / (setLookupMs / 1000);
    context.report(
      rate('domains.lookup', QUERIES / (indexMs / 1000), 'lookups/s', 'Set<string> walk', setRate),
    );
    context.report(
      rate('domains.lookupSingle', QUERIES / (singleMs / 1000), 'lookups/s', 'Set<string> walk', setRate),
    );
  }
}

registerBenchmark({
  names: ['domains.lookup', 'domains.lookupSingle', 'domains.bytesPerEntry', 'domains.build'],
  description:
    'DomainIndex over 2 million domains vs Set<string>: host lookups/s with the parent-domain walk, bytes per entry, build time',
  run,
});
