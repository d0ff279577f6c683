import type { ReactNode } from 'react';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import { canOpen, type PageKey } from './access';
import { useMe } from './AuthProvider';

/** Shows a 403 page instead of a page the user's roles cannot open (e.g. a typed-in URL). */
export function RequireRole({ page, children }: { page: PageKey; children: ReactNode }) {
  const me = useMe();
  return canOpen(page, me.roles) ? children : <ForbiddenPage />;
}
