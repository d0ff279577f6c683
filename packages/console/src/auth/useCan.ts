import { can, type Permission } from './access';
import { useMe } from './AuthProvider';

/** Whether the signed-in user's roles include a permission (to hide what the server would refuse). */
export function useCan(permission: Permission): boolean {
  return can(permission, useMe().roles);
}
