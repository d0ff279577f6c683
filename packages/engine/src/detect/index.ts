/**
 * Content detection: fraud SMS text, lookalike and new domains, fraud-caller behaviour. Pure functions
 * and classes over data passed in; models are data too (see packages/engine/models and docs/detection.md).
 */
export * from './fraud-types.js';
export { mulberry32, stratifiedSplit } from './random.js';
export { buildAhoCorasick, type AhoCorasick, type MatchVisitor } from './text/aho-corasick.js';
export { normaliseSmsText, type NormalisedText } from './text/normalise.js';
export { KEYWORD_VARIANTS, type KeywordVariant } from './text/keyword-variants.js';
export * from './sms/index.js';
export * from './domain/index.js';
export * from './cdr/index.js';
