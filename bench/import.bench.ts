/**
 * import.rows: rows per second through `runImport` of a CSV of mobile numbers into an empty list —
 * read, checked, normalised, staged and merged into `intel_entries` in one transaction, the path of
 * `fanzha import` and of the console's import. The baseline is the same rows read and normalised
 * without storing them (the CSV reader and `prepareEntries`), so the ratio is the share of the
 * import's time that is not the store's.
 *
 * The CSV is generated as it is read (never held in memory). 200,000 rows by default, so that the
 * suite stays short; `FANZHA_BENCH_IMPORT_ROWS` sets another size (docs/performance.md, "Imports",
 * has the 10-million-row run of the CLI). Wall time: the store (PGlite in-process, or the
 * PostgreSQL server with DATABASE_URL, a schema of its own) does most of the work.
 */
import { Readable } from 'node:stream';
import { systemActor } from '../packages/platform/src/modules/auth/index.js';
import { createList, prepareEntries, runImport } from '../packages/platform/src/modules/intel/index.js';
import { readCsv } from '../packages/platform/src/modules/intel/transfer/read-csv.js';
import { seedProvince } from '../packages/platform/src/modules/org/index.js';
import { createTestStore } from '../packages/platform/src/test-support/index.js';
import { rate, registerBenchmark, type BenchContext } from './registry.js';

const ROWS = Number(process.env.FANZHA_BENCH_IMPORT_ROWS ?? 200_000);
const PREFIXES = ['138', '139', '150', '186', '177', '135', '158', '189', '131', '199'];

/** `value,source_kind,source_id` rows of distinct mobile numbers, made a thousand at a time. */
function generatedCsv(rows: number): Readable {
  function* chunks() {
    yield 'value,source_kind,source_id\n';
    for (let i = 0; i < rows; i += 1_000) {
      let chunk = '';
      for (let j = i; j < Math.min(rows, i + 1_000); j++)
        chunk += `${PREFIXES[j % 10]}${String(Math.floor(j / 10)).padStart(8, '0')},case,C-${j % 1_000}\n`;
      yield chunk;
    }
  }
  return Readable.from(chunks());
}

async function run(context: BenchContext): Promise<void> {
  const base = await createTestStore();
  try {
    await seedProvince(base.ctx);
    const actor = systemActor('bench');
    const list = await createList(base.ctx, actor, {
      name: 'bench-numbers',
      title: '基准号码',
      kind: 'number',
      defaultAction: 'block',
    });
    const listRow = await base.ctx.db
      .selectFrom('intel_lists')
      .selectAll()
      .where('id', '=', list.id)
      .executeTakeFirstOrThrow();

    context.log(`import.rows: reading and normalising ${ROWS.toLocaleString('en')} rows (baseline)…`);
    let started = performance.now();
    let good = 0;
    const now = new Date();
    for await (const row of readCsv(generatedCsv(ROWS))) {
      if ('input' in row) good += prepareEntries(listRow, [row.input], actor, now, row.line).rows.length;
    }
    const baselineSeconds = (performance.now() - started) / 1000;
    if (good !== ROWS) throw new Error(`the baseline read ${good} good rows of ${ROWS}`);

    context.log(`import.rows: importing them into ${base.store.backend}…`);
    started = performance.now();
    const outcome = await runImport(base.ctx, actor, {
      list: 'bench-numbers',
      format: 'csv',
      input: generatedCsv(ROWS),
    });
    const seconds = (performance.now() - started) / 1000;
    if (outcome.status !== 'succeeded' || outcome.added !== ROWS)
      throw new Error(`the import did not store the ${ROWS} rows: ${outcome.message}`);
    context.report(
      rate(
        'import.rows',
        ROWS / seconds,
        `rows/s (${ROWS.toLocaleString('en')} CSV rows into ${base.store.backend}, wall time)`,
        'the same rows read and normalised, not stored',
        ROWS / baselineSeconds,
      ),
    );
  } finally {
    await base.close();
  }
}

registerBenchmark({
  names: ['import.rows'],
  description: 'rows/s of a CSV import into a list (all or nothing, one transaction)',
  run,
});
