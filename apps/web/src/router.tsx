import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginRoute } from './pages/auth/LoginPage';
import { RequireAuth, RequirePermission } from './features/auth/components/RequireAuth';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteError } from './shell/RouteError';
import { Shell } from './shell/Shell';

// The case, overlap and coordination pages (and, through them, the
// fingerprint worker) are separate chunks, loaded when first visited.
const CasesPage = lazy(() =>
  import('./pages/cases/CasesPage').then((m) => ({ default: m.CasesPage })),
);
const RegisterCasePage = lazy(() =>
  import('./pages/cases/RegisterCasePage').then((m) => ({ default: m.RegisterCasePage })),
);
const ImportPage = lazy(() =>
  import('./pages/cases/ImportPage').then((m) => ({ default: m.ImportPage })),
);
const CasePage = lazy(() =>
  import('./pages/cases/CasePage').then((m) => ({ default: m.CasePage })),
);
const OverlapsPage = lazy(() =>
  import('./pages/overlaps/OverlapsPage').then((m) => ({ default: m.OverlapsPage })),
);
const ClustersPage = lazy(() =>
  import('./pages/clusters/ClustersPage').then((m) => ({ default: m.ClustersPage })),
);
const ClusterPage = lazy(() =>
  import('./pages/clusters/ClusterPage').then((m) => ({ default: m.ClusterPage })),
);
const DashboardPage = lazy(() =>
  import('./pages/coordination/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const EscalationsPage = lazy(() =>
  import('./pages/coordination/EscalationsPage').then((m) => ({ default: m.EscalationsPage })),
);
const MetricsReleasesPage = lazy(() =>
  import('./pages/coordination/MetricsReleasesPage').then((m) => ({
    default: m.MetricsReleasesPage,
  })),
);

// Every other page but home and login, too: the first page a phone on a
// slow connection loads carries only what it shows (apps/web/bundle-budget.json).
const AccountPage = lazy(() =>
  import('./pages/account/AccountPage').then((m) => ({ default: m.AccountPage })),
);
const AuditPage = lazy(() =>
  import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })),
);
const OrganisationPage = lazy(() =>
  import('./pages/organisation/OrganisationPage').then((m) => ({ default: m.OrganisationPage })),
);
const PlatformPage = lazy(() =>
  import('./pages/platform/PlatformPage').then((m) => ({ default: m.PlatformPage })),
);
const JoinPage = lazy(() =>
  import('./pages/signup/JoinPage').then((m) => ({ default: m.JoinPage })),
);
const WorkingGroupPage = lazy(() =>
  import('./pages/working-groups/WorkingGroupPage').then((m) => ({ default: m.WorkingGroupPage })),
);
const WorkingGroupsPage = lazy(() =>
  import('./pages/working-groups/WorkingGroupsPage').then((m) => ({
    default: m.WorkingGroupsPage,
  })),
);

// The donor metrics pages carry the chart library: kept out of the first load.
const MetricsPage = lazy(() =>
  import('./pages/metrics/MetricsPage').then((m) => ({ default: m.MetricsPage })),
);
const MetricsReportPage = lazy(() =>
  import('./pages/metrics/MetricsReportPage').then((m) => ({ default: m.MetricsReportPage })),
);

const readGroups = { action: 'read', subject: 'WorkingGroup' } as const;

/**
 * Every page renders inside the shell. Pages under <RequireAuth> show the
 * login form in place to signed-out visitors; <RequirePermission> shows a
 * "not allowed" page where the shared policy says no (the API decides
 * anyway). Heavy pages are code-split with React.lazy (the shell's Suspense
 * boundary shows the skeleton meanwhile).
 * Keep paths in step with NAV_ITEMS in shell/navigation.ts.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      { path: 'join/:token', element: <JoinPage /> },
      { path: 'login', element: <LoginRoute /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'cases',
            element: (
              <RequirePermission requires={readGroups}>
                <CasesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'cases/new',
            element: (
              <RequirePermission requires={readGroups}>
                <RegisterCasePage />
              </RequirePermission>
            ),
          },
          {
            path: 'cases/import',
            element: (
              <RequirePermission requires={readGroups}>
                <ImportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'cases/:id',
            element: (
              <RequirePermission requires={readGroups}>
                <CasePage />
              </RequirePermission>
            ),
          },
          {
            path: 'overlaps',
            element: (
              <RequirePermission requires={readGroups}>
                <OverlapsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'clusters',
            element: (
              <RequirePermission requires={readGroups}>
                <ClustersPage />
              </RequirePermission>
            ),
          },
          // Coordinators open a cluster of their group too (the API decides who sees what).
          {
            path: 'clusters/:clusterId',
            element: (
              <RequirePermission requires={readGroups}>
                <ClusterPage />
              </RequirePermission>
            ),
          },
          {
            path: 'working-groups',
            element: (
              <RequirePermission requires={{ action: 'read', subject: 'WorkingGroup' }}>
                <WorkingGroupsPage />
              </RequirePermission>
            ),
          },
          { path: 'working-groups/:id', element: <WorkingGroupPage /> },
          { path: 'working-groups/:id/dashboard', element: <DashboardPage /> },
          { path: 'coordination/:workingGroupId/escalations', element: <EscalationsPage /> },
          { path: 'coordination/:workingGroupId/metrics', element: <MetricsReleasesPage /> },
          {
            path: 'organisation',
            element: (
              <RequirePermission requires={{ action: 'read', subject: 'Organisation' }}>
                <OrganisationPage />
              </RequirePermission>
            ),
          },
          {
            path: 'platform',
            element: (
              <RequirePermission requires={{ action: 'create', subject: 'Organisation' }}>
                <PlatformPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission requires={{ action: 'read', subject: 'AuditEntry' }}>
                <AuditPage />
              </RequirePermission>
            ),
          },
          // Donors (also before a group grants them anything: the page says so) and
          // coordinators; the API answers only the groups they fund or coordinate.
          { path: 'metrics', element: <MetricsPage /> },
          { path: 'metrics/report/:workingGroupId', element: <MetricsReportPage /> },
          { path: 'account', element: <AccountPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
