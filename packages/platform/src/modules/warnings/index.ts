/**
 * Warn and dissuade (预警劝阻): events become signals, signals become warnings routed to the responsible
 * unit, officers work them against a deadline. See docs/warnings.md.
 */
export { startWarnings, type WarningsOptions, type WarningsRuntime } from './runtime.js';
export { warningRoutes } from './routes.js';
export { WARNINGS_CHANGED, type WarningChange } from './notifier.js';
export { WARNING_RULES_CHANGED } from './correlation.js';
export { LoggingSmsGateway, type SmsGateway, type SmsMessage, type SmsReceipt } from './sms-gateway.js';
export { coreName, UnitDirectory, type Route } from './routing.js';
export type { WarningSummary, WarningDetail } from './views.js';
export { findPaidWarningPhones } from './victim-phones.js';
