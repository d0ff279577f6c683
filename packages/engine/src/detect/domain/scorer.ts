/**
 * Scores a domain 0..1 for "impersonates a brand or looks like a fraud site", with named contributions
 * (logit units, largest first): brand signals with the brand they imitate, the domain's own features,
 * its TLD and the n-grams of its name that weighed most.
 */
import { BRAND_SIGNAL_WEIGHTS, matchBrands, type BrandSignal } from './brand-match.js';
import { DOMAIN_NAMED_FEATURES, domainParts, hashedFeatures, namedFeatures } from './features.js';
import { decodeDomainModel, type DomainModel, type DomainModelFile } from './model.js';

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

export function domainLogit(model: DomainModel, domain: string): DomainLogit {
  const parts = domainParts(domain);
  const contributions: DomainContribution[] = [];
  let logit = model.bias;
  const brandSignals = matchBrands(parts);
  for (const signal of brandSignals) {
    const value = BRAND_SIGNAL_WEIGHTS[signal.name];
    logit += value;
    contributions.push({ feature: signal.name, value, brand: signal.brand, detail: signal.matched });
  }
  const x = namedFeatures(parts);
  DOMAIN_NAMED_FEATURES.forEach((name, i) => {
    const value = model.named[i]! * x[i]!;
    logit += value;
    contributions.push({ feature: name, value });
  });
  const tld = model.tldRisk.get(parts.suffix) ?? 0;
  logit += tld;
  contributions.push({ feature: 'tld', value: tld, detail: parts.suffix });
  const hashed = hashedFeatures(parts, model.hashBits);
  const norm = 1 / Math.sqrt(Math.max(1, hashed.length));
  let nameTotal = 0;
  for (const f of hashed) nameTotal += model.hashed[f.bucket]!;
  nameTotal *= norm;
  logit += nameTotal;
  contributions.push({
    feature: 'name',
    value: nameTotal,
    detail: heaviestGrams(model, hashed, Math.sign(nameTotal)),
  });
  return { logit, brandSignals, contributions };
}

/** The three n-grams that pushed the name's contribution most in its direction, by selection. */
function heaviestGrams(model: DomainModel, grams: ReturnType<typeof hashedFeatures>, sign: number): string {
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
