/**
 * Screening: the China number plan, host/URL and account normalisation, the typed-array indices of
 * listed values, and the screener that turns lookups into verdicts with reasons. No I/O, no clock.
 */
export * from './number/index.js';
export { normalizeHost, type HostInvalidReason, type HostType, type NormalizedHost } from './web/host.js';
export { normalizeUrl, type NormalizedUrl, type UrlInvalidReason } from './web/url.js';
export { registrableDomain } from './web/registrable-domain.js';
export {
  ACCOUNT_KINDS,
  classifyAccount,
  luhnValid,
  type AccountClassification,
  type AccountInvalidReason,
  type AccountKind,
} from './account/classify-account.js';
export { BANKS, bankOfCard, bankByName, type Bank } from './account/banks.js';
export { imeiCheckDigit, normalizeImei, type ImeiInvalidReason, type NormalizedImei } from './device/imei.js';
export {
  MAX_APP_ID_LENGTH,
  normalizeAppId,
  type AppIdInvalidReason,
  type NormalizedAppId,
} from './app/app-id.js';
export {
  ACTION_BIT,
  ACTIONS,
  SOURCE_KINDS,
  type EntryAction,
  type EntryProvenance,
  type EntrySource,
  type SourceKind,
} from './index/entry.js';
export { ProvenanceTable } from './index/provenance-table.js';
export {
  NumberIndex,
  NumberIndexBuilder,
  type EntryResult,
  type IndexMatch,
  type NumberEntry,
  type NumberMatchRule,
} from './index/number-index.js';
export { normalizeNumberPrefix, type NumberPrefix } from './index/number-prefix.js';
export {
  DomainIndex,
  DomainIndexBuilder,
  type DomainEntry,
  type DomainMatchRule,
} from './index/domain-index.js';
export { AccountIndex, AccountIndexBuilder, type AccountEntry } from './index/account-index.js';
export {
  IDENTIFIER_KINDS,
  IdentifierIndex,
  IdentifierIndexBuilder,
  normalizeIdentifier,
  type IdentifierEntry,
  type IdentifierKind,
  type NormalizedIdentifier,
} from './index/identifier-index.js';
export { DEFAULT_SEED, type HashSeed } from './index/string-hash.js';
export { decide, type Verdict, type VerdictAction, type VerdictReason } from './verdict/verdict.js';
export {
  Screener,
  ScreenerBuilder,
  type IntelChange,
  type IntelEntry,
  type IntelEntryRef,
  type ScreenerIndices,
  type ScreenerOptions,
  type ScreenItem,
  type ScreenKind,
  type TextScorer,
} from './screener.js';
export {
  restoreSnapshot,
  SNAPSHOT_FORMAT,
  takeSnapshot,
  type ScreenerSnapshot,
  type SnapshotArray,
} from './snapshot.js';
