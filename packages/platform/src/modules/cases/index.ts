export { caseRoutes } from './routes.js';
export { createCase, getCase, listCases, revealCase } from './service.js';
export { addFootprints, removeFootprint, transitionCase, NEXT_STATUSES } from './changes.js';
export { importCases } from './import.js';
export { CASE_LISTS, FOOTPRINT_KINDS, normalizeFootprint, type FootprintKind } from './footprint-kinds.js';
export type { CaseCreateBody, CaseDetail, CaseSummary, FootprintView } from './schemas.js';
export {
  findCardFootprints,
  lockCardFootprintsOfCases,
  onCardFootprints,
  type CardFootprint,
  type CardFootprintCursor,
  type CardFootprintListener,
} from './card-footprints.js';
export { countSolvedCases, sumFrozenMoney, type SolvedCaseFilter } from './figures.js';
export { freezeFootprint } from './freezes.js';
export { findCaseVictimPhones, type VictimPhones } from './victim-phones.js';
