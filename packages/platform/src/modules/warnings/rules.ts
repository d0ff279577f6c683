/**
 * The correlation rules as stored data: every version of every rule in `warning_rules` (the live one of
 * an id is its highest version), seeded from the engine's shipped defaults, changed only by adding a
 * version. Validation is the engine's (`parseRules`); its issues become 400 problems naming the field.
 */
import { readFileSync } from 'node:fs';
import { parseRules, readDefaultRules, RuleValidationError, type CorrelationRule } from '@fanzha/engine';
import { sql } from 'kysely';
import type { Context } from '../../context.js';
import { AppError, type FieldError } from '../../errors.js';
import type { WarningRuleRow } from '../../store/warnings-schema.js';
import { recordAudit } from '../audit/index.js';
import { actorName } from '../auth/actor.js';
import { authorize, type Actor } from '../auth/index.js';
import type { Db } from './store.js';

export interface StoredRule extends CorrelationRule {
  createdAt: string;
  createdBy: string | null;
}

export interface RuleWithVersions extends StoredRule {
  /** Every version, newest first (the first is the rule itself). */
  versions: StoredRule[];
}

const bodyOf = (row: WarningRuleRow): CorrelationRule =>
  (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as CorrelationRule;

const toStored = (row: WarningRuleRow): StoredRule => ({
  ...bodyOf(row),
  id: row.id,
  version: row.version,
  createdAt: new Date(row.created_at).toISOString(),
  createdBy: row.created_by,
});

/** Every stored version of every rule. */
export async function loadAllRules(db: Db): Promise<CorrelationRule[]> {
  const rows = await db.selectFrom('warning_rules').selectAll().orderBy('id').orderBy('version').execute();
  return rows.map((row) => ({ ...bodyOf(row), id: row.id, version: row.version }));
}

/** The shipped default rules, read once. */
export function shippedRules(): CorrelationRule[] {
  return readDefaultRules((url) => readFileSync(url, 'utf8'));
}

const SHIPPED_BY = 'fanzha (shipped rules)';

/**
 * Stores the shipped rules the store does not have yet: a rule id it has never seen (a fresh store gets
 * them all), or a newer shipped version of a rule whose live version is still a shipped one — an upgrade
 * of fanzha brings its rule fixes into existing stores. A rule an analyst has changed keeps the analyst's
 * version live: an upgrade never overrides a local decision. Safe when several instances start at once.
 */
export async function seedDefaultRules(db: Db, now: Date, rules = shippedRules()): Promise<number> {
  if (rules.length === 0) return 0;
  const live = new Map<string, { version: number; shipped: boolean }>();
  const rows = await db
    .selectFrom('warning_rules')
    .select(['id', 'version', 'created_by'])
    .orderBy('id')
    .orderBy('version')
    .execute();
  for (const row of rows) live.set(row.id, { version: row.version, shipped: row.created_by === SHIPPED_BY });
  const wanted = rules.filter((rule) => {
    const stored = live.get(rule.id);
    return !stored || (stored.shipped && rule.version > stored.version);
  });
  if (wanted.length === 0) return 0;
  const inserted = await db
    .insertInto('warning_rules')
    .values(
      wanted.map((rule) => ({
        id: rule.id,
        version: rule.version,
        body: JSON.stringify(rule),
        created_by: SHIPPED_BY,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

export async function listRules(ctx: Context, actor: Actor): Promise<{ items: RuleWithVersions[] }> {
  authorize(actor, 'warnings.read');
  const rows = await ctx.db
    .selectFrom('warning_rules')
    .selectAll()
    .orderBy('id')
    .orderBy('version', 'desc')
    .execute();
  const byId = new Map<string, StoredRule[]>();
  for (const row of rows) {
    const versions = byId.get(row.id) ?? [];
    versions.push(toStored(row));
    byId.set(row.id, versions);
  }
  return { items: [...byId.values()].map((versions) => ({ ...versions[0]!, versions })) };
}

/** `steps[1].kinds[0]` → `/steps/1/kinds/0`, as the API's other field errors. */
const pointer = (field: string): string =>
  field === ''
    ? '/'
    : `/${field
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .filter(Boolean)
        .join('/')}`;

/** Engine validation → a 400 naming each field (under `prefix`, e.g. `/rules`). */
export function parseRulesOrFail(
  json: unknown,
  fieldOf: (rule: string, field: string) => string,
): CorrelationRule[] {
  try {
    return parseRules(json);
  } catch (error) {
    if (!(error instanceof RuleValidationError)) throw error;
    const errors: FieldError[] = error.issues.map((issue) => ({
      field: fieldOf(issue.rule, issue.field),
      message: issue.message,
    }));
    throw new AppError('validation_failed', error.message, errors);
  }
}

/** Rules are the province's: only analysts of the provincial center change them. */
function authorizeRuleChange(ctx: Context, actor: Actor): void {
  authorize(actor, 'rules.manage');
  if (actor.type === 'user' && actor.unitCode !== `${ctx.config.provinceCode}0000`)
    throw new AppError('forbidden', 'correlation rules are changed by the provincial center');
}

/** Adds a version of rule `id` (the highest so far + 1) and returns it; the caller puts it live. */
export async function putRule(
  ctx: Context,
  actor: Actor,
  id: string,
  body: Record<string, unknown>,
): Promise<StoredRule> {
  authorizeRuleChange(ctx, actor);
  if (body.id !== undefined && body.id !== id)
    throw new AppError('validation_failed', 'the body names another rule', [
      { field: '/id', message: `must be ${id} (the rule of the path) or left out` },
    ]);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    // One writer at a time per rule: the next version number is read and taken under the lock.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`warning_rule:${id}`}))`.execute(tx);
    const latest = await tx
      .selectFrom('warning_rules')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('id', '=', id)
      .executeTakeFirst();
    const version = Number(latest?.version ?? 0) + 1;
    const [rule] = parseRulesOrFail([{ ...body, id, version }], (_rule, field) => pointer(field));
    const row = await tx
      .insertInto('warning_rules')
      .values({
        id,
        version,
        body: JSON.stringify(rule),
        created_by: actorName(actor),
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      actor,
      {
        action: 'warning_rule.put',
        recordType: 'warning_rule',
        recordId: `${id}@${version}`,
        detail: { id, version, enabled: rule!.enabled, level: rule!.level },
      },
      now,
    );
    return toStored(row);
  });
}
