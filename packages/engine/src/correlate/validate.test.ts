import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDefaultRules } from './default-rules.js';
import { buildRule } from './test-factories.js';
import { parseRules, RuleValidationError, type RuleIssue } from './validate.js';

function issuesOf(json: unknown): readonly RuleIssue[] {
  try {
    parseRules(json);
  } catch (error) {
    if (error instanceof RuleValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a RuleValidationError');
}

describe('parseRules', () => {
  it('accepts an array of rules and the {rules} file form, and returns them equal', () => {
    const rule = buildRule({ description: 'why', sameFraudType: false });
    expect(parseRules([rule])).toEqual([rule]);
    expect(parseRules({ $comment: 'x', rules: [rule] })).toEqual([rule]);
  });

  it('names the rule and the field of each problem', () => {
    const issues = issuesOf([
      buildRule(),
      {
        ...buildRule({ id: 'bad-rule' }),
        level: 'purple',
        windowMinutes: 0,
        steps: [{ kinds: ['call', 'fax'] }, {}, { listed: 'maybe', minAmount: -1, colour: 'red' }],
        reason: '{minutes} 分钟 {victimName}',
      },
    ]);
    expect(issues).toEqual([
      { rule: '"bad-rule"', field: 'level', message: 'must be one of red, orange, yellow' },
      { rule: '"bad-rule"', field: 'windowMinutes', message: expect.stringContaining('above 0') },
      {
        rule: '"bad-rule"',
        field: 'steps[0].kinds[1]',
        message: expect.stringContaining('"fax" is not an event kind'),
      },
      { rule: '"bad-rule"', field: 'steps[1]', message: expect.stringContaining('at least one of') },
      { rule: '"bad-rule"', field: 'steps[2].colour', message: 'unknown field' },
      { rule: '"bad-rule"', field: 'steps[2].listed', message: 'must be true, false, "block" or "mark"' },
      { rule: '"bad-rule"', field: 'steps[2].minAmount', message: 'must be a number ≥ 0' },
      { rule: '"bad-rule"', field: 'reason', message: 'unknown placeholders: {victimName}' },
    ]);
  });

  it('names a rule without a usable id by its position, and says so in the message', () => {
    const error = (() => {
      try {
        parseRules([buildRule(), { ...buildRule(), id: 'Has Spaces', version: 0, fraudType: 'lottery' }]);
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error?.message).toContain('rule "Has Spaces" field id');
    expect(error?.message).toContain('field version: must be a whole number ≥ 1');
    expect(issuesOf([42])).toEqual([{ rule: '#0', field: '', message: 'must be an object' }]);
  });

  it('rejects the same id and version twice but accepts several versions of one id', () => {
    expect(parseRules([buildRule(), buildRule({ version: 2 })])).toHaveLength(2);
    expect(issuesOf([buildRule(), buildRule()])).toEqual([
      { rule: '"police-call-then-web"', field: 'version', message: 'version 1 appears twice' },
    ]);
  });

  it('rejects what is not a list of rules', () => {
    expect(issuesOf('rules')[0]?.message).toContain('expected an array');
  });
});

describe('readDefaultRules', () => {
  const rules = readDefaultRules((url) => readFileSync(url, 'utf8'));

  it('reads valid rules with unique ids, each with a zh-CN reason template', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) expect(rule.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has red, orange and yellow rules', () => {
    expect(new Set(rules.map((r) => r.level))).toEqual(new Set(['red', 'orange', 'yellow']));
  });
});
