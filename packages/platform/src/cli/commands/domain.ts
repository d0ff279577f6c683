/**
 * `fanzha domain score` and `fanzha domain watch`: lookalike and suspicious-domain scoring against the
 * protected brands. `score` prints one JSON line per input domain, in order:
 * `{domain, score, verdict, contributions}`; `watch` reads a feed of new names (newly registered
 * domains, certificate-transparency names) and prints only the candidates for analyst review.
 * Both stream stdin line by line. Pure engine work: no store, no network.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  createDomainScorer,
  readShippedDomainModel,
  type DomainModelFile,
  type DomainScorer,
} from '@fanzha/engine';
import { InvalidArgumentError, type Command } from 'commander';

/** Names remembered by `watch` to skip repeats. */
const WATCH_MEMORY = 1_000_000;

interface DomainOptions {
  model?: string;
  threshold?: number;
}

function scorerFrom(options: DomainOptions): DomainScorer {
  const model = options.model
    ? (JSON.parse(readFileSync(options.model, 'utf8')) as DomainModelFile)
    : readShippedDomainModel((url) => readFileSync(url, 'utf8'));
  return createDomainScorer(model, options.threshold === undefined ? {} : { threshold: options.threshold });
}

function parseThreshold(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('a number from 0 to 1');
  return n;
}

/** Each non-blank stdin line, trimmed, with its line number. */
async function* stdinNames(): AsyncGenerator<{ lineNumber: number; name: string }> {
  let lineNumber = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNumber++;
    const name = line.trim();
    if (name !== '') yield { lineNumber, name };
  }
}

export function registerDomain(program: Command): void {
  const domain = program.command('domain').description('lookalike and suspicious-domain detection');
  domain
    .command('score')
    .description('score domains from stdin (one per line): {domain, score, verdict, contributions} per line')
    .option('--model <file>', 'a domain model file instead of the shipped one')
    .option('--threshold <score>', 'score from which the verdict is suspicious', parseThreshold)
    .action(async (options: DomainOptions) => {
      const scorer = scorerFrom(options);
      for await (const { name } of stdinNames()) {
        const { domain: input, score, verdict, contributions } = scorer.score(name);
        await writeLine({ domain: input, score, verdict, contributions });
      }
    });
  domain
    .command('watch')
    .description('read a feed of new names (one per line) and print the candidates for analyst review')
    .option('--model <file>', 'a domain model file instead of the shipped one')
    .option('--threshold <score>', 'score from which a name becomes a candidate', parseThreshold)
    .action(async (options: DomainOptions) => {
      const scorer = scorerFrom(options);
      const seen = new Set<string>();
      for await (const { lineNumber, name } of stdinNames()) {
        const clean = name.toLowerCase().replace(/^\*\./, '');
        if (seen.has(clean)) continue;
        // Feeds repeat names; remember a bounded number so that a long feed runs in bounded memory.
        if (seen.size >= WATCH_MEMORY) seen.clear();
        seen.add(clean);
        const result = scorer.score(clean);
        if (result.verdict === 'suspicious') await writeLine({ line: lineNumber, ...result });
      }
    });
}

/** Writes one NDJSON line; when the pipe is full, waits for it to drain (constant memory on long input). */
async function writeLine(value: unknown): Promise<void> {
  if (!process.stdout.write(`${JSON.stringify(value)}\n`)) await once(process.stdout, 'drain');
}
