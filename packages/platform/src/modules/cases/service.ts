/**
 * Cases (案件): intake with footprints, the paged and scoped list, one case with its footprints and
 * their intel entries, and the audited reveal of the victim's and suspects' personal data. A case
 * belongs to a unit; an actor sees and changes the cases of its subtree only (others are 404).
 * Footprint changes and the status flow are in `changes.ts`; footprints reach the lists through
 * `footprints.ts`, never by writing intel tables here.
 */
import { ACCOUNT_KINDS } from '@fanzha/engine';
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';
import type { UnitRow } from '../../store/schema.js';
import { recordAudit } from '../audit/index.js';
import { actorName, type Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { notifyChanges } from '../intel/index.js';
import { getUnit } from '../org/index.js';
import { FOOTPRINT_KINDS, normalizeFootprint } from './footprint-kinds.js';
import { addFootprintsIn, prepareFootprints, type PreparedFootprint } from './footprints.js';
import type { CaseCreateBody, CaseDetail, CaseQuery } from './schemas.js';
import {
  findCase,
  findCases,
  findExternalRefs,
  findFootprints,
  findSuspects,
  findTransitions,
  insertCase,
  insertSuspects,
  insertTransition,
  isExternalRefTaken,
  nextCaseSerial,
  type CaseListRow,
  type Db,
} from './store.js';
import { toCaseDetail, toCaseSummary } from './views.js';

/** The unit a new case belongs to: the one named (in the actor's subtree) or the actor's own. */
export async function owningUnit(ctx: Context, actor: Actor, unitCode?: string): Promise<UnitRow> {
  const code = unitCode ?? (actor.type === 'system' ? `${ctx.config.provinceCode}0000` : actor.unitCode);
  return getUnit(ctx, actor, code);
}

/** `A` + unit code + year and month (China time) + a six-digit serial: A320102202611000042. */
export function caseNumber(unitCode: string, now: Date, serial: number): string {
  const month = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7).replace('-', '');
  return `A${unitCode}${month}${String(serial).padStart(6, '0')}`;
}

export async function createCase(ctx: Context, actor: Actor, input: CaseCreateBody): Promise<CaseDetail> {
  authorize(actor, 'cases.write');
  const unit = await owningUnit(ctx, actor, input.unitCode);
  const { footprints, errors } = prepareFootprints(input.footprints);
  if (errors.length)
    throw new AppError(
      'validation_failed',
      `${errors.length} of ${input.footprints.length} footprints are not valid; nothing was saved`,
      errors,
    );
  if (input.externalRef && (await findExternalRefs(ctx.db, unit.code, [input.externalRef.trim()])).length)
    throw new AppError(
      'conflict',
      `unit ${unit.code} already has a case with the reference ${input.externalRef}`,
    );
  const now = ctx.clock.now();
  const id = await ctx.db
    .transaction()
    .execute((tx) => createCaseIn(ctx, tx, actor, unit, input, footprints, now))
    .catch(refTakenAsConflict);
  await notifyChanges(ctx);
  return getCase(ctx, actor, id);
}

/** Writes one case with its suspects, intake transition, footprints and their entries; returns its number. */
export async function createCaseIn(
  ctx: Context,
  tx: Db,
  actor: Actor,
  unit: UnitRow,
  input: Omit<CaseCreateBody, 'footprints' | 'unitCode'>,
  footprints: PreparedFootprint[],
  now: Date,
): Promise<string> {
  const id = caseNumber(unit.code, now, await nextCaseSerial(tx));
  const created = await insertCase(tx, {
    id,
    unit_code: unit.code,
    external_ref: input.externalRef?.trim() || null,
    fraud_type: input.fraudType,
    victim_name: input.victim.name.trim(),
    victim_phone: input.victim.phone?.trim() || null,
    victim_id_number: input.victim.idNumber?.trim().toUpperCase() || null,
    amount_lost: input.amountLost,
    occurred_at: input.occurredAt ?? null,
    reported_at: input.reportedAt ?? now,
    timeline: JSON.stringify(input.timeline ?? []),
    narrative: input.narrative?.trim() ?? '',
    warning_id: input.warningId?.trim() || null,
    created_by: actorName(actor),
    created_at: now,
    updated_at: now,
  });
  await insertSuspects(
    tx,
    (input.suspects ?? []).map((suspect) => ({
      case_id: id,
      name: suspect.name?.trim() || null,
      id_number: suspect.idNumber?.trim().toUpperCase() || null,
      phone: suspect.phone?.trim() || null,
      note: suspect.note?.trim() || null,
      created_at: now,
    })),
  );
  await insertTransition(tx, {
    case_id: id,
    from_status: null,
    to_status: 'accepted',
    cause: null,
    reason: null,
    actor: actorName(actor),
    actor_unit_code: actor.type === 'system' ? null : actor.unitCode,
    at: now,
  });
  await addFootprintsIn(ctx, tx, actor, created, footprints, now);
  await recordAudit(
    tx,
    actor,
    {
      action: 'case.create',
      recordType: 'case',
      recordId: id,
      detail: { unit: unit.code, fraudType: input.fraudType, footprints: footprints.length },
    },
    now,
  );
  return id;
}

