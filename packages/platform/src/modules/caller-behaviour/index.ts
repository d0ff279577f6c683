export {
  analyseCdrs,
  scoreCdrs,
  submitCdrs,
  MAX_RECORDS_PER_REQUEST,
  type CdrAnalysis,
  type CdrSubmission,
} from './service.js';
export {
  CALLER_LIST,
  CALLER_ALLOW_LIST,
  CALLER_BLOCK_LIST,
  decideCallerCandidate,
  listCallerCandidates,
  recordMarks,
  type CallerCandidate,
} from './candidates.js';
export { CdrStream, encodeRecords, openCdrStream, LATENESS_MS, RECORDS_PER_MESSAGE } from './stream.js';
export { openCallerBehaviour, type CallerBehaviourRuntime } from './runtime.js';
export { nationalKey } from './victims.js';
export { callerBehaviourRoutes } from './routes.js';
