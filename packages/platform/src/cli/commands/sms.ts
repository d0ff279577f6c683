/**
 * `fanzha sms classify`: classifies SMS texts as fraud, advertising (spam) or normal. Reads NDJSON
 * `{"text": …}` lines from stdin and prints one JSON line per input line, in order, as it goes (never
 * buffering the whole input). A line that is not such an object gets an error line naming it; the
 * run goes on. Pure engine work: no store, no network.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createSmsClassifier, readShippedSmsModel, type SmsModelFile } from '@fanzha/engine';
import type { Command } from 'commander';

export function registerSms(program: Command): void {
  const sms = program.command('sms').description('fraud SMS text detection');
  sms
    .command('classify')
    .description('classify NDJSON {"text": …} lines from stdin: {label, score, fraudType, evidence} per line')
    .option('--model <file>', 'an SMS model file instead of the shipped one')
    .action(async (options: { model?: string }) => {
      const model = options.model
        ? (JSON.parse(readFileSync(options.model, 'utf8')) as SmsModelFile)
        : readShippedSmsModel((url) => readFileSync(url, 'utf8'));
      const classifier = createSmsClassifier(model);
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      let lineNumber = 0;
      for await (const line of lines) {
        lineNumber++;
        if (line.trim() === '') continue;
        const text = parseTextLine(line);
        if (typeof text !== 'string') {
          await writeLine({ line: lineNumber, error: text.error });
          continue;
        }
        const { label, score, fraudType, evidence } = classifier.classify(text);
        await writeLine({ label, score: Number(score.toFixed(4)), fraudType, evidence });
      }
    });
}

function parseTextLine(line: string): string | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || typeof (value as { text?: unknown }).text !== 'string') {
    return { error: 'expected an object with a string "text"' };
  }
  return (value as { text: string }).text;
}

/** Writes one NDJSON line; when the pipe is full, waits for it to drain (constant memory on long input). */
async function writeLine(value: unknown): Promise<void> {
  if (!process.stdout.write(`${JSON.stringify(value)}\n`)) await once(process.stdout, 'drain');
}
