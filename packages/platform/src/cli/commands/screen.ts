/**
 * `fanzha screen`: screens items from standard input against the store's lists, locally — the same
 * I/O as `POST /api/v1/screen/batch`: a JSON array in gives a JSON array out, NDJSON in gives NDJSON out.
 */
import type { Command } from 'commander';
import { createSmsTextScorer, IntelFollower, toApiVerdict } from '../../modules/screening/index.js';
import type { ScreenItem } from '@fanzha/engine';
import { withStore } from '../store-session.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

export function registerScreen(program: Command): void {
  program
    .command('screen')
    .description(
      'screen items ({kind, value}) from stdin against the lists: a JSON array or NDJSON, answered in the same order and format',
    )
    .action(async () => {
      const text = await readAll(process.stdin);
      const trimmed = text.trimStart();
      const asArray = trimmed.startsWith('[');
      let items: unknown[];
      if (asArray) {
        items = JSON.parse(trimmed) as unknown[];
      } else {
        items = text
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => {
            try {
              return JSON.parse(line) as unknown;
            } catch {
              return null;
            }
          });
      }
      await withStore(async (ctx) => {
        const textScorer = createSmsTextScorer({
          mark: ctx.config.smsMarkThreshold,
          block: ctx.config.smsBlockThreshold,
        });
        const follower = new IntelFollower(ctx.db, { textScorer });
        await follower.loadSnapshot();
        const now = Date.now();
        const verdicts = items.map((item) => toApiVerdict(follower.screener.screen(item as ScreenItem, now)));
        process.stdout.write(
          asArray ? `${JSON.stringify(verdicts)}\n` : verdicts.map((v) => `${JSON.stringify(v)}\n`).join(''),
        );
      });
    });
}
