/**
 * Signal correlation benchmarks (issue 4), beside a baseline in the same run over the same events:
 *
 * - correlate.ingest: each event arrives as a JSON line; it is parsed and handed to the Correlator with
 *   the shipped default rules (state evicted as the stream moves on, as the platform does), in
 *   events/s per CPU second, against a consumer that only parses the JSON and acks (counts) it. The
 *   issue's target is 50,000 events/s on one core.
 * - correlate.match: the Correlator alone on the parsed signals, against a loop that only reads each
 *   signal's person and kind (the least any per-person correlation has to do).
 *
 * Events come from generateSyntheticSignals: most persons with one ordinary signal, some reached by a
 * listed number, a few victims with contact → lure → payment sequences.
 */
import { readFileSync } from 'node:fs';
import { Correlator, generateSyntheticSignals, readDefaultRules, type Signal } from '@fanzha/engine';
import { medianCpuMs } from './measure.js';
import { rate, registerBenchmark, type BenchContext } from './registry.js';

const PERSONS = 200_000;
const ROUNDS = 5;
/** Events between evictions, as a platform consumer would evict every so often. */
const EVICT_EVERY = 10_000;

function perCpuSecond(events: number, work: () => void): number {
  work(); // warm-up
  return (events / medianCpuMs(ROUNDS, work)) * 1000;
}

function run(context: BenchContext): void {
  const rules = readDefaultRules((url) => readFileSync(url, 'utf8'));
  const generated = generateSyntheticSignals({ persons: PERSONS });
  const lines = generated.signals.map((signal) => JSON.stringify(signal));
  // Parsed in arrival order, as a consumer holds them: the generator's objects lie in person order in
  // memory, and walking them in time order would measure cache misses, not correlation.
  const signals = lines.map((line) => JSON.parse(line) as Signal);
  const { victims } = generated;
  context.log(`correlate: ${lines.length} events, ${victims.size} victims, ${rules.length} rules`);
  let sink = 0;

  /** Feeds `next(i)` to a fresh Correlator, evicting state no window can reach any more. */
  const correlateAll = (next: (i: number) => Signal) => {
    const correlator = new Correlator(rules);
    let latest = -Infinity;
    for (let i = 0; i < lines.length; i++) {
      const signal = next(i);
      if (signal.at > latest) latest = signal.at;
      sink += correlator.ingest(signal).length;
      if (i % EVICT_EVERY === EVICT_EVERY - 1) correlator.evict(latest - correlator.maxWindowMs);
    }
  };

  if (context.wants('correlate.ingest')) {
    const baseline = perCpuSecond(lines.length, () => {
      let acked = 0;
      for (const line of lines) if ((JSON.parse(line) as Signal).eventId) acked++;
      sink += acked;
    });
    const value = perCpuSecond(lines.length, () => correlateAll((i) => JSON.parse(lines[i]!) as Signal));
    context.report(rate('correlate.ingest', value, 'events/s', 'JSON.parse + ack', baseline));
  }
  if (context.wants('correlate.match')) {
    const baseline = perCpuSecond(signals.length, () => {
      for (const signal of signals) sink += signal.person.length + signal.kind.length;
    });
    const value = perCpuSecond(signals.length, () => correlateAll((i) => signals[i]!));
    context.report(rate('correlate.match', value, 'events/s', 'read person and kind', baseline));
  }
  if (sink < 0) throw new Error('unreachable');
}

registerBenchmark({
  names: ['correlate.ingest', 'correlate.match'],
  description: 'signal correlation with the default rules over a synthetic province stream',
  run,
});