/** The case if the actor's subtree holds it; 404 otherwise, so cases of other units do not leak. */
export async function getCaseRow(
  ctx: Context,
  actor: Actor,
  id: string,
  db: Db = ctx.db,
): Promise<CaseListRow> {
  const row = /^[A-Za-z0-9-]{1,64}$/.test(id) ? await findCase(db, actor.unitPath, id) : undefined;
  if (!row) throw new AppError('not_found', `no case ${id} in your part of the org tree`);
  return row;
}

export async function getCase(ctx: Context, actor: Actor, id: string): Promise<CaseDetail> {
  authorize(actor, 'cases.read');
  const row = await getCaseRow(ctx, actor, id);
  const [footprints, suspects, transitions] = await Promise.all([
    findFootprints(ctx.db, row.id),
    findSuspects(ctx.db, row.id),
    findTransitions(ctx.db, row.id),
  ]);
  return toCaseDetail(row, { footprints, suspects, transitions });
}

export async function listCases(ctx: Context, actor: Actor, query: CaseQuery) {
  authorize(actor, 'cases.read');
  const unitPath = query.unitCode ? (await getUnit(ctx, actor, query.unitCode)).path : undefined;
  const q = query.q?.trim();
  const { rows, total } = await findCases(ctx.db, actor.unitPath, {
    status: query.status,
    fraudType: query.fraudType,
    warningId: query.warningId,
    unitPath,
    idPrefix: q || undefined,
    footprintValues: q ? footprintValuesOf(q) : undefined,
    reportedFrom: query.from ? new Date(query.from) : undefined,
    reportedBefore: query.to ? new Date(query.to) : undefined,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(toCaseSummary), total, page: query.page, pageSize: query.pageSize };
}

/** Every normalised form a searched text takes as a footprint of any kind, so "138 1234 5678" finds +8613812345678. */
function footprintValuesOf(q: string): string[] {
  const values = new Set<string>([q]);
  for (const kind of FOOTPRINT_KINDS) {
    for (const accountKind of kind === 'account' ? ACCOUNT_KINDS : [undefined]) {
      const normalized = normalizeFootprint(kind, q, accountKind);
      if (normalized.ok) values.add(normalized.value);
    }
  }
  return [...values];
}

/** The full names, phones and ID numbers of a case, for an officer who gives a reason; every reveal is audited. */
export async function revealCase(ctx: Context, actor: Actor, id: string, reason: string, ip: string | null) {
  authorize(actor, 'cases.reveal');
  if (reason.trim().length < 2)
    throw new AppError('validation_failed', 'a reason is required', [
      { field: '/reason', message: 'must not be empty' },
    ]);
  const row = await getCaseRow(ctx, actor, id);
  const suspects = await findSuspects(ctx.db, row.id);
  await recordAudit(
    ctx.db,
    actor,
    {
      action: 'personal_data.reveal',
      recordType: 'case',
      recordId: row.id,
      reason: reason.trim(),
      ip,
      detail: { fields: ['victim', ...(suspects.length ? ['suspects'] : [])] },
    },
    ctx.clock.now(),
  );
  return {
    victim: { name: row.victim_name, phone: row.victim_phone, idNumber: row.victim_id_number },
    suspects: suspects.map((s) => ({
      id: String(s.id),
      name: s.name,
      phone: s.phone,
      idNumber: s.id_number,
    })),
  };
}

/** A unique-reference violation (a concurrent request took it) as the 409 the check before would give. */
export function refTakenAsConflict(error: unknown): never {
  if (isExternalRefTaken(error))
    throw new AppError('conflict', 'the officer reference was just taken by another case of the unit');
  throw error;
}
