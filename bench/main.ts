/**
 * `npm run bench [-- --json] [-- --only <prefix>]`: runs the registered benchmarks (every
 * `bench/*.bench.ts`) and prints each measurement beside its baseline.
 *
 * Restarts itself once with --expose-gc (memory figures need full collections) and a heap large
 * enough for the baselines.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { benchmarks, type Measurement } from './registry.js';

const HELP = `usage: npm run bench -- [--json] [--only <prefix>] [--list] [--help]

  --json           one JSON object per line: {name, value, unit, baseline, baselineValue, ratio}
  --only <prefix>  run only the measurements whose name starts with <prefix> (e.g. numbers., domains.lookup)
  --list           list the measurements without running them
  --help           this text

ratio is how many times better than its baseline a figure is (>1 is better): value/baseline for
rates, baseline/value for times and sizes.`;

interface Options {
  json: boolean;
  only: string | null;
  list: boolean;
}

function parseArguments(args: string[]): Options | 'help' {
  const options: Options = { json: false, only: null, list: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--json') options.json = true;
    else if (arg === '--list') options.list = true;
    else if (arg === '--only') options.only = args[++i] ?? '';
    else if (arg?.startsWith('--only=')) options.only = arg.slice('--only='.length);
    else throw new Error(`unknown argument ${arg} (see --help)`);
  }
  return options;
}

function restartWithGc(): never {
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  const parsed = parseArguments(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(HELP);
    return;
  }
  if (!('gc' in globalThis) && !parsed.list) restartWithGc();
  for (const file of readdirSync(new URL('.', import.meta.url))
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()) {
    await import(new URL(file, import.meta.url).href);
  }
  const wants = (name: string) => parsed.only === null || name.startsWith(parsed.only);
  const selected = benchmarks.filter((benchmark) => benchmark.names.some(wants));
  if (parsed.list) {
    for (const benchmark of benchmarks)
      console.log(`${benchmark.names.join(', ')}\n    ${benchmark.description}`);
    return;
  }
  if (!parsed.json) {
    console.log(
      `fanzha bench — ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}\n`,
    );
    console.log(row(['name', 'value', 'unit', 'baseline', 'baseline value', 'ratio']));
  }
  const report = (m: Measurement) => {
    if (parsed.json) console.log(JSON.stringify(m));
    else
      console.log(
        row([m.name, format(m.value), m.unit, m.baseline, format(m.baselineValue), `${m.ratio.toFixed(2)}×`]),
      );
  };
  for (const benchmark of selected) {
    await benchmark.run({
      wants,
      report,
      log: (message) => parsed.json || process.stderr.write(`  … ${message}\n`),
    });
  }
}

function format(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

function row(cells: string[]): string {
  const widths = [24, 14, 10, 26, 16, 8];
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 10)).join(' ');
}

await main();
