import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageError, FullPageSpinner } from '../components/FullPageState';
import { useAuth } from './AuthProvider';

/** Renders its children for a signed-in user; otherwise sends them to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, recheck } = useAuth();
  const location = useLocation();
  switch (state.status) {
    case 'loading':
      return <FullPageSpinner />;
    case 'error':
      return <FullPageError error={state.error} onRetry={recheck} />;
    case 'anonymous':
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    case 'authenticated':
      return children;
  }
}
