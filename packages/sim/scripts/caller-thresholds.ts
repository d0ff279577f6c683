/**
 * Precision and recall of the caller-behaviour score by marking threshold, on one simulated day: the
 * simulator runs against its stand-in platform (no server), its carriers' CDRs go through the engine's
 * windows, and each number's best window is compared with the SIM-box truth.
 *
 *   node --conditions=source --import tsx packages/sim/scripts/caller-thresholds.ts [seed] [population]
 */
import { CallerBehaviourTracker, type CallerScore } from '@fanzha/engine';
import { FakePlatform } from '../src/fake-platform.js';
import { runSimulation } from '../src/simulation.js';
import { TEST_UNITS } from '../src/test-province.js';

const seed = Number(process.argv[2] ?? 1);
const population = Number(process.argv[3] ?? 30_000);
const platform = new FakePlatform(TEST_UNITS);
const result = await runSimulation({
  client: platform,
  seed,
  start: Date.parse('2026-11-24T16:00:00Z'),
  hours: 24,
  speed: 'max',
  population,
});
const callers = result.plan.callers!;
const boxes = new Set(callers.simBoxes.map((box) => box.number));
const busy = new Set(callers.busy.map((caller) => caller.number));
const best = new Map<string, number>();
const keep = (score: CallerScore) =>
  best.set(score.number, Math.max(score.score, best.get(score.number) ?? 0));
const tracker = new CallerBehaviourTracker();
for (const cdr of platform.cdrs.sort((a, b) => a.start - b.start)) tracker.mark(cdr, 0.3, keep);
tracker.flushMarked(0.3, keep);
console.log(`seed ${seed}: ${platform.cdrs.length} CDRs, ${boxes.size} SIM-box numbers`);
for (const threshold of [0.5, 0.6, 0.7, 0.8, 0.9]) {
  const marked = [...best].filter(([, score]) => score >= threshold).map(([number]) => number);
  const caught = marked.filter((number) => boxes.has(number)).length;
  const honest = marked.filter((number) => busy.has(number)).length;
  const precision = marked.length ? caught / marked.length : NaN;
  console.log(
    `threshold ${threshold}: marked ${marked.length}, SIM boxes ${caught}, busy honest ${honest}, ` +
      `precision ${precision.toFixed(3)}, recall ${(caught / boxes.size).toFixed(3)}`,
  );
}
