export { AuthProvider, useAuth, useMe, type AuthState } from './AuthProvider';
export { RequireAuth } from './RequireAuth';
export { RequireRole } from './RequireRole';
export { can, canOpen, type PageKey, type Permission } from './access';
export { useCan } from './useCan';
