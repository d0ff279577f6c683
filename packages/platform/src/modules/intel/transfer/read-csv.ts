/** Streams CSV rows (header line required) as import rows; malformed lines become errors, not a stop. */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { CSV_COLUMNS, recordToInput, type ImportRow } from './records.js';

export async function* readCsv(input: Readable): AsyncGenerator<ImportRow> {
  const skipped: ImportRow[] = [];
  let headerError: string | null = null;
  const parser = input.pipe(
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim().toLowerCase());
        const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
        if (!names.includes('value'))
          headerError = `the header has no "value" column (columns: ${CSV_COLUMNS.join(', ')})`;
        else if (unknown.length)
          headerError = `unknown column ${unknown.map((u) => `"${u}"`).join(', ')} (columns: ${CSV_COLUMNS.join(', ')})`;
        return names;
      },
    }),
  );
  // pipe() does not pass a broken upload on: end the parse with the upload's error.
  input.on('error', (error) => parser.destroy(error));
  parser.on('skip', (error: Error & { lines?: number }) => {
    skipped.push({
      line: error.lines ?? 0,
      error: `malformed CSV: ${error.message.replace(/^Invalid Record Length: /, '')}`,
    });
  });
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    if (headerError) {
      yield { line: 1, error: headerError };
      input.destroy();
      return;
    }
    while (skipped.length) yield skipped.shift()!;
    const result = recordToInput(record);
    yield 'input' in result
      ? { line: info.lines, input: result.input }
      : { line: info.lines, error: result.error };
  }
  if (headerError) yield { line: 1, error: headerError };
  while (skipped.length) yield skipped.shift()!;
}
