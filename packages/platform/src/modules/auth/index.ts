export type { Actor, ApiKeyActor, SystemActor, UserActor } from './actor.js';
export { systemActor } from './actor.js';
export { LoginLimiter } from './login-limiter.js';
export { authorize, hasPermission, permissionRoles, roles } from './policy.js';
export type { AccessRule, Permission } from './policy.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { actorForApiKey, createApiKey, login } from './service.js';
export { authRoutes } from './routes.js';
