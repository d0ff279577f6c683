import type { DomainContribution } from '../../../api';
import type { Translate } from '../../../i18n/translate';
import { labelOf } from '../labelText';

// The detector's contributions in words (without React, unit-tested): which features and brand
// signals pushed a name's score up, e.g. 品牌加词：中国工商银行, 高风险后缀, 字符随机.

/** Other names the same signals have gone by; they are labelled as the name they point to. */
const featureAliases: Readonly<Record<string, string>> = {
  brand_edit_distance: 'brand_lookalike',
  digits: 'digit_ratio',
};

export interface ContributionLabel {
  /** Stable within one candidate: feature and brand. */
  key: string;
  /** What a person reads: the feature in words, with the imitated brand when there is one. */
  text: string;
  /** The raw feature code (and brand id), for a tooltip. */
  code: string;
  value: number;
  /** Whether the signal names an imitated brand (shown more prominently). */
  brand: boolean;
}

export function featureText(t: Translate, feature: string): string {
  return labelOf(t, 'domainWatch.feature.', featureAliases[feature] ?? feature);
}

export function brandText(t: Translate, brand: string): string {
  return labelOf(t, 'domainWatch.brand.', brand);
}

export function contributionText(t: Translate, contribution: DomainContribution): string {
  const feature = featureText(t, contribution.feature);
  return contribution.brand
    ? t('domainWatch.brandSignal', { feature, brand: brandText(t, contribution.brand) })
    : feature;
}

/**
 * The signals that raised the score most (positive contributions only, largest first), at most
 * `limit`; the ones that lowered it are not reasons to review a name.
 */
export function topContributions(
  t: Translate,
  contributions: readonly DomainContribution[],
  limit = 4,
): ContributionLabel[] {
  return contributions
    .filter((contribution) => contribution.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, limit)
    .map((contribution) => ({
      key: `${contribution.feature}|${contribution.brand ?? ''}`,
      text: contributionText(t, contribution),
      code: contribution.brand ? `${contribution.feature}:${contribution.brand}` : contribution.feature,
      value: contribution.value,
      brand: contribution.brand !== undefined,
    }));
}

/** How alarming a score (0..1) is, for its colour. */
export function scoreLevel(score: number): 'high' | 'medium' | 'low' {
  return score >= 0.9 ? 'high' : score >= 0.7 ? 'medium' : 'low';
}
