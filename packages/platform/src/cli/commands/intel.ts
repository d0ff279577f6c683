/** `fanzha import`, `fanzha export`: intelligence lists in and out of the store, from the shell. */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { systemActor } from '../../modules/auth/index.js';
import {
  createList,
  exportList,
  IMPORT_FORMATS,
  LIST_KINDS,
  listLists,
  runImport,
  type ImportFormat,
  type ListKind,
} from '../../modules/intel/index.js';
import { seedProvince } from '../../modules/org/index.js';
import { withStore } from '../store-session.js';
import { importProgressView } from './import-progress.js';

function checkFormat(format: string): ImportFormat {
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError(
      'invalid_argument',
      `unknown format ${format}; formats are ${IMPORT_FORMATS.join(', ')}`,
    );
  }
  return format as ImportFormat;
}

export function registerIntel(program: Command): void {
  const lists = program.command('lists').description('intelligence lists');
  lists
    .command('add')
    .description('create a list')
    .requiredOption('--name <name>', 'machine name, e.g. case-numbers')
    .requiredOption('--kind <kind>', `what it holds: ${LIST_KINDS.join(', ')}`)
    .option('--action <action>', 'default action of its entries: block, mark or allow', 'block')
    .option('--title <title>', 'name shown in the console (defaults to the name)')
    .action(async (options: { name: string; kind: string; action: string; title?: string }) => {
      if (!(LIST_KINDS as readonly string[]).includes(options.kind))
        throw new AppError(
          'invalid_argument',
          `unknown kind ${options.kind}; kinds are ${LIST_KINDS.join(', ')}`,
        );
      if (!['block', 'mark', 'allow'].includes(options.action))
        throw new AppError(
          'invalid_argument',
          `unknown action ${options.action}; actions are block, mark, allow`,
        );
      await withStore(async (ctx) => {
        await seedProvince(ctx);
        const list = await createList(ctx, systemActor('cli'), {
          name: options.name,
          title: options.title ?? options.name,
          kind: options.kind as ListKind,
          defaultAction: options.action as 'block',
        });
        console.log(`created list ${list.name} (${list.kind}, ${list.defaultAction})`);
      });
    });
  lists
    .command('show')
    .description('print the lists with their entry counts')
    .action(async () => {
      await withStore(async (ctx) => {
        for (const list of await listLists(ctx, systemActor('cli')))
          console.log(`${list.name}\t${list.kind}\t${list.defaultAction}\t${list.entryCount}\t${list.title}`);
      });
    });

  program
    .command('import')
    .description(
      'import a CSV, NDJSON or STIX 2.1 file into a list: all or nothing, every bad row reported by line',
    )
    .requiredOption('--list <name>', 'the list to import into')
    .requiredOption('--format <format>', `file format: ${IMPORT_FORMATS.join(', ')}`)
    .argument('<file>', 'the file, or - for standard input')
    .option('--quiet', 'no progress (a bar on a terminal, otherwise a line every 5 s)')
    .action(async (file: string, options: { list: string; format: string; quiet?: boolean }) => {
      const format = checkFormat(options.format);
      const fromStdin = file === '-';
      const totalBytes = fromStdin ? null : statSync(file).size;
      const view = importProgressView({ quiet: options.quiet === true, totalBytes });
      const outcome = await withStore((ctx) =>
        runImport(ctx, systemActor('cli'), {
          list: options.list,
          format,
          input: fromStdin ? process.stdin : createReadStream(file),
          totalBytes,
          onProgress: (progress) => view.update(progress),
        }),
      ).finally(() => view.stop());
      for (const error of outcome.errors) process.stderr.write(`line ${error.line}: ${error.reason}\n`);
      if (outcome.errorCount > outcome.errors.length)
        process.stderr.write(`… and ${outcome.errorCount - outcome.errors.length} more bad rows\n`);
      console.log(outcome.message);
      if (outcome.status !== 'succeeded') process.exitCode = 1;
    });

  program
    .command('export')
    .description('export a list as CSV, NDJSON or a STIX 2.1 bundle')
    .requiredOption('--list <name>', 'the list to export')
    .option('--format <format>', `file format: ${IMPORT_FORMATS.join(', ')}`, 'csv')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (options: { list: string; format: string; out?: string }) => {
      const format = checkFormat(options.format);
      await withStore(async (ctx) => {
        const chunks = Readable.from(exportList(ctx, systemActor('cli'), options.list, format));
        await pipeline(chunks, options.out ? createWriteStream(options.out) : process.stdout);
      });
    });
}
