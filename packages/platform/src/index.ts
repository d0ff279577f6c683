/** @fanzha/platform — the server, store and CLI of fanzha. */
export { loadConfig, type Config } from './config.js';
export { systemClock, type Clock, type Context } from './context.js';
export { AppError, type ErrorCode } from './errors.js';
export { buildApp } from './http/app.js';
export { startPlatform, type RunningPlatform } from './server.js';
export { openStore, type Store } from './store/database.js';
export { migrate } from './store/migrate.js';
