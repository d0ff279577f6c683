export { IntelFollower, type FollowerStatus } from './follower.js';
export { HitRecorder } from './hit-recorder.js';
export { ScreeningService, toApiVerdict, MAX_BATCH_ITEMS, type ApiVerdict } from './service.js';
export { screeningRoutes } from './routes.js';
export { createSmsTextScorer, DEFAULT_SMS_THRESHOLDS, type SmsThresholds } from './sms-text.js';
