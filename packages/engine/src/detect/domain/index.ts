import type { DomainModelFile } from './model.js';

export { PROTECTED_BRANDS, type BrandSector, type ProtectedBrand } from './brands.js';
export {
  BRAND_SIGNAL_WEIGHTS,
  matchBrands,
  type BrandSignal,
  type BrandSignalName,
  type DomainParts,
} from './brand-match.js';
export {
  cleanDomain,
  domainParts,
  DOMAIN_NAMED_FEATURES,
  DOMAIN_SHAPE_FEATURES,
  type DomainNamedFeature,
  type DomainShapeFeature,
} from './features.js';
export { decodePunycode, hostnameToUnicode } from './punycode.js';
export { domainSkeleton, editDistance, isBitFlip } from './skeleton.js';
export {
  decodeDomainModel,
  encodeDomainModel,
  DOMAIN_MODEL_FORMAT,
  DOMAIN_TREE_FEATURES,
  type DomainModel,
  type DomainModelFile,
  type DomainTrainingRecord,
} from './model.js';
export {
  createDomainScorer,
  type DomainContribution,
  type DomainScore,
  type DomainScorer,
  type DomainVerdict,
} from './scorer.js';
export {
  trainDomainModel,
  domainFolds,
  DOMAIN_TRAINING_DEFAULTS,
  type DomainExample,
  type DomainTrainingOptions,
} from './train.js';
export { evaluateDomainScorer, type DomainEvaluation } from './evaluate.js';
export { watchNewNames, type NewNameWatchOptions } from './watch.js';

/** Where the shipped model file lives (packages/engine/models); the platform reads it, the engine never does. */
export const DOMAIN_MODEL_URL: URL = new URL('../../../models/domain-model.json', import.meta.url);

/** The shipped domain model, read through `readText` (the caller's I/O), as `readShippedSmsModel`. */
export function readShippedDomainModel(readText: (url: URL) => string): DomainModelFile {
  return JSON.parse(readText(DOMAIN_MODEL_URL)) as DomainModelFile;
}
