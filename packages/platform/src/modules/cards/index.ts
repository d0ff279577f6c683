/**
 * The two-card trade (两卡): involved cards from cases and partner feeds, grouped by opening place and
 * residence, key targets ranked and dispatched as clues, the chain between persons, and the progress
 * of what was dispatched. Owns the card_* tables; reads cases only through the cases module's entry and
 * dispatches only through the clues module's.
 */
export { cardRoutes } from './routes.js';
export { applyCaseFootprints, followCaseFootprints, syncCaseCards } from './sync.js';
export { CARD_KINDS, normalizeCardNumber, type CardKind } from './card-kinds.js';
export { KEY_TARGET_MIN_SCORE, scorePerson } from './scoring.js';
export { CHAIN_ROLES } from './chain.js';
export { checkPerson } from './persons.js';
export { countSeizedCards, type SeizedCardFilter } from './seized.js';
