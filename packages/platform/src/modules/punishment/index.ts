/**
 * Joint punishment (联合惩戒): persons under financial and telecom punishment with reason, period,
 * early end and appeals, and the list exported to banks and carriers as deltas (deltas.ts says what
 * they see and why). Owns the punishments tables; reads nothing of other modules' tables.
 */
export { punishmentRoutes } from './routes.js';
export { statusAt, visibleInterval, type PunishmentStatus } from './status.js';
export { DELTA_SETTLE_MS } from './deltas.js';
