/**
 * numbers.*: the NumberIndex at 10 million listed numbers against a JS Set<number> of the same numbers.
 * Queries are half hits, half misses, in random order; the index also holds a few range (prefix)
 * entries, as a real snapshot does, so every index lookup pays for its prefix probes too.
 */
import { NumberIndex, type EntryProvenance } from '@fanzha/engine';
import { cost, rate, registerBenchmark, type BenchContext } from './registry.js';
import { retainedBytes, seededRandom, timeMs } from './measure.js';

const COUNT = 10_000_000;
const QUERIES = 2_000_000;
/** Mobile numbers as E.164 digit values: 86 13x… to 86 19x…, 7·10^10 of them. */
const FIRST_MOBILE = 8613000000000;
const MOBILE_SPAN = 70_000_000_000;
/** Coprime with MOBILE_SPAN: i ↦ i·STEP mod SPAN visits distinct numbers in a scattered order. */
const STEP = 123_456_791;

function listedNumber(i: number): number {
  return FIRST_MOBILE + ((i * STEP) % MOBILE_SPAN);
}

const LISTS: EntryProvenance[] = [
  'case-footprints',
  'citizen-reports',
  'partner-feed',
  'gang-ranges',
].flatMap((list, l) =>
  (['block', 'mark'] as const).map((action) => ({
    list,
    action,
    confidence: 60 + l * 10,
    source: { kind: (['case', 'report', 'partner', 'rule'] as const)[l]!, id: `${list}-import-1` },
    addedAt: 1_767_225_600_000,
    expiresAt: null,
  })),
);

/** A snapshot as the store streams it: the numbers, and for each the id of its list/provenance. */
function buildIndex(values: Float64Array, lists: Uint32Array): NumberIndex {
  const builder = NumberIndex.builder();
  const records = Uint32Array.from(LISTS, (provenance) => builder.records.intern(provenance, 'number:exact'));
  const perNumber = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) perNumber[i] = records[lists[i]!]!;
  builder.addE164Values(values, perNumber);
  for (const range of ['170', '171', '162', '165', '167', '1349', '1740']) {
    builder.add({ ...LISTS[7]!, value: range, match: 'prefix' });
  }
  return builder.build();
}

function buildSet(values: Float64Array): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i < values.length; i++) set.add(values[i]!);
  return set;
}

/** CPU milliseconds (user + system) taken by `work`: a neighbour's load on a shared machine takes the
 * core away from the process, which wall time counts and CPU time does not. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Lookup rounds: each times the baseline and the index on the same queries, in alternating order. */
const ROUNDS = 7;

async function run(context: BenchContext): Promise<void> {
  context.log(`numbers: generating ${COUNT.toLocaleString()} listed numbers`);
  const values = new Float64Array(COUNT);
  const lists = new Uint32Array(COUNT);
  for (let i = 0; i < COUNT; i++) {
    values[i] = listedNumber(i);
    lists[i] = i & 7;
  }
  const random = seededRandom(7);
  const queries = new Float64Array(QUERIES);
  for (let q = 0; q < QUERIES; q++) {
    // Even queries hit a listed number; odd ones a number of the same ranges that is not listed.
    queries[q] =
      q % 2 === 0
        ? values[Math.floor(random() * COUNT)]!
        : listedNumber(COUNT + Math.floor(random() * COUNT));
  }

  context.log('numbers: building the index');
  let buildMs = 0;
  let buildWallMs = 0;
  const { value: index, bytes: indexBytes } = retainedBytes(() => {
    let built: NumberIndex | undefined;
    buildWallMs = timeMs(() => (buildMs = cpuMs(() => (built = buildIndex(values, lists)))));
    return built!;
  });
  // Built again from sorted input before the Set exists: the Set's 10 million heap entries would
  // make every collection the build triggers a full mark of them, and charge that to the build.
  let sortedMs = 0;
  let sortedWallMs = 0;
  if (context.wants('numbers.build')) {
    context.log('numbers: building the index from sorted input');
    const sorted = values.slice().sort();
    sortedWallMs = timeMs(() => (sortedMs = cpuMs(() => buildIndex(sorted, lists))));
  }
  context.log('numbers: building the Set baseline');
  let setMs = 0;
  const { value: set, bytes: setBytes } = retainedBytes(() => {
    let built: Set<number> | undefined;
    setMs = cpuMs(() => (built = buildSet(values)));
    return built!;
  });
  if (context.wants('numbers.build')) {
    context.report(cost('numbers.build', buildMs, 'CPU ms (unsorted input)', 'Set<number> build', setMs));
    context.report(
      cost('numbers.build.wall', buildWallMs, 'ms (unsorted input)', 'Set<number> build, CPU ms', setMs),
    );
    context.report(
      cost('numbers.build.sorted', sortedMs, 'CPU ms (sorted input)', 'Set<number> build', setMs),
    );
    context.report(
      cost(
        'numbers.build.sorted.wall',
        sortedWallMs,
        'ms (sorted input)',
        'Set<number> build, CPU ms',
        setMs,
      ),
    );
  }
  if (context.wants('numbers.bytesPerEntry')) {
    context.report(
      cost('numbers.bytesPerEntry', indexBytes / COUNT, 'bytes', 'Set<number>', setBytes / COUNT),
    );
  }

  const now = 1_770_000_000_000;
  let sink = 0;
  const out = new Uint8Array(QUERIES);
  const setRound = () => {
    for (let q = 0; q < QUERIES; q++) if (set.has(queries[q]!)) sink++;
  };
  const batchRound = () => index.actionsOfE164Batch(queries, now, out);
  const singleRound = () => {
    for (let q = 0; q < QUERIES; q++) if (index.actionsOfE164(queries[q]!, now) !== 0) sink++;
  };
  context.log('numbers: lookups (warm-up, then interleaved rounds)');
  setRound();
  batchRound();
  singleRound();
  const setTimes: number[] = [];
  const batchTimes: number[] = [];
  const singleTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) setTimes.push(cpuMs(setRound));
    batchTimes.push(cpuMs(batchRound));
    singleTimes.push(cpuMs(singleRound));
    if (round % 2 === 1) setTimes.push(cpuMs(setRound));
  }
  const perSecond = (times: number[]) => QUERIES / (median(times) / 1000);
  if (context.wants('numbers.lookup')) {
    context.report(
      rate(
        'numbers.lookup',
        perSecond(batchTimes),
        'lookups per CPU s',
        'Set<number>.has',
        perSecond(setTimes),
      ),
    );
    const hits = out.reduce((n, bits) => n + (bits !== 0 ? 1 : 0), 0);
    // Every even query is listed; a few odd ones fall in the listed ranges (170…, 1349…) as well.
    if (hits < QUERIES / 2) throw new Error(`numbers.lookup: ${hits} hits, expected at least ${QUERIES / 2}`);
  }
  if (context.wants('numbers.lookupSingle')) {
    context.report(
      rate(
        'numbers.lookupSingle',
        perSecond(singleTimes),
        'lookups per CPU s',
        'Set<number>.has',
        perSecond(setTimes),
      ),
    );
  }
  if (sink < 0) console.log(sink);
}

registerBenchmark({
  names: [
    'numbers.lookup',
    'numbers.lookupSingle',
    'numbers.bytesPerEntry',
    'numbers.build',
    'numbers.build.wall',
    'numbers.build.sorted',
    'numbers.build.sorted.wall',
  ],
  description:
    'NumberIndex over 10 million numbers vs Set<number>: lookups per CPU second (batch and single, median of interleaved rounds), bytes per entry, build time (CPU and wall, unsorted and sorted input)',
  run,
});
