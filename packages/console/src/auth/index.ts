export { AuthProvider, useAuth, useMe, type AuthState } from './AuthProvider';
export { RequireAuth } from './RequireAuth';
export { RequireRole } from './RequireRole';
export { canOpen, type PageKey } from './access';
