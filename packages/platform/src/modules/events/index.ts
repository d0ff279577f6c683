/**
 * Event intake (预警 events in): `POST /api/v1/events` and the bus subjects `fanzha.events.<kind>`,
 * validated, deduplicated, stored once and handed to the registered handler (the warnings module).
 */
export type {
  AcceptedEvent,
  EventHandler,
  EventPipeline,
  PipelineStats,
  Rejection,
  SubmitResult,
} from './contract.js';
export { openEventPipeline, StreamEventPipeline, type PipelineOptions } from './pipeline.js';
export { eventRoutes, MAX_EVENTS_PER_REQUEST } from './routes.js';
export { checkEvent, wireForm, EVIDENCE_SCHEMAS, type ValidEvent } from './wire.js';
export { residentIdCheckCharacter, residentIdProblem } from './resident-id.js';
