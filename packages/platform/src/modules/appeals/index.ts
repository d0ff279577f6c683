export { fileAppeal, getAppeal, listAppeals, APPEAL_SCOPE } from './service.js';
export type { Appeal, AppealFileInput, AppealFilter, AppealStatus } from './service.js';
export { decideAppeal, allowListName } from './decide.js';
export type { AppealDecision } from './decide.js';
export { appealRoutes } from './routes.js';
