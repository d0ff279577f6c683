/** `fanzha cdr analyse`: call detail records through the caller-behaviour windows, from the shell. */
import { createReadStream } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { analyseCdrs, scoreCdrs } from '../../modules/caller-behaviour/index.js';
import { systemActor } from '../../modules/auth/index.js';
import { withStore } from '../store-session.js';

export function registerCdr(program: Command): void {
  const cdr = program
    .command('cdr')
    .description('call detail records: fraud-caller behaviour (SIM boxes, GOIP, call farms)');
  cdr
    .command('analyse')
    .description(
      'score CDRs (CSV with a header or NDJSON); print the numbers above the threshold, one JSON line each, and mark them on the caller-behaviour list',
    )
    .requiredOption('--format <format>', 'csv or ndjson', (value) => {
      if (value !== 'csv' && value !== 'ndjson') throw new InvalidArgumentError('csv or ndjson');
      return value;
    })
    .option('--threshold <score>', 'marking threshold, 0..1 (default 0.7)', (value) => {
      const n = Number(value);
      if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('a number from 0 to 1');
      return n;
    })
    .option('--dry-run', 'only print the scores; mark nothing')
    .argument('<file>', 'the CDR file, or - for standard input')
    .action(
      async (file: string, options: { format: 'csv' | 'ndjson'; threshold?: number; dryRun?: boolean }) => {
        const input = file === '-' ? process.stdin : createReadStream(file);
        const run = { format: options.format, input, threshold: options.threshold };
        const analysis = options.dryRun
          ? await scoreCdrs(run)
          : await withStore((ctx) => analyseCdrs(ctx, systemActor('cli'), run));
        for (const error of analysis.errors) process.stderr.write(`line ${error.line}: ${error.reason}\n`);
        for (const marked of analysis.marked) process.stdout.write(`${JSON.stringify(marked)}\n`);
        process.stderr.write(
          `${analysis.records} records, ${analysis.badLines} bad lines, ${analysis.marked.length} numbers marked\n`,
        );
      },
    );
}
