import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random.js';
import { CharLm } from './char-lm.js';
import { trainTrees, treeLogit } from './trees.js';

/** x0 decides the label above 0.6, x1 is noise, x2 adds when x0 is low (an interaction). */
function synthetic(n: number, seed: number) {
  const random = mulberry32(seed);
  const columns = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (const c of columns) c[i] = random();
    y[i] = columns[0]![i]! > 0.6 || (columns[0]![i]! < 0.2 && columns[2]![i]! > 0.5) ? 1 : 0;
  }
  return { columns, y };
}

const options = { rounds: 30, depth: 3, learningRate: 0.3, lambda: 1, minChildWeight: 1, bins: 32 };

describe('trainTrees', () => {
  const { columns, y } = synthetic(2000, 1);
  const ensemble = trainTrees(columns, y, new Float64Array(y.length), options);

  it('learns a rule with an interaction', () => {
    const test = synthetic(500, 2);
    let right = 0;
    for (let i = 0; i < 500; i++) {
      const z = treeLogit(ensemble, [test.columns[0]![i]!, test.columns[1]![i]!, test.columns[2]![i]!]);
      if (z > 0 === (test.y[i] === 1)) right++;
    }
    expect(right / 500).toBeGreaterThan(0.95);
  });

  it('splits the logit over features exactly, and credits the noise feature least', () => {
    const totals = new Float64Array(3);
    for (const x of [
      [0.9, 0.5, 0.1],
      [0.1, 0.5, 0.9],
      [0.4, 0.2, 0.7],
    ]) {
      const out = new Float64Array(3);
      const z = treeLogit(ensemble, x, out);
      const base = ensemble.trees.reduce((s, t) => s + t.value[0]!, 0);
      expect(base + out[0]! + out[1]! + out[2]!).toBeCloseTo(z, 9);
      expect(treeLogit(ensemble, x)).toBeCloseTo(z, 9);
      out.forEach((v, f) => (totals[f] = totals[f]! + Math.abs(v)));
    }
    expect(totals[1]).toBeLessThan(totals[0]!);
    expect(totals[1]).toBeLessThan(totals[2]!);
  });

  it('is deterministic', () => {
    const again = trainTrees(columns, y, new Float64Array(y.length), options);
    expect(again.trees.map((t) => Array.from(t.value))).toEqual(
      ensemble.trees.map((t) => Array.from(t.value)),
    );
  });
});

describe('CharLm', () => {
  const lm = new CharLm(3);
  for (const name of ['lufax', 'ludashi', 'luobo', 'lunwen', 'luojilab', 'lufangjia']) lm.add(name);

  it('finds names like its training names more likely than random letters', () => {
    expect(lm.logProb('lufa').mean).toBeGreaterThan(lm.logProb('xqzkv').mean);
    expect(lm.logProb('xqzkv').min).toBeLessThan(lm.logProb('lufa').min);
  });

  it('reads the same from its file, and drops rare long contexts', () => {
    const file = lm.toFile(1);
    expect(new CharLm(file.order, file.counts).logProb('luobo')).toEqual(lm.logProb('luobo'));
    const pruned = lm.toFile(2);
    expect(Object.keys(pruned.counts).length).toBeLessThan(Object.keys(file.counts).length);
    // Single characters and one-character contexts are always kept.
    expect(pruned.counts['|x']).toBe(1);
    expect(pruned.counts['^^|l']).toBe(6);
  });
});
