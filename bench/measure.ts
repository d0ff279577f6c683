/** Measuring helpers shared by the benchmarks: timing, heap accounting and a seeded random source. */

/** Milliseconds taken by `work`. */
export function timeMs(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The median of `rounds` timings of `work` — robust to a neighbour's burst on a shared machine. */
export function medianMs(rounds: number, work: () => void): number {
  const times = Array.from({ length: rounds }, () => timeMs(work)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Median CPU milliseconds (user + system) of `rounds` runs of `work`. The targets are per core, and on
 * a shared machine wall time also counts the time a neighbour held the core; CPU time does not. Both
 * sides of every ratio are measured the same way.
 */
export function medianCpuMs(rounds: number, work: () => void): number {
  const times = Array.from({ length: rounds }, () => {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  }).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Heap plus external bytes in use after a full collection (needs --expose-gc). External memory
 * holds the array buffers and also WebAssembly memories (the mobile number table's buckets), which
 * `arrayBuffers` leaves out.
 */
export function usedBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (bench/main.ts restarts itself with it)');
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/**
 * Bytes retained by what `build` returns: measured around the build, with the result kept alive until
 * after the second measurement.
 */
export function retainedBytes<T>(build: () => T): { value: T; bytes: number } {
  const before = usedBytes();
  const value = build();
  const bytes = usedBytes() - before;
  return { value, bytes };
}

/** mulberry32: a small seeded PRNG, so every run measures the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
