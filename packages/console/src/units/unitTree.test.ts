import { describe, expect, it } from 'vitest';
import type { Unit } from '../api/types';
import { branchCodes, buildUnitTree, codesToDepth, countUnits, filterUnitTree } from './unitTree';

const unit = (code: string, name: string, level: Unit['level'], parentCode: string | null): Unit => ({
  code,
  name,
  level,
  parentCode,
});

const jiangsu = [
  unit('320000', '江苏省', 'province', null),
  unit('320100', '南京市', 'city', '320000'),
  unit('320102', '玄武区', 'county', '320100'),
  unit('320104', '秦淮区', 'county', '320100'),
  unit('320500', '苏州市', 'city', '320000'),
  unit('320505', '虎丘区', 'county', '320500'),
];

const names = (nodes: ReturnType<typeof buildUnitTree>): unknown =>
  nodes.map((node) => (node.children.length ? { [node.unit.name]: names(node.children) } : node.unit.name));

describe('buildUnitTree', () => {
  it('nests children under their parents in input order', () => {
    expect(names(buildUnitTree(jiangsu))).toEqual([
      { 江苏省: [{ 南京市: ['玄武区', '秦淮区'] }, { 苏州市: ['虎丘区'] }] },
    ]);
  });

  it('makes the caller’s own unit a root when its parent is outside the list', () => {
    expect(names(buildUnitTree(jiangsu.slice(1, 4)))).toEqual([{ 南京市: ['玄武区', '秦淮区'] }]);
  });

  it('returns an empty forest for an empty list', () => {
    expect(buildUnitTree([])).toEqual([]);
  });
});

describe('filterUnitTree', () => {
  const tree = buildUnitTree(jiangsu);

  it('keeps matches and the path down to them', () => {
    expect(names(filterUnitTree(tree, '玄武'))).toEqual([{ 江苏省: [{ 南京市: ['玄武区'] }] }]);
  });

  it('matches codes by prefix and keeps the whole subtree of a match', () => {
    expect(names(filterUnitTree(tree, '3205'))).toEqual([{ 江苏省: [{ 苏州市: ['虎丘区'] }] }]);
  });

  it('returns nothing when nothing matches and everything for a blank query', () => {
    expect(filterUnitTree(tree, '北京')).toEqual([]);
    expect(countUnits(filterUnitTree(tree, '  '))).toBe(6);
  });
});

describe('expansion helpers', () => {
  const tree = buildUnitTree(jiangsu);

  it('lists every branch', () => {
    expect(branchCodes(tree)).toEqual(['320000', '320100', '320500']);
  });

  it('lists branches down to a depth', () => {
    expect(codesToDepth(tree, 1)).toEqual(['320000']);
    expect(codesToDepth(tree, 2)).toEqual(['320000', '320100', '320500']);
  });
});
