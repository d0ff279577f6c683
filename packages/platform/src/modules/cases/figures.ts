/**
 * Counts of cases for other modules' figures (special operations): cases solved (破案) within a window
 * under a unit's subtree, by the time of their 破案 transition; money frozen on their accounts, by the
 * time of the freeze. Read-only; no actor: the caller has
 * already decided which subtree its figures cover.
 */
import { sql } from 'kysely';
import type { Context } from '../../context.js';

export interface SolvedCaseFilter {
  /** Materialised path of the unit whose subtree counts ('' for the province). */
  unitPath: string;
  /** 破案 at or after `from` and before `to`. */
  from: Date;
  to: Date;
  /** Only these fraud types (all when empty or absent). */
  fraudTypes?: readonly string[];
}

export async function countSolvedCases(ctx: Context, filter: SolvedCaseFilter): Promise<number> {
  let query = ctx.db
    .selectFrom('cases')
    .innerJoin('units', 'units.code', 'cases.unit_code')
    .where('units.path', 'like', `${filter.unitPath}%`)
    .where('cases.status', '=', 'solved')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_transitions')
          .select('case_transitions.id')
          .whereRef('case_transitions.case_id', '=', 'cases.id')
          .where('case_transitions.to_status', '=', 'solved')
          .where('case_transitions.at', '>=', filter.from)
          .where('case_transitions.at', '<', filter.to),
      ),
    );
  if (filter.fraudTypes?.length) query = query.where('cases.fraud_type', 'in', [...filter.fraudTypes]);
  const row = await query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Yuan frozen (freezes.ts) at or after `from` and before `to` on the active account footprints of the
 * cases under the unit's subtree (of the fraud types, when given). A case withdrawn as a mistake has
 * no active footprints left, so its freezes stop counting.
 */
export async function sumFrozenMoney(ctx: Context, filter: SolvedCaseFilter): Promise<number> {
  let query = ctx.db
    .selectFrom('case_account_freezes as z')
    .innerJoin('case_footprints as f', 'f.id', 'z.footprint_id')
    .innerJoin('cases', 'cases.id', 'z.case_id')
    .innerJoin('units', 'units.code', 'cases.unit_code')
    .where('units.path', 'like', `${filter.unitPath}%`)
    .where('f.status', '=', 'active')
    .where('z.frozen_at', '>=', filter.from)
    .where('z.frozen_at', '<', filter.to);
  if (filter.fraudTypes?.length) query = query.where('cases.fraud_type', 'in', [...filter.fraudTypes]);
  const row = await query
    .select(sql<string>`coalesce(sum(z.amount), 0)`.as('yuan'))
    .executeTakeFirstOrThrow();
  return Number(row.yuan);
}
