/**
 * Character n-gram language models of domain names (the registrable label), one trained on benign
 * names and one on scam names: how ordinary a name reads among Chinese sites' names (pinyin, their
 * usual English words) and whether it reads more like the scam names (their words, their families of
 * near-identical names, random letters). Interpolated estimates: each order mixes its own count with
 * the lower order by tot / (tot + K). Counts seen fewer than `minCount` times (for contexts of two or
 * more characters) are dropped to keep the model small; context totals are sums of the kept counts,
 * so the model is exactly what its file holds.
 */
const K = 5;
const UNIFORM = 1 / 40;

export interface CharLmFile {
  readonly order: number;
  /** "context|char" → count, for contexts of 0..order-1 characters (^ pads the start, $ ends). */
  readonly counts: Readonly<Record<string, number>>;
}

export class CharLm {
  private readonly counts = new Map<string, number>();

  constructor(
    readonly order: number,
    counts?: Readonly<Record<string, number>>,
  ) {
    if (counts) for (const [key, n] of Object.entries(counts)) this.addCount(key, n);
  }

  private addCount(key: string, n: number): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    const ctx = key.slice(0, key.lastIndexOf('|') + 1);
    this.counts.set(ctx, (this.counts.get(ctx) ?? 0) + n);
  }

  /** Counts one name (training). */
  add(name: string): void {
    const t = '^'.repeat(this.order - 1) + name + '$';
    for (let i = this.order - 1; i < t.length; i++) {
      for (let n = 0; n < this.order; n++) this.addCount(`${t.slice(i - n, i)}|${t[i]!}`, 1);
    }
  }

  /** The model as a file, without counts under `minCount` for contexts of 2+ characters. */
  toFile(minCount: number): CharLmFile {
    const kept: Array<[string, number]> = [];
    for (const [key, n] of this.counts) {
      const bar = key.lastIndexOf('|');
      if (bar === key.length - 1) continue;
      if (bar >= 2 && n < minCount) continue;
      kept.push([key, n]);
    }
    kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { order: this.order, counts: Object.fromEntries(kept) };
  }

  private prob(t: string, i: number): number {
    let p = UNIFORM;
    const c = t[i]!;
    for (let n = 0; n < this.order; n++) {
      const ctx = t.slice(i - n, i);
      const total = this.counts.get(ctx + '|') ?? 0;
      if (total === 0) break;
      const count = this.counts.get(`${ctx}|${c}`) ?? 0;
      const lambda = total / (total + K);
      p = (lambda * count) / total + (1 - lambda) * p;
    }
    return p;
  }

  /** Mean and minimum natural-log probability per character of a name (its end included). */
  logProb(name: string): { mean: number; min: number } {
    const t = '^'.repeat(this.order - 1) + name + '$';
    let sum = 0;
    let min = 0;
    for (let i = this.order - 1; i < t.length; i++) {
      const lp = Math.log(this.prob(t, i));
      sum += lp;
      if (lp < min) min = lp;
    }
    return { mean: sum / (t.length - this.order + 1), min };
  }
}
