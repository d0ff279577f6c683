/**
 * numbers.*: the NumberIndex at 10 million listed numbers against a JS Set<number> of the same numbers.
 * Queries are half hits, half misses, in random order; the index also holds a few range (prefix)
 * entries, as a real snapshot does, so every index lookup pays for its prefix probes too.
 */
import { NumberIndex, type EntryProvenance } from '@fanzha/engine';
import { cost, rate, registerBenchmark, type BenchContext } from './registry.js';
import { medianMs, retainedBytes, seededRandom, timeMs } from './measure.js';

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
  const { value: index, bytes: indexBytes } = retainedBytes(() => {
    let built: NumberIndex | undefined;
    buildMs = timeMs(() => (built = buildIndex(values, lists)));
    return built!;
  });
  context.log('numbers: building the Set baseline');
  let setMs = 0;
  const { value: set, bytes: setBytes } = retainedBytes(() => {
    let built: Set<number> | undefined;
    setMs = timeMs(() => (built = buildSet(values)));
    return built!;
  });
  if (context.wants('numbers.build'))
    context.report(cost('numbers.build', buildMs, 'ms', 'Set<number> build', setMs));
  if (context.wants('numbers.bytesPerEntry')) {
    context.report(
      cost('numbers.bytesPerEntry', indexBytes / COUNT, 'bytes', 'Set<number>', setBytes / COUNT),
    );
  }

  const now = 1_770_000_000_000;
  let sink = 0;
  const setMsLookup = medianMs(3, () => {
    for (let q = 0; q < QUERIES; q++) if (set.has(queries[q]!)) sink++;
  });
  if (context.wants('numbers.lookup')) {
    context.log('numbers: lookups');
    const out = new Uint8Array(QUERIES);
    const batchMs = medianMs(3, () => index.actionsOfE164Batch(queries, now, out));
    context.report(
      rate(
        'numbers.lookup',
        QUERIES / (batchMs / 1000),
        'lookups/s',
        'Set<number>.has',
        QUERIES / (setMsLookup / 1000),
      ),
    );
    const hits = out.reduce((n, bits) => n + (bits !== 0 ? 1 : 0), 0);
    // Every even query is listed; a few odd ones fall in the listed ranges (170…, 1349…) as well.
    if (hits < QUERIES / 2) throw new Error(`numbers.lookup: ${hits} hits, expected at least ${QUERIES / 2}`);
  }
  if (context.wants('numbers.lookupSingle')) {
    const singleMs = medianMs(3, () => {
      for (let q = 0; q < QUERIES; q++) if (index.actionsOfE164(queries[q]!, now) !== 0) sink++;
    });
    context.report(
      rate(
        'numbers.lookupSingle',
        QUERIES / (singleMs / 1000),
        'lookups/s',
        'Set<number>.has',
        QUERIES / (setMsLookup / 1000),
      ),
    );
  }
  if (sink < 0) console.log(sink);
}

registerBenchmark({
  names: ['numbers.lookup', 'numbers.lookupSingle', 'numbers.bytesPerEntry', 'numbers.build'],
  description:
    'NumberIndex over 10 million numbers vs Set<number>: lookups/s (batch and single), bytes per entry, build time',
  run,
});
