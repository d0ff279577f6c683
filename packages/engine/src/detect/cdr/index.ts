export { otherParty, servedNumber, type CallDetailRecord, type CallDirection } from './record.js';
export {
  CDR_FIELDS,
  createCdrCsvParser,
  parseCdrNdjsonLine,
  splitCsvLine,
  type CdrParseResult,
} from './parse.js';
export {
  CallerBehaviourTracker,
  type CallerBehaviourOptions,
  type CallerFeatures,
  type CallerWindow,
} from './behaviour.js';
export {
  CALLER_MARK_THRESHOLD,
  scoreCallerFeatures,
  scoreCallerWindow,
  type CallerContribution,
  type CallerScore,
} from './score.js';
export { generateSyntheticCdrs, type SyntheticCdrOptions, type SyntheticCdrs } from './synthetic.js';
