/**
 * Validation of correlation rules given as JSON (the rules file, the store, a backtest request):
 * every problem is reported with the rule (id, or its position) and the field, and nothing partly
 * valid is returned.
 */
import { FRAUD_TYPES, isFraudType, type FraudType } from '../detect/fraud-types.js';
import { unknownPlaceholders } from './reason.js';
import {
  EVENT_KINDS,
  WARNING_LEVELS,
  type CorrelationRule,
  type EventKind,
  type SignalCondition,
  type WarningLevel,
} from './types.js';

/** Bounds a rule must respect (a week-long window or dozens of steps would be a mistake, not a rule). */
export const RULE_LIMITS = {
  idPattern: /^[a-z0-9][a-z0-9_.-]{0,63}$/,
  maxNameLength: 200,
  maxWindowMinutes: 7 * 24 * 60,
  maxSteps: 8,
} as const;

export interface RuleIssue {
  /** The rule's id, or `#<index>` when it has no usable id. */
  rule: string;
  /** Path of the field inside the rule, e.g. `steps[1].kinds[0]`; empty for the rule itself. */
  field: string;
  message: string;
}

export class RuleValidationError extends Error {
  constructor(readonly issues: readonly RuleIssue[]) {
    super(
      `invalid correlation rules: ${issues
        .map((i) => `rule ${i.rule}${i.field ? ` field ${i.field}` : ''}: ${i.message}`)
        .join('; ')}`,
    );
    this.name = 'RuleValidationError';
  }
}

const RULE_FIELDS = new Set([
  'id',
  'version',
  'name',
  'description',
  'level',
  'fraudType',
  'windowMinutes',
  'ordered',
  'steps',
  'sameFraudType',
  'enabled',
  'reason',
]);
const CONDITION_FIELDS = new Set([
  'kinds',
  'listed',
  'fraudTypes',
  'lists',
  'minAmount',
  'minDurationSeconds',
]);

type Report = (field: string, message: string) => void;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownFields(
  value: Record<string, unknown>,
  known: ReadonlySet<string>,
  prefix: string,
  report: Report,
) {
  for (const key of Object.keys(value)) if (!known.has(key)) report(`${prefix}${key}`, 'unknown field');
}

function nonNegative(value: unknown, field: string, report: Report): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    report(field, 'must be a number ≥ 0');
    return undefined;
  }
  return value;
}

/** A non-empty array of distinct values each accepted by `accept`. */
function listOf<T extends string>(
  value: unknown,
  field: string,
  report: Report,
  accept: (item: string) => item is T,
  what: string,
): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    report(field, `must be a non-empty array of ${what}`);
    return undefined;
  }
  const items: T[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item === 'string' && accept(item)) items.push(item);
    else report(`${field}[${i}]`, `${JSON.stringify(item)} is not ${what}`);
  });
  return items.length === value.length ? [...new Set(items)] : undefined;
}

const isEventKind = (value: string): value is EventKind => (EVENT_KINDS as readonly string[]).includes(value);
const isListName = (value: string): value is string => value.trim() !== '' && value.length <= 100;

function parseCondition(value: unknown, prefix: string, report: Report): SignalCondition | null {
  if (!isObject(value)) {
    report(prefix, 'must be an object (a signal condition)');
    return null;
  }
  unknownFields(value, CONDITION_FIELDS, `${prefix}.`, report);
  if (!Object.keys(value).some((key) => CONDITION_FIELDS.has(key)))
    report(
      prefix,
      'must test at least one of kinds, listed, fraudTypes, lists, minAmount, minDurationSeconds',
    );
  const condition: {
    -readonly [K in keyof SignalCondition]: SignalCondition[K];
  } = {};
  const kinds = listOf(
    value.kinds,
    `${prefix}.kinds`,
    report,
    isEventKind,
    `an event kind (${EVENT_KINDS.join(', ')})`,
  );
  if (kinds) condition.kinds = kinds;
  if (value.listed !== undefined) {
    if (typeof value.listed === 'boolean' || value.listed === 'block' || value.listed === 'mark')
      condition.listed = value.listed;
    else report(`${prefix}.listed`, 'must be true, false, "block" or "mark"');
  }
  const fraudTypes = listOf(
    value.fraudTypes,
    `${prefix}.fraudTypes`,
    report,
    isFraudType,
    `a fraud type (${FRAUD_TYPES.join(', ')})`,
  );
  if (fraudTypes) condition.fraudTypes = fraudTypes;
  const lists = listOf(value.lists, `${prefix}.lists`, report, isListName, 'a list name');
  if (lists) condition.lists = lists;
  const minAmount = nonNegative(value.minAmount, `${prefix}.minAmount`, report);
  if (minAmount !== undefined) condition.minAmount = minAmount;
  const minDuration = nonNegative(value.minDurationSeconds, `${prefix}.minDurationSeconds`, report);
  if (minDuration !== undefined) condition.minDurationSeconds = minDuration;
  return condition;
}

