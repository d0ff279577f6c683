/**
 * Small gradient-boosted regression trees for binary log-loss over a few dense features, with
 * per-feature contributions by path attribution: every node stores the value the model would give if
 * it stopped there, so walking a tree from its root to a leaf credits each split's change of value to
 * the feature it tested (Saabas attribution, "TreeSHAP-lite"). The contributions of all trees plus the
 * base value add up exactly to the trees' logit.
 *
 * Training is deterministic: quantile bins from sorted values, depth-wise growth, ties broken by
 * feature order then bin; no random sampling.
 */

/** One tree in flat arrays; node 0 is the root. A leaf has `feature` -1. */
export interface BoostedTree {
  /** Feature index tested at each node (-1 for a leaf). */
  readonly feature: Int32Array;
  /** Split: go left when x <= threshold. */
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Logit the tree gives at that node (leaf value for leaves, the expected value for inner nodes). */
  readonly value: Float64Array;
}

export interface TreeEnsemble {
  readonly trees: readonly BoostedTree[];
}

export interface TreeTrainingOptions {
  readonly rounds: number;
  readonly depth: number;
  readonly learningRate: number;
  /** L2 penalty on leaf values (in Hessian units). */
  readonly lambda: number;
  /** A split needs at least this Hessian sum on each side. */
  readonly minChildWeight: number;
  /** Quantile bins per feature. */
  readonly bins: number;
}

/** Adds each tree's root-to-leaf value changes to `out` by feature; returns the trees' total logit. */
export function treeLogit(ensemble: TreeEnsemble, x: ArrayLike<number>, out?: Float64Array): number {
  let total = 0;
  for (const tree of ensemble.trees) {
    let node = 0;
    total += tree.value[0]!;
    while (tree.feature[node]! >= 0) {
      const f = tree.feature[node]!;
      const next = x[f]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
      if (out) out[f] = out[f]! + tree.value[next]! - tree.value[node]!;
      node = next;
    }
    if (!out) total += tree.value[node]! - tree.value[0]!;
  }
  if (out) for (const v of out) total += v;
  return total;
}

/** Cut points for one feature: up to bins-1 distinct values at the quantiles of its sorted values. */
function cutPoints(values: Float64Array, bins: number): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const cuts: number[] = [];
  for (let b = 1; b < bins; b++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((b * sorted.length) / bins))]!;
    // A cut at v sends v left; keep it only if something lies above it.
    if ((cuts.length === 0 || v > cuts[cuts.length - 1]!) && v < sorted[sorted.length - 1]!) cuts.push(v);
  }
  return Float64Array.from(cuts);
}

/**
 * Fits `rounds` trees to labels `y` (0/1) on rows `columns[f][i]`, starting from the per-row logit
 * `offset` (the part of the model fixed before the trees).
 */
export function trainTrees(
  columns: readonly Float64Array[],
  y: Uint8Array,
  offset: Float64Array,
  options: TreeTrainingOptions,
): TreeEnsemble {
  const n = y.length;
  const k = columns.length;
  const cuts = columns.map((c) => cutPoints(c, options.bins));
  const binned = columns.map((c, f) => {
    const b = new Uint8Array(n);
    const cf = cuts[f]!;
    for (let i = 0; i < n; i++) {
      let lo = 0;
      let hi = cf.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cf[mid]! < c[i]!) lo = mid + 1;
        else hi = mid;
      }
      b[i] = lo;
    }
    return b;
  });
  const margin = Float64Array.from(offset);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: BoostedTree[] = [];
  const { lambda, minChildWeight, learningRate } = options;
  const maxBins = options.bins;
  const histG = new Float64Array(maxBins);
  const histH = new Float64Array(maxBins);
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-margin[i]!));
      g[i] = p - y[i]!;
      h[i] = Math.max(p * (1 - p), 1e-12);
    }
    const feature: number[] = [];
    const threshold: number[] = [];
    const left: number[] = [];
    const right: number[] = [];
    const value: number[] = [];
    const newNode = (rows: Int32Array): number => {
      let sg = 0;
      let sh = 0;
      for (const i of rows) {
        sg += g[i]!;
        sh += h[i]!;
      }
      feature.push(-1);
      threshold.push(0);
      left.push(-1);
      right.push(-1);
      value.push((-sg / (sh + lambda)) * learningRate);
      return value.length - 1;
    };
    let level: Array<{ node: number; rows: Int32Array }> = [
      {
        node: newNode(Int32Array.from({ length: n }, (_, i) => i)),
        rows: Int32Array.from({ length: n }, (_, i) => i),
      },
    ];
    for (let depth = 0; depth < options.depth; depth++) {
      const next: typeof level = [];
      for (const { node, rows } of level) {
        let sg = 0;
        let sh = 0;
        for (const i of rows) {
          sg += g[i]!;
          sh += h[i]!;
        }
        const parentScore = (sg * sg) / (sh + lambda);
        let bestGain = 1e-9;
        let bestF = -1;
        let bestBin = -1;
        for (let f = 0; f < k; f++) {
          const nb = cuts[f]!.length + 1;
          if (nb < 2) continue;
          histG.fill(0, 0, nb);
          histH.fill(0, 0, nb);
          const bf = binned[f]!;
          for (const i of rows) {
            const b = bf[i]!;
            histG[b] = histG[b]! + g[i]!;
            histH[b] = histH[b]! + h[i]!;
          }
          let lg = 0;
          let lh = 0;
          for (let b = 0; b < nb - 1; b++) {
            lg += histG[b]!;
            lh += histH[b]!;
            const rh = sh - lh;
            if (lh < minChildWeight || rh < minChildWeight) continue;
            const rg = sg - lg;
            const gain = (lg * lg) / (lh + lambda) + (rg * rg) / (rh + lambda) - parentScore;
            if (gain > bestGain) {
              bestGain = gain;
              bestF = f;
              bestBin = b;
            }
          }
        }
        if (bestF < 0) continue;
        const bf = binned[bestF]!;
        const leftRows = rows.filter((i) => bf[i]! <= bestBin);
        const rightRows = rows.filter((i) => bf[i]! > bestBin);
        feature[node] = bestF;
        threshold[node] = cuts[bestF]![bestBin]!;
        left[node] = newNode(leftRows);
        right[node] = newNode(rightRows);
        next.push({ node: left[node], rows: leftRows }, { node: right[node], rows: rightRows });
      }
      level = next;
      if (level.length === 0) break;
    }
    const tree: BoostedTree = {
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      value: Float64Array.from(value),
    };
    trees.push(tree);
    const row = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < k; f++) row[f] = columns[f]![i]!;
      margin[i] = margin[i]! + treeLogit({ trees: [tree] }, row);
    }
  }
  return { trees };
}
