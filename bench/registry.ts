/**
 * The benchmark registry. A `*.bench.ts` file in this folder registers its benchmarks on import;
 * `bench/main.ts` imports every such file, so adding a file is all it takes to add a benchmark.
 *
 * Every figure is measured beside a baseline in the same run and reported with their ratio, so that
 * results from a loaded or slower machine still compare.
 */

export interface Measurement {
  /** Dotted name, e.g. "numbers.lookup". */
  name: string;
  value: number;
  unit: string;
  /** What the value is compared with, e.g. "Set<number>". */
  baseline: string;
  baselineValue: number;
  /**
   * How many times better than the baseline the value is (>1 is better), whatever the unit's
   * direction: value / baseline for rates, baseline / value for times and sizes.
   */
  ratio: number;
}

export interface BenchContext {
  /** Whether a measurement name was asked for (by `--only`); skip work for names that were not. */
  wants(name: string): boolean;
  /** Reports a measurement as soon as it is known. */
  report(measurement: Measurement): void;
  /** Progress notes for the human-readable mode (to stderr). */
  log(message: string): void;
}

export interface Benchmark {
  /** The measurement names this benchmark can report (used to select it with `--only`). */
  names: string[];
  description: string;
  run(context: BenchContext): Promise<void> | void;
}

export const benchmarks: Benchmark[] = [];

export function registerBenchmark(benchmark: Benchmark): void {
  benchmarks.push(benchmark);
}

/** A measurement of a rate (more is better). */
export function rate(
  name: string,
  value: number,
  unit: string,
  baseline: string,
  baselineValue: number,
): Measurement {
  return { name, value, unit, baseline, baselineValue, ratio: value / baselineValue };
}

/** A measurement of a cost — time or bytes (less is better). */
export function cost(
  name: string,
  value: number,
  unit: string,
  baseline: string,
  baselineValue: number,
): Measurement {
  return { name, value, unit, baseline, baselineValue, ratio: baselineValue / value };
}
