/**
 * `fanzha cdr analyse`: one file of call detail records through fresh caller-behaviour windows.
 * `fanzha cdr import`: a file posted to a running platform's CDR stream, in chunks, as a carrier would.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
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

  cdr
    .command('import')
    .description(
      "post a CDR file (CSV with a header or NDJSON) to a platform's CDR stream in chunks, as a carrier's feed does",
    )
    .requiredOption('--format <format>', 'csv or ndjson', (value) => {
      if (value !== 'csv' && value !== 'ndjson') throw new InvalidArgumentError('csv or ndjson');
      return value;
    })
    .requiredOption('--url <url>', 'the platform, e.g. http://localhost:8080')
    .requiredOption('--api-key <key>', 'an API key with the scope cdr')
    .option('--chunk <lines>', 'records per request (at most 200000)', (value) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 200_000) throw new InvalidArgumentError('1 to 200000');
      return n;
    })
    .argument('<file>', 'the CDR file, or - for standard input')
    .action(
      async (
        file: string,
        options: { format: 'csv' | 'ndjson'; url: string; apiKey: string; chunk?: number },
      ) => {
        const input = file === '-' ? process.stdin : createReadStream(file);
        const totals = await importCdrs(input, { ...options, chunk: options.chunk ?? 50_000 });
        process.stderr.write(
          `${totals.records} records posted in ${totals.requests} requests, ${totals.badLines} bad lines\n`,
        );
      },
    );
}

interface ImportOptions {
  format: 'csv' | 'ndjson';
  url: string;
  apiKey: string;
  chunk: number;
}

/** Reads lines, posts them `chunk` at a time (a CSV chunk repeats the header); bad lines go to stderr with their line in the file. */
async function importCdrs(input: NodeJS.ReadableStream, options: ImportOptions) {
  const totals = { records: 0, badLines: 0, requests: 0 };
  let header: string | null = null;
  let lines: string[] = [];
  let firstLine = 1;
  let lineNumber = 0;
  const send = async () => {
    if (lines.length === 0) return;
    const body = (header !== null ? [header, ...lines] : lines).join('\n');
    const offset = firstLine - (header !== null ? 2 : 1);
    for (;;) {
      const response = await fetch(
        `${options.url.replace(/\/+$/, '')}/api/v1/partner/cdrs?format=${options.format}`,
        {
          method: 'POST',
          headers: {
            'x-api-key': options.apiKey,
            'content-type': options.format === 'csv' ? 'text/csv' : 'application/x-ndjson',
          },
          body,
        },
      );
      if (response.status === 503) {
        const wait = Number(response.headers.get('retry-after') ?? 1);
        await response.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, wait) * 1000));
        continue;
      }
      const answer = (await response.json()) as {
        records?: number;
        badLines?: number;
        errors?: Array<{ line: number; reason: string }>;
        detail?: string;
      };
      if (!response.ok) throw new Error(`the platform answered ${response.status}: ${answer.detail ?? ''}`);
      totals.records += answer.records ?? 0;
      totals.badLines += answer.badLines ?? 0;
      totals.requests += 1;
      for (const error of answer.errors ?? [])
        process.stderr.write(`line ${error.line + offset}: ${error.reason}\n`);
      break;
    }
    lines = [];
  };
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (options.format === 'csv' && header === null) {
      header = line;
      firstLine = lineNumber + 1;
      continue;
    }
    if (lines.length === 0) firstLine = lineNumber;
    lines.push(line);
    if (lines.length >= options.chunk) await send();
  }
  await send();
  return totals;
}
