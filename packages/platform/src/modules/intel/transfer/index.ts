export { exportList } from './export.js';
export { failInterruptedImports, ImportJobs, type ImportJobView } from './jobs.js';
export { CSV_COLUMNS, IMPORT_FORMATS, type ImportFormat } from './records.js';
export { runImport, type ImportOutcome, type ImportProgress } from './run-import.js';
export { transferRoutes } from './routes.js';
