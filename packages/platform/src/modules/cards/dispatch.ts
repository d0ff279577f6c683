/**
 * Dispatching a unit's key targets as clues in one step (through modules/clues' `dispatchClues`, in
 * one transaction with the record of who went where), and the progress of what was dispatched: per
 * unit, targets dispatched, clues answered, targets caught and persons caught, from the clues' feedback.
 */
import type { Context } from '../../context.js';
import { AppError, type FieldError } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { actorName, type Actor } from '../auth/actor.js';
import { authorize } from '../auth/policy.js';
import { cluesFromSource, dispatchClues, type ClueEntityInput, type NewClue } from '../clues/index.js';
import { getUnit } from '../org/index.js';
import { maskIdNumber, maskName } from '../personal-data/index.js';
import type { UnitRow } from '../../store/schema.js';
import { defaultUnit } from './groups.js';
import type { Reason } from './scoring.js';
import { escapeLike, type Db } from './store.js';
import { rankTargets, type RankedTarget } from './targets.js';
import type { GroupBy } from './targets-store.js';

export const CLUE_SOURCE_KIND = 'card_target';

export interface DispatchInput {
  unit?: string;
  by: GroupBy;
  /** The persons to dispatch (from the ranked list); all undispatched key targets when absent. */
  personIds?: string[];
  minScore?: number;
  deadlineAt: string;
  priority?: NewClue['priority'];
  operationId?: string;
}

export interface DispatchResult {
  dispatched: { personId: string; clueId: string; unitCode: string }[];
  skipped: { personId: string; reason: 'already_dispatched' | 'no_unit_below' }[];
}

export async function dispatchTargets(
  ctx: Context,
  actor: Actor,
  input: DispatchInput,
): Promise<DispatchResult> {
  authorize(actor, 'cards.dispatch');
  const unit = await getUnit(ctx, actor, input.unit ?? defaultUnit(ctx, actor));
  const sender = await getUnit(ctx, actor, defaultUnit(ctx, actor));
  const ranked = await rankTargets(ctx, actor, unit, input.by, input.minScore);
  const chosen = chooseTargets(ranked, input.personIds);
  const skipped: DispatchResult['skipped'] = [];
  const ready: RankedTarget[] = [];
  const units = await unitPaths(
    ctx.db,
    chosen.map((target) => target.unitCode),
  );
  for (const target of chosen) {
    const path = units.get(target.unitCode);
    if (target.row.clue_id) skipped.push({ personId: target.row.id, reason: 'already_dispatched' });
    else if (!path || !isStrictlyBelow(path, sender))
      skipped.push({ personId: target.row.id, reason: 'no_unit_below' });
    else ready.push(target);
  }
  if (ready.length === 0) return { dispatched: [], skipped };
  const entities = await entitiesOf(
    ctx.db,
    ready.map((target) => target.row.id),
  );
  const now = ctx.clock.now();
  const dispatched = await ctx.db.transaction().execute(async (tx) => {
    const clues = await dispatchClues(
      ctx,
      actor,
      ready.map((target) => clueOf(target, input, entities.get(target.row.id) ?? [])),
      tx,
    );
    const rows = ready.map((target, index) => ({
      person_id: target.row.id,
      clue_id: clues[index]!.id,
      from_unit_code: sender.code,
      target_unit_code: target.unitCode,
      score: target.score,
      reasons: JSON.stringify(target.reasons),
      dispatched_by: actorName(actor),
      dispatched_at: now,
    }));
    const inserted = await tx
      .insertInto('card_target_dispatches')
      .values(rows)
      .onConflict((oc) => oc.column('person_id').doNothing())
      .returning('person_id')
      .execute();
    if (inserted.length !== rows.length)
      throw new AppError(
        'conflict',
        'some of these targets were dispatched meanwhile; nothing was dispatched',
      );
    await recordAudit(
      tx,
      actor,
      {
        action: 'cards.dispatch',
        recordType: 'card_targets',
        recordId: unit.code,
        detail: { by: input.by, persons: rows.length, clues: rows.map((row) => row.clue_id) },
      },
      now,
    );
    return rows.map((row) => ({
      personId: row.person_id,
      clueId: row.clue_id,
      unitCode: row.target_unit_code,
    }));
  });
  return { dispatched, skipped };
}

function chooseTargets(ranked: RankedTarget[], personIds?: string[]): RankedTarget[] {
  if (!personIds) return ranked;
  const byId = new Map(ranked.map((target) => [target.row.id, target]));
  const errors: FieldError[] = personIds.flatMap((id, index) =>
    byId.has(id) ? [] : [{ field: `/personIds/${index}`, message: `${id} is not a key target of this unit` }],
  );
  if (errors.length) throw new AppError('validation_failed', 'some persons are not key targets here', errors);
  return [...new Set(personIds)].map((id) => byId.get(id)!);
}

const isStrictlyBelow = (path: string, sender: UnitRow) =>
  path.startsWith(sender.path) && path !== sender.path;

async function unitPaths(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['code', 'path'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((row) => [row.code, row.path]));
}

const REASON_LABELS: Record<string, string> = {
  cards_sold: '贩卖/出租卡',
  cases_touched: '涉及案件',
  money_passed: '涉案资金（元）',
  repeat_seller: '多次开卡贩卡',
  chain_organiser: '组织开办',
  chain_escort: '带队开卡',
  chain_buyer: '收购',
  chain_seller: '贩卖',
  chain_courier: '邮寄',
};

