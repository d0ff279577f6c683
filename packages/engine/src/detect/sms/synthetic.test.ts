import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRAUD_TYPES } from '../fraud-types.js';
import { mulberry32 } from '../random.js';
import { generateRealisticEvalSet, REALISTIC_EVAL_TEMPLATES } from './fixtures/realistic-eval-templates.js';
import { generateSyntheticTrainingSet, SYNTHETIC_TRAIN_TEMPLATES } from './synthetic-train-templates.js';
import { expandTemplate, generateSms } from './synthetic.js';

const realisticFile = new URL('./fixtures/realistic-short-sms.jsonl', import.meta.url);

describe('template expansion', () => {
  it('fills alternatives and slots, nested ones too, the same way for the same seed', () => {
    const slots = { who: ['{name}先生'], name: ['王', '李'] };
    const a = expandTemplate('[您好|你好]，{who}', slots, mulberry32(1));
    expect(a).toMatch(/^(您好|你好)，(王|李)先生$/);
    expect(expandTemplate('[您好|你好]，{who}', slots, mulberry32(1))).toBe(a);
  });

  it('refuses an unknown slot or a template it cannot finish', () => {
    expect(() => expandTemplate('{nope}', {}, mulberry32(1))).toThrow(/unknown template slot \{nope\}/);
    expect(() => expandTemplate('[a|b', {}, mulberry32(1))).toThrow(/left unexpanded/);
  });

  it('drops duplicates and keeps template order', () => {
    const out = generateSms(
      [{ label: 'normal', fraudType: null, templates: ['好的', '[收到|好]'] }],
      {},
      {
        perTemplate: 5,
        seed: 3,
      },
    );
    expect(out[0]!.text).toBe('好的');
    expect(new Set(out.map((e) => e.text)).size).toBe(out.length);
  });
});

describe('the realistic short-SMS set', () => {
  const rows = readFileSync(realisticFile, 'utf8')
    .trim()
    .split('\n')
    .map(
      (line) => JSON.parse(line) as { text: string; label: string; fraudType: string | null; source: string },
    );

  it('is exactly what the evaluation templates generate (npm run train:sms writes it)', () => {
    expect(rows.map(({ text, label, fraudType }) => ({ text, label, fraudType }))).toEqual(
      generateRealisticEvalSet(),
    );
    for (const row of rows) expect(row.source).toBe('fanzha-eval-templates');
  });

  it('covers every fraud type, advertising and ordinary messages, in short texts', () => {
    const types = new Set(rows.filter((r) => r.label === 'fraud').map((r) => r.fraudType));
    expect([...types].sort()).toEqual([...FRAUD_TYPES].sort());
    expect(rows.filter((r) => r.label === 'spam').length).toBeGreaterThanOrEqual(40);
    expect(rows.filter((r) => r.label === 'normal').length).toBeGreaterThanOrEqual(90);
    const lengths = rows.map((r) => r.text.length).sort((a, b) => a - b);
    expect(lengths[Math.floor(lengths.length / 2)]!).toBeLessThan(60);
  });

  it('shares no template and no message with the training templates', () => {
    const train = new Set(SYNTHETIC_TRAIN_TEMPLATES.flatMap((g) => g.templates));
    for (const template of REALISTIC_EVAL_TEMPLATES.flatMap((g) => g.templates))
      expect(train.has(template)).toBe(false);
    const trainTexts = new Set(generateSyntheticTrainingSet().map((e) => e.text));
    expect(rows.filter((r) => trainTexts.has(r.text))).toEqual([]);
  });
});
