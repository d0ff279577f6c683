export { listAudit, recordAudit } from './service.js';
export type { AuditEntry, AuditEvent, AuditFilter } from './service.js';
export { auditRoutes } from './routes.js';