function clueOf(target: RankedTarget, input: DispatchInput, entities: ClueEntityInput[]): NewClue {
  const { row } = target;
  const reasons = target.reasons.map(
    (reason: Reason) => `${REASON_LABELS[reason.code] ?? reason.code}: ${reason.value}`,
  );
  return {
    targetUnitCode: target.unitCode,
    title: `两卡重点对象 ${maskName(row.name)}（${maskIdNumber(row.id_number)}）`,
    content: [`评分 ${target.score}`, ...reasons].join('\n'),
    priority: input.priority ?? 'normal',
    deadlineAt: input.deadlineAt,
    ...(input.operationId ? { operationId: input.operationId } : {}),
    source: { kind: CLUE_SOURCE_KIND, id: row.id },
    entities: [personEntity(row.id_number, row.name), ...entities].slice(0, 100),
  };
}

/** The person himself: the receiving unit needs his full identity to find him (the clue goes to that unit only). */
const personEntity = (idNumber: string, name: string): ClueEntityInput => ({
  kind: 'person',
  value: idNumber,
  label: name,
});

/** The cards and cases of each person, as clue entities the receiving unit can act on. */
async function entitiesOf(db: Db, personIds: string[]): Promise<Map<string, ClueEntityInput[]>> {
  const cards = await db
    .selectFrom('involved_cards')
    .select(['holder_id', 'kind', 'number'])
    .where('holder_id', 'in', personIds)
    .orderBy('number')
    .execute();
  const cases = await db
    .selectFrom('card_case_touches as t')
    .innerJoin('involved_cards as c', 'c.id', 't.card_id')
    .select(['c.holder_id', 't.case_id'])
    .distinct()
    .where('c.holder_id', 'in', personIds)
    .where('t.active', '=', true)
    .orderBy('t.case_id')
    .execute();
  const result = new Map<string, ClueEntityInput[]>();
  const add = (personId: string | null, entity: ClueEntityInput) => {
    if (!personId) return;
    const list = result.get(personId) ?? [];
    list.push(entity);
    result.set(personId, list);
  };
  for (const card of cards)
    add(card.holder_id, {
      kind: card.kind === 'sim' ? ('number' as const) : ('account' as const),
      value: card.number,
      label: CARD_LABELS[card.kind],
    });
  for (const touch of cases)
    add(touch.holder_id, { kind: 'case' as const, value: touch.case_id, label: '涉及案件' });
  return result;
}

const CARD_LABELS: Record<string, string> = {
  bank_card: '银行卡',
  corporate_account: '对公账户',
  payment_account: '支付账户',
  sim: '电话卡',
};

export interface ProgressRow {
  unit: { code: string; name: string; level: string; parentCode: string | null };
  dispatched: number;
  answered: number;
  caughtTargets: number;
  caughtPersons: number;
  notFound: number;
  overdue: number;
}

const noProgress = (): Omit<ProgressRow, 'unit'> => ({
  dispatched: 0,
  answered: 0,
  caughtTargets: 0,
  caughtPersons: 0,
  notFound: 0,
  overdue: 0,
});

/**
 * Per unit of the subtree (its own clues and its children's rolled up), the key targets dispatched
 * and what their clues came back with. The clue's current holder counts (after a 不属本辖区 transfer,
 * the unit that works it). Reads the clues through the clues module's `cluesFromSource`; nothing is
 * written.
 */
export async function dispatchProgress(ctx: Context, actor: Actor, query: { unit?: string }) {
  authorize(actor, 'cards.read');
  const unit = await getUnit(ctx, actor, query.unit ?? defaultUnit(ctx, actor));
  const clues = await cluesFromSource(ctx, { sourceKind: CLUE_SOURCE_KIND, underPath: unit.path });
  const direct = new Map<string, Omit<ProgressRow, 'unit'>>();
  for (const clue of clues) {
    const row = direct.get(clue.unit.code) ?? noProgress();
    row.dispatched += 1;
    if (clue.status === 'done') row.answered += 1;
    if (clue.result === 'caught') {
      row.caughtTargets += 1;
      row.caughtPersons += clue.caughtCount;
    }
    if (clue.result === 'not_found') row.notFound += 1;
    if (clue.overdue) row.overdue += 1;
    direct.set(clue.unit.code, row);
  }
  const units = await ctx.db
    .selectFrom('units')
    .select(['code', 'name', 'level', 'parent_code', 'path'])
    .where('path', 'like', `${escapeLike(unit.path)}%`)
    .orderBy('path')
    .execute();
  const rows = new Map<string, ProgressRow & { path: string }>(
    units.map((u) => [
      u.code,
      {
        path: u.path,
        unit: { code: u.code, name: u.name, level: u.level, parentCode: u.parent_code },
        ...noProgress(),
      },
    ]),
  );
  const byCode = new Map(units.map((u) => [u.code, u]));
  for (const [holder, count] of direct) {
    // Roll each unit's own figures up to every ancestor within the subtree.
    for (let code: string | null = holder; code; code = byCode.get(code)?.parent_code ?? null) {
      const row = rows.get(code);
      if (!row) break;
      row.dispatched += count.dispatched;
      row.answered += count.answered;
      row.caughtTargets += count.caughtTargets;
      row.caughtPersons += count.caughtPersons;
      row.notFound += count.notFound;
      row.overdue += count.overdue;
      if (code === unit.code) break;
    }
  }
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    items: [...rows.values()].filter((row) => row.dispatched > 0).map(({ path: _path, ...row }) => row),
  };
}