function requiredString(value: unknown, field: string, report: Report, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    report(field, `must be a non-empty string of at most ${maxLength} characters`);
    return '';
  }
  return value;
}

function parseRule(value: unknown, index: number, issues: RuleIssue[]): CorrelationRule | null {
  const label =
    isObject(value) && typeof value.id === 'string' && value.id !== ''
      ? JSON.stringify(value.id)
      : `#${index}`;
  const before = issues.length;
  const report: Report = (field, message) => issues.push({ rule: label, field, message });
  if (!isObject(value)) {
    report('', 'must be an object');
    return null;
  }
  unknownFields(value, RULE_FIELDS, '', report);
  if (typeof value.id !== 'string' || !RULE_LIMITS.idPattern.test(value.id))
    report(
      'id',
      'must be 1–64 characters: lower-case letters, digits, "_", "-", "." (starting with a letter or digit)',
    );
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1)
    report('version', 'must be a whole number ≥ 1');
  const name = requiredString(value.name, 'name', report, RULE_LIMITS.maxNameLength);
  if (value.description !== undefined && typeof value.description !== 'string')
    report('description', 'must be a string');
  if (!(WARNING_LEVELS as readonly unknown[]).includes(value.level))
    report('level', `must be one of ${WARNING_LEVELS.join(', ')}`);
  if (value.fraudType !== null && !(typeof value.fraudType === 'string' && isFraudType(value.fraudType)))
    report('fraudType', `must be null or one of ${FRAUD_TYPES.join(', ')}`);
  const window = value.windowMinutes;
  if (
    typeof window !== 'number' ||
    !Number.isFinite(window) ||
    window <= 0 ||
    window > RULE_LIMITS.maxWindowMinutes
  )
    report(
      'windowMinutes',
      `must be a number of minutes above 0 and at most ${RULE_LIMITS.maxWindowMinutes}`,
    );
  if (typeof value.ordered !== 'boolean') report('ordered', 'must be true or false');
  if (typeof value.enabled !== 'boolean') report('enabled', 'must be true or false');
  if (value.sameFraudType !== undefined && typeof value.sameFraudType !== 'boolean')
    report('sameFraudType', 'must be true or false');
  let steps: SignalCondition[] = [];
  if (!Array.isArray(value.steps) || value.steps.length === 0 || value.steps.length > RULE_LIMITS.maxSteps)
    report('steps', `must be an array of 1 to ${RULE_LIMITS.maxSteps} signal conditions`);
  else steps = value.steps.map((step: unknown, i) => parseCondition(step, `steps[${i}]`, report) ?? {});
  if (value.reason !== undefined) {
    const reason = requiredString(value.reason, 'reason', report, 500);
    const unknown = unknownPlaceholders(reason);
    if (unknown.length > 0)
      report('reason', `unknown placeholders: ${unknown.map((n) => `{${n}}`).join(', ')}`);
  }
  if (issues.length > before) return null;
  return {
    id: value.id as string,
    version: value.version as number,
    name,
    ...(typeof value.description === 'string' ? { description: value.description } : {}),
    level: value.level as WarningLevel,
    fraudType: value.fraudType as FraudType | null,
    windowMinutes: window as number,
    ordered: value.ordered as boolean,
    steps,
    ...(typeof value.sameFraudType === 'boolean' ? { sameFraudType: value.sameFraudType } : {}),
    enabled: value.enabled as boolean,
    ...(typeof value.reason === 'string' ? { reason: value.reason } : {}),
  };
}

/**
 * Correlation rules from JSON: an array of rules, or an object `{rules: [...]}` (the rules file).
 * Throws a `RuleValidationError` listing every problem, each with its rule and field; a rule id may
 * appear in several versions, but each (id, version) once.
 */
export function parseRules(json: unknown): CorrelationRule[] {
  const list = isObject(json) && 'rules' in json ? json.rules : json;
  if (!Array.isArray(list))
    throw new RuleValidationError([
      { rule: '(all)', field: '', message: 'expected an array of rules or {"rules": [...]}' },
    ]);
  const issues: RuleIssue[] = [];
  const rules = list.map((value: unknown, i) => parseRule(value, i, issues));
  const seen = new Set<string>();
  for (const rule of rules) {
    if (rule === null) continue;
    const key = `${rule.id}@${rule.version}`;
    if (seen.has(key))
      issues.push({
        rule: JSON.stringify(rule.id),
        field: 'version',
        message: `version ${rule.version} appears twice`,
      });
    seen.add(key);
  }
  if (issues.length > 0) throw new RuleValidationError(issues);
  return rules as CorrelationRule[];
}
