export {
  addEntries,
  createList,
  ensureListIn,
  getWritableList,
  listLists,
  prepareEntries,
  removeEntry,
  removeEntryIn,
  searchEntries,
  writeEntries,
} from './service.js';
export type { EntryInput, IntelList, IntelEntryView } from './service.js';
export {
  normalizeEntryValue,
  LIST_KINDS,
  MATCHES_BY_KIND,
  type ListKind,
  type EntryMatch,
} from './normalize.js';
export { findChangesAfter, findEntriesAfter, findList, findListedEntry, latestChangeSeq } from './store.js';
export { toEngineChange, toEngineEntry, type EntryWithList } from './to-engine.js';
export { intelRoutes } from './routes.js';
export { ListKindSchema } from './schemas.js';
export * from './transfer/index.js';
export { notifyChanges } from './signal.js';
export {
  decideReviewCandidate,
  type ReviewDecisionInput,
  type ReviewSubject,
  type ReviewVerdict,
} from './review-decision.js';
