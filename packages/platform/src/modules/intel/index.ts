export {
  addEntries,
  createList,
  listLists,
  prepareEntries,
  removeEntry,
  searchEntries,
  writeEntries,
} from './service.js';
export type { EntryInput, IntelList, IntelEntryView } from './service.js';
export { normalizeEntryValue, LIST_KINDS, type ListKind, type EntryMatch } from './normalize.js';
export { findChangesAfter, findEntriesAfter, findList, latestChangeSeq } from './store.js';
export { toEngineChange, toEngineEntry, type EntryWithList } from './to-engine.js';
export { intelRoutes } from './routes.js';
