/**
 * Spreadsheet import of cases and footprints (xlsx or CSV): every row is checked first (cells, units,
 * footprints, references already used), and only a file without a single error is written, all its
 * cases in one transaction. Errors name the row and column as the officer's spreadsheet shows them.
 */
import type { Context } from '../../context.js';
import { AppError, type FieldError } from '../../errors.js';
import type { UnitRow } from '../../store/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { notifyChanges } from '../intel/index.js';
import { prepareFootprints, type PreparedFootprint } from './footprints.js';
import { createCaseIn, owningUnit, refTakenAsConflict } from './service.js';
import { cellField } from './sheet-columns.js';
import { sheetProblem } from './sheet-problems.js';
import { readCsv, readXlsx } from './sheet-read.js';
import { groupCases, type ParsedCase } from './spreadsheet.js';
import { findExternalRefs } from './store.js';

export const MAX_IMPORT_ROWS = 10_000;
const MAX_REPORTED_ERRORS = 1_000;

export type ImportFormat = 'xlsx' | 'csv';

export interface CaseImportResult {
  created: number;
  footprints: number;
  cases: Array<{ ref: string; id: string; footprints: number }>;
}

export async function importCases(
  ctx: Context,
  actor: Actor,
  format: ImportFormat,
  data: Buffer,
): Promise<CaseImportResult> {
  authorize(actor, 'cases.write');
  const sheet = format === 'xlsx' ? await readXlsx(data) : readCsv(data);
  if (sheet.rows.length > MAX_IMPORT_ROWS)
    throw new AppError('payload_too_large', `at most ${MAX_IMPORT_ROWS} rows per file; split it`);
  const { cases, errors } = groupCases(sheet.rows);
  errors.unshift(...sheet.errors);
  if (sheet.rows.length === 0 && errors.length === 0) errors.push(sheetProblem('/rows/2', 'sheet_no_rows'));
  const ready = await checkCases(ctx, actor, cases, errors);
  if (errors.length)
    throw new AppError(
      'validation_failed',
      `${errors.length} problems in the file; nothing was imported`,
      sortByRow(errors).slice(0, MAX_REPORTED_ERRORS),
    );
  const now = ctx.clock.now();
  const created = await ctx.db
    .transaction()
    .execute(async (tx) => {
      const out: CaseImportResult['cases'] = [];
      for (const { parsed, unit, footprints } of ready) {
        const id = await createCaseIn(
          ctx,
          tx,
          actor,
          unit,
          {
            externalRef: parsed.ref,
            fraudType: parsed.fraudType,
            victim: parsed.victim,
            amountLost: parsed.amountLost,
            occurredAt: parsed.occurredAt,
            reportedAt: parsed.reportedAt,
            narrative: parsed.narrative,
          },
          footprints,
          now,
        );
        out.push({ ref: parsed.ref, id, footprints: footprints.length });
      }
      await recordAudit(
        tx,
        actor,
        {
          action: 'case.import',
          recordType: 'case',
          detail: { format, cases: out.length, rows: sheet.rows.length },
        },
        now,
      );
      return out;
    })
    .catch(refTakenAsConflict);
  await notifyChanges(ctx);
  return {
    created: created.length,
    footprints: created.reduce((sum, c) => sum + c.footprints, 0),
    cases: created,
  };
}

interface ReadyCase {
  parsed: ParsedCase;
  unit: UnitRow;
  footprints: PreparedFootprint[];
}

/** Resolves units (in the actor's subtree), normalises footprints and refuses references already used. */
async function checkCases(
  ctx: Context,
  actor: Actor,
  cases: ParsedCase[],
  errors: FieldError[],
): Promise<ReadyCase[]> {
  const units = new Map<string, UnitRow | null>();
  const ready: ReadyCase[] = [];
  for (const parsed of cases) {
    const code = parsed.unitCode ?? '';
    if (!units.has(code))
      units.set(code, await owningUnit(ctx, actor, parsed.unitCode).catch(notFoundAsNull));
    const unit = units.get(code)!;
    if (!unit) {
      errors.push(
        sheetProblem(cellField(parsed.row, 'unitCode'), 'unit_not_in_subtree', {
          value: parsed.unitCode ?? '',
        }),
      );
      continue;
    }
    const prepared = prepareFootprints(parsed.footprints, (index) => ({
      field: cellField(parsed.footprints[index]!.row, 'footprintValue'),
      name: `the footprint of row ${parsed.footprints[index]!.row}`,
    }));
    errors.push(...prepared.errors);
    ready.push({ parsed, unit, footprints: prepared.footprints });
  }
  const byUnit = new Map<string, ReadyCase[]>();
  for (const item of ready) byUnit.set(item.unit.code, [...(byUnit.get(item.unit.code) ?? []), item]);
  for (const [unitCode, items] of byUnit) {
    const used = new Set(
      await findExternalRefs(
        ctx.db,
        unitCode,
        items.map((item) => item.parsed.ref),
      ),
    );
    for (const item of items)
      if (used.has(item.parsed.ref))
        errors.push(
          sheetProblem(cellField(item.parsed.row, 'ref'), 'ref_taken', {
            unit: unitCode,
            value: item.parsed.ref,
          }),
        );
  }
  return ready;
}

const rowOf = (error: FieldError) => Number(/^\/rows\/(\d+)/.exec(error.field)?.[1] ?? 0);
const sortByRow = (errors: FieldError[]) => [...errors].sort((a, b) => rowOf(a) - rowOf(b));
const notFoundAsNull = (error: unknown): null => {
  if (error instanceof AppError && error.status === 404) return null;
  throw error;
};
