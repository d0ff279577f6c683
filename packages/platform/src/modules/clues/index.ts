/**
 * Clues (线索) down the org tree: dispatch (下发), sign (签收), work notes, feedback (反馈) and transfers
 * through the common parent, reminders and escalation of overdue clues, figures by unit.
 */
export { dispatchClues, getClue, listClues } from './service.js';
export { signClue, noteClue, feedbackClue, transferClue } from './flow.js';
export { clueFigures, clueCountsUnder, caughtUnder, cluesFromSource, operationFeed } from './figures.js';
export type { SourcedClue } from './figures.js';
export type { SourcedClueFilter } from './store.js';
export { clueRoutes } from './routes.js';
export { startClues, type CluesOptions, type CluesRuntime } from './runtime.js';
export type { NewClue, ClueSummary, ClueDetail, ClueEntityInput, ClueCounts } from './schemas.js';
export { CLUE_ENTITY_KINDS, CLUE_PRIORITIES } from './schemas.js';
export { CLUES_CHANGED, clueBus, type ClueChange } from './notifier.js';
