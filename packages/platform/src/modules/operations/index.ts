/**
 * Special operations (专项行动): window, focus, participating units and targets; figures computed from
 * the cases (through the cases module's entry) and clues (through the clues module's) of the window and
 * scope; the 集中收网 board.
 */
export { operationRoutes } from './routes.js';
export { createOperation, getOperation, listOperations, operationBoard, updateOperation } from './service.js';
export type { OperationBody, OperationDetail, OperationSummary } from './schemas.js';
