import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginRoute } from './auth/LoginPage';
import { RequireAuth, RequirePermission } from './auth/RequireAuth';
import { AccountPage } from './pages/account/AccountPage';
import { AuditPage } from './pages/audit/AuditPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrganisationPage } from './pages/organisation/OrganisationPage';
import { PlaceholderPage } from './pages/PlaceholderPage';
import { PlatformPage } from './pages/platform/PlatformPage';
import { JoinPage } from './pages/signup/JoinPage';
import { WorkingGroupPage } from './pages/working-groups/WorkingGroupPage';
import { WorkingGroupsPage } from './pages/working-groups/WorkingGroupsPage';
import { RouteError } from './shell/RouteError';
import { Shell } from './shell/Shell';

/**
 * Every page renders inside the shell. Pages under <RequireAuth> show the
 * login form in place to signed-out visitors; <RequirePermission> shows a
 * "not allowed" page where the shared policy says no (the API decides
 * anyway). A heavy page should be code-split, e.g.
 * `{ path: 'overlaps', lazy: async () => ({ Component: (await import('./pages/OverlapsPage')).OverlapsPage }) }`
 * or React.lazy (the shell's Suspense boundary shows the skeleton meanwhile).
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
          { path: 'cases', element: <PlaceholderPage title="nav.cases" /> },
          { path: 'overlaps', element: <PlaceholderPage title="nav.overlaps" /> },
          {
            path: 'working-groups',
            element: (
              <RequirePermission requires={{ action: 'read', subject: 'WorkingGroup' }}>
                <WorkingGroupsPage />
              </RequirePermission>
            ),
          },
          { path: 'working-groups/:id', element: <WorkingGroupPage /> },
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
