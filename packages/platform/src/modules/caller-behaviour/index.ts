export { analyseCdrs, scoreCdrs, CALLER_LIST, type CdrAnalysis } from './service.js';
export { callerBehaviourRoutes } from './routes.js';
