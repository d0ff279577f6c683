/**
 * Scores a domain 0..1 for "impersonates a brand or looks like a fraud site", with named contributions
 * (logit units, largest first): brand signals with the brand they imitate, then the trees' logit split
 * over the features they read (path attribution, trees.ts): the domain's own features, its TLD, the
 * name's n-grams (with the n-grams that weighed most) and the language models' readings.
 */
import { BRAND_SIGNAL_WEIGHTS, matchBrands, type BrandSignal, type DomainParts } from './brand-match.js';
import { domainParts, hashedFeatures, namedFeatures, shapeFeatures, type HashedFeature } from './features.js';
import { decodeDomainModel, DOMAIN_TREE_FEATURES, type DomainModel, type DomainModelFile } from './model.js';
import { treeLogit } from './trees.js';

export interface DomainContribution {
  /** A named feature, a brand signal, `tld` or `name` (the n-gram part). */
  readonly feature: string;
  /** Contribution to the logit. */
  readonly value: number;
  /** Brand id for brand signals. */
  readonly brand?: string;
  /** What it refers to: the imitated token, the TLD, the heaviest n-grams. */
  readonly detail?: string;
}

export type DomainVerdict = 'suspicious' | 'benign';

export interface DomainScore {
  readonly domain: string;
  readonly score: number;
  readonly verdict: DomainVerdict;
  readonly contributions: readonly DomainContribution[];
}

export interface DomainScorer {
  readonly threshold: number;
  score(domain: string): DomainScore;
}

/** The raw logit and its parts; shared by the scorer and the trainer. */
export interface DomainLogit {
  readonly logit: number;
  readonly brandSignals: readonly BrandSignal[];
  readonly contributions: DomainContribution[];
}

/** What the trees read for one domain, and what the explanation quotes. */
export interface DomainReadings {
  readonly parts: DomainParts;
  /** Hand-set brand signals' logit. */
  readonly brandOffset: number;
  readonly brandSignals: readonly BrandSignal[];
  /** `DOMAIN_TREE_FEATURES` values. */
  readonly x: Float64Array;
  readonly grams: readonly HashedFeature[];
}

/**
 * The first stage (linear n-gram sum and TLD risk) and the language models' readings of a domain; the
 * trainer calls it with the first-stage and language models of other folds.
 */
export function domainReadings(
  stage: Pick<DomainModel, 'hashBits' | 'hashed' | 'tldRisk' | 'lmBenign' | 'lmScam'>,
  parts: DomainParts,
): DomainReadings {
  const brandSignals = matchBrands(parts);
  let brandOffset = 0;
  for (const signal of brandSignals) brandOffset += BRAND_SIGNAL_WEIGHTS[signal.name];
  const named = namedFeatures(parts);
  const shape = shapeFeatures(parts);
  const grams = hashedFeatures(parts, stage.hashBits);
  let name = 0;
  for (const g of grams) name += stage.hashed[g.bucket]!;
  name /= Math.sqrt(Math.max(1, grams.length));
  const benign = stage.lmBenign.logProb(parts.label);
  const scam = stage.lmScam.logProb(parts.label);
  const x = new Float64Array(DOMAIN_TREE_FEATURES.length);
  x.set(named, 0);
  x.set(shape, named.length);
  let at = named.length + shape.length;
  x[at++] = name;
  x[at++] = stage.tldRisk.get(parts.suffix) ?? 0;
  x[at++] = benign.mean;
  x[at++] = benign.min;
  x[at] = scam.mean - benign.mean;
  return { parts, brandOffset, brandSignals, x, grams };
}

const NAME_FEATURE = DOMAIN_TREE_FEATURES.indexOf('name');
const TLD_FEATURE = DOMAIN_TREE_FEATURES.indexOf('tld');

export function domainLogit(model: DomainModel, domain: string): DomainLogit {
  const r = domainReadings(model, domainParts(domain));
  const contributions: DomainContribution[] = r.brandSignals.map((signal) => ({
    feature: signal.name,
    value: BRAND_SIGNAL_WEIGHTS[signal.name],
    brand: signal.brand,
    detail: signal.matched,
  }));
  const byFeature = new Float64Array(DOMAIN_TREE_FEATURES.length);
  const logit = r.brandOffset + treeLogit(model.trees, r.x, byFeature);
  DOMAIN_TREE_FEATURES.forEach((feature, i) => {
    const value = byFeature[i]!;
    if (value === 0) return;
    const detail =
      i === NAME_FEATURE
        ? heaviestGrams(model, r.grams, Math.sign(value))
        : i === TLD_FEATURE
          ? r.parts.suffix
          : undefined;
    contributions.push(detail === undefined ? { feature, value } : { feature, value, detail });
  });
  return { logit, brandSignals: r.brandSignals, contributions };
}

/** The three n-grams that pushed the name's contribution most in its direction, by selection. */
function heaviestGrams(model: DomainModel, grams: readonly HashedFeature[], sign: number): string {
  const top: Array<{ text: string; w: number }> = [];
  for (const g of grams) {
    const w = model.hashed[g.bucket]! * sign;
    if (w <= 0 || (top.length === 3 && w <= top[2]!.w)) continue;
    if (top.length === 3) top.pop();
    let i = top.length;
    top.push({ text: g.text, w });
    while (i > 0 && top[i - 1]!.w < w) {
      top[i] = top[i - 1]!;
      top[i - 1] = { text: g.text, w };
      i--;
    }
  }
  return top.map((t) => t.text).join(' ');
}

export function createDomainScorer(
  model: DomainModel | DomainModelFile,
  options: { threshold?: number } = {},
): DomainScorer {
  const m: DomainModel = 'format' in model ? decodeDomainModel(model) : model;
  const threshold = options.threshold ?? m.threshold;
  return {
    threshold,
    score(domain) {
      const { logit, contributions } = domainLogit(m, domain);
      const score = 1 / (1 + Math.exp(-logit));
      return {
        domain,
        score: Number(score.toFixed(4)),
        verdict: score >= threshold ? 'suspicious' : 'benign',
        contributions: contributions
          .filter((c) => Math.abs(c.value) >= 0.01)
          .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
          .map((c) => ({ ...c, value: Number(c.value.toFixed(3)) })),
      };
    },
  };
}
