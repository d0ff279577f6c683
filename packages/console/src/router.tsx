import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { AuthProvider, RequireAuth, RequireRole, type PageKey } from './auth';
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
const ApiKeysPage = lazy(() =>
  import('./pages/apiKeys/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })),
);
const ListsPage = lazy(() =>
  import('./pages/intercept/lists/ListsPage').then((m) => ({ default: m.ListsPage })),
);
const EntriesPage = lazy(() =>
  import('./pages/intercept/entries/EntriesPage').then((m) => ({ default: m.EntriesPage })),
);
const ScreenPage = lazy(() =>
  import('./pages/intercept/screen/ScreenPage').then((m) => ({ default: m.ScreenPage })),
);
const ImportsPage = lazy(() =>
  import('./pages/intercept/imports/ImportsPage').then((m) => ({ default: m.ImportsPage })),
);
const AppealsPage = lazy(() =>
  import('./pages/intercept/appeals/AppealsPage').then((m) => ({ default: m.AppealsPage })),
);
const CallerReviewPage = lazy(() =>
  import('./pages/intercept/callerReview/CallerReviewPage').then((m) => ({ default: m.CallerReviewPage })),
);
const DomainWatchPage = lazy(() =>
  import('./pages/intercept/domainWatch/DomainWatchPage').then((m) => ({ default: m.DomainWatchPage })),
);
const WarningsPage = lazy(() =>
  import('./pages/warnings/queue/WarningsPage').then((m) => ({ default: m.WarningsPage })),
);
const WarningDetailPage = lazy(() =>
  import('./pages/warnings/detail/WarningDetailPage').then((m) => ({ default: m.WarningDetailPage })),
);
const WarningFiguresPage = lazy(() =>
  import('./pages/warnings/figures/WarningFiguresPage').then((m) => ({ default: m.WarningFiguresPage })),
);
const WarningRulesPage = lazy(() =>
  import('./pages/warnings/rules/WarningRulesPage').then((m) => ({ default: m.WarningRulesPage })),
);
const DeadLettersPage = lazy(() =>
  import('./pages/warnings/deadLetters/DeadLettersPage').then((m) => ({ default: m.DeadLettersPage })),
);

const CasesPage = lazy(() => import('./pages/cases/CasesPage').then((m) => ({ default: m.CasesPage })));
const CaseCreatePage = lazy(() =>
  import('./pages/cases/CaseCreatePage').then((m) => ({ default: m.CaseCreatePage })),
);
const CaseImportPage = lazy(() =>
  import('./pages/cases/CaseImportPage').then((m) => ({ default: m.CaseImportPage })),
);
const CaseDetailPage = lazy(() =>
  import('./pages/cases/CaseDetailPage').then((m) => ({ default: m.CaseDetailPage })),
);

const CluesPage = lazy(() => import('./pages/clues/CluesPage').then((m) => ({ default: m.CluesPage })));
const ClueDetailPage = lazy(() =>
  import('./pages/clues/ClueDetailPage').then((m) => ({ default: m.ClueDetailPage })),
);
const ClueDispatchPage = lazy(() =>
  import('./pages/clues/ClueDispatchPage').then((m) => ({ default: m.ClueDispatchPage })),
);
const ClueFiguresPage = lazy(() =>
  import('./pages/clues/ClueFiguresPage').then((m) => ({ default: m.ClueFiguresPage })),
);
const OperationsPage = lazy(() =>
  import('./pages/operations/OperationsPage').then((m) => ({ default: m.OperationsPage })),
);
const OperationFormPage = lazy(() =>
  import('./pages/operations/OperationFormPage').then((m) => ({ default: m.OperationFormPage })),
);
const OperationPage = lazy(() =>
  import('./pages/operations/OperationPage').then((m) => ({ default: m.OperationPage })),
);
const OperationBoardPage = lazy(() =>
  import('./pages/operations/OperationBoardPage').then((m) => ({ default: m.OperationBoardPage })),
);

const CardsPage = lazy(() => import('./pages/cards/CardsPage').then((m) => ({ default: m.CardsPage })));
const CardGroupsPage = lazy(() =>
  import('./pages/cards/CardGroupsPage').then((m) => ({ default: m.CardGroupsPage })),
);
const KeyTargetsPage = lazy(() =>
  import('./pages/cards/KeyTargetsPage').then((m) => ({ default: m.KeyTargetsPage })),
);
const CardProgressPage = lazy(() =>
  import('./pages/cards/CardProgressPage').then((m) => ({ default: m.CardProgressPage })),
);
const PunishmentsPage = lazy(() =>
  import('./pages/punishment/PunishmentsPage').then((m) => ({ default: m.PunishmentsPage })),
);

const guarded = (page: PageKey, element: ReactNode) => <RequireRole page={page}>{element}</RequireRole>;

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
          ...capabilities
            .filter((page) => page.coming)
            .map((page) => ({ path: page.path, element: <ComingPage capability={page.key} /> })),
          { path: '/intercept', element: <Navigate to="/intercept/entries" replace /> },
          { path: '/intercept/entries', element: guarded('intel.entries', <EntriesPage />) },
          { path: '/intercept/lists', element: guarded('intel.lists', <ListsPage />) },
          { path: '/intercept/screen', element: guarded('intel.screen', <ScreenPage />) },
          { path: '/intercept/imports', element: guarded('intel.imports', <ImportsPage />) },
          { path: '/intercept/appeals', element: guarded('intel.appeals', <AppealsPage />) },
          {
            path: '/intercept/domain-watch',
            element: guarded('intel.domainWatch', <DomainWatchPage />),
          },
          {
            path: '/intercept/caller-review',
            element: guarded('intel.callerReview', <CallerReviewPage />),
          },
          { path: '/warnings', element: <Navigate to="/warnings/queue" replace /> },
          { path: '/warnings/queue', element: guarded('warnings.queue', <WarningsPage />) },
          { path: '/warnings/queue/:id', element: guarded('warnings.queue', <WarningDetailPage />) },
          { path: '/warnings/figures', element: guarded('warnings.figures', <WarningFiguresPage />) },
          { path: '/warnings/rules', element: guarded('warnings.rules', <WarningRulesPage />) },
          {
            path: '/warnings/dead-letters',
            element: guarded('warnings.deadLetters', <DeadLettersPage />),
          },
          { path: '/cases', element: guarded('cases', <CasesPage />) },
          { path: '/cases/new', element: guarded('cases', <CaseCreatePage />) },
          { path: '/cases/import', element: guarded('cases', <CaseImportPage />) },
          { path: '/cases/:id', element: guarded('cases', <CaseDetailPage />) },
          { path: '/clues', element: <Navigate to="/clues/inbox" replace /> },
          { path: '/clues/inbox', element: guarded('clues.inbox', <CluesPage key="inbox" box="inbox" />) },
          {
            path: '/clues/outbox',
            element: guarded('clues.outbox', <CluesPage key="outbox" box="outbox" />),
          },
          { path: '/clues/new', element: guarded('clues.outbox', <ClueDispatchPage />) },
          { path: '/clues/figures', element: guarded('clues.figures', <ClueFiguresPage />) },
          { path: '/clues/:id', element: guarded('clues.inbox', <ClueDetailPage />) },
          { path: '/operations', element: guarded('operations', <OperationsPage />) },
          { path: '/operations/new', element: guarded('operations', <OperationFormPage />) },
          { path: '/operations/:id', element: guarded('operations', <OperationPage />) },
          { path: '/operations/:id/edit', element: guarded('operations', <OperationFormPage key="edit" />) },
          { path: '/operations/:id/board', element: guarded('operations', <OperationBoardPage />) },
          { path: '/cards', element: <Navigate to="/cards/list" replace /> },
          { path: '/cards/list', element: guarded('cards.list', <CardsPage />) },
          { path: '/cards/groups', element: guarded('cards.groups', <CardGroupsPage />) },
          { path: '/cards/targets', element: guarded('cards.targets', <KeyTargetsPage />) },
          { path: '/cards/progress', element: guarded('cards.progress', <CardProgressPage />) },
          { path: '/punishment', element: guarded('punishment', <PunishmentsPage />) },
          { path: '/system/api-keys', element: guarded('apiKeys', <ApiKeysPage />) },
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
