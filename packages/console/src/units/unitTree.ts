import type { Unit } from '../api/types';

// Pure helpers that turn the flat /api/v1/units list into a tree and filter it. No React here.

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/**
 * Builds the forest from a flat list. Units whose parent is not in the list (the caller's own unit,
 * whose parent is outside their subtree) become roots. Order within a parent follows the input.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.code, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentCode === null ? undefined : nodes.get(node.unit.parentCode);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function unitMatches(unit: Unit, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return unit.name.toLowerCase().includes(q) || unit.code.startsWith(q);
}

/**
 * Keeps the nodes that match and the path down to them. A matching unit keeps its whole subtree, so
 * searching a city shows its counties.
 */
export function filterUnitTree(roots: readonly UnitNode[], query: string): UnitNode[] {
  if (!query.trim()) return [...roots];
  const visit = (node: UnitNode): UnitNode | null => {
    if (unitMatches(node.unit, query)) return node;
    const children = node.children.map(visit).filter((child): child is UnitNode => child !== null);
    return children.length > 0 ? { unit: node.unit, children } : null;
  };
  return roots.map(visit).filter((node): node is UnitNode => node !== null);
}

/** Codes of every node that has children: what to expand to show all search results. */
export function branchCodes(roots: readonly UnitNode[]): string[] {
  const codes: string[] = [];
  const walk = (node: UnitNode) => {
    if (node.children.length === 0) return;
    codes.push(node.unit.code);
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  return codes;
}

/** Codes down to the given depth (1 = the roots), for the initial expansion. */
export function codesToDepth(roots: readonly UnitNode[], depth: number): string[] {
  const codes: string[] = [];
  const walk = (node: UnitNode, level: number) => {
    if (level > depth || node.children.length === 0) return;
    codes.push(node.unit.code);
    node.children.forEach((child) => walk(child, level + 1));
  };
  roots.forEach((root) => walk(root, 1));
  return codes;
}

export function countUnits(roots: readonly UnitNode[]): number {
  return roots.reduce((sum, node) => sum + 1 + countUnits(node.children), 0);
}
