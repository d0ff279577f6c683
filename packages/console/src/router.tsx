import { lazy } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { AuthProvider, RequireAuth, RequireRole } from './auth';
import { capabilities } from './layout/navigation';
import { AppLayout } from './layout/AppLayout';
import { ComingPage } from './pages/ComingPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

// Pages with tables load on first visit; the login page and the frame come with the first download.
const UnitsPage = lazy(() => import('./pages/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('./pages/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));

export const router = createBrowserRouter([
  {
    element: (
      <AuthProvider>
        <Outlet />
      </AuthProvider>
    ),
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          ...capabilities.map((page) => ({ path: page.path, element: <ComingPage capability={page.key} /> })),
          { path: '/system/units', element: <UnitsPage /> },
          {
            path: '/system/users',
            element: (
              <RequireRole page="users">
                <UsersPage />
              </RequireRole>
            ),
          },
          {
            path: '/system/audit',
            element: (
              <RequireRole page="audit">
                <AuditPage />
              </RequireRole>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
