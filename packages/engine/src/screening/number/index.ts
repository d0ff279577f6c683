export { classifyNumber, type ClassifyOptions } from './classify.js';
export { HomeRegionTable, defaultHomeRegions } from './home-region.js';
export { MOBILE_RANGES, IOT_RANGES, type MobileRange } from './mobile-ranges.js';
export { plainMobileE164Value } from './plain-mobile.js';
export type { Carrier, HomeRegion, NumberClassification, NumberInvalidReason, NumberKind } from './types.js';
