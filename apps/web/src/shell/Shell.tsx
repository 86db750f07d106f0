import { Anchor, AppShell, Burger, Group, NavLink, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { Link, Outlet, matchPath, useLocation } from 'react-router';
import { usePermissions } from '../features/auth/hooks/permissions';
import { useSession } from '../features/auth/hooks/session';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { GroupKeySync } from '../features/group-keys/components/GroupKeySync';
import { SigningKeySetup } from '../features/auth/components/SigningKeySetup';
import { ErrorBoundary } from './ErrorBoundary';
import { NAV_ITEMS, visibleNavItems } from './navigation';
import { NetworkBanner } from './NetworkBanner';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import { PageSkeleton } from './PageSkeleton';
import { ServerInfoFooter } from './ServerInfoFooter';
import { NAVBAR_BREAKPOINT, usePhoneLayout } from './usePhoneLayout';
import { UserMenu } from './UserMenu';
import classes from './Shell.module.css';

const PRODUCT_NAME = 'Parallax';

/**
 * The frame around every page: header (product, language), navigation,
 * main area with the connection banner and a per-page error boundary, and a
 * footer with the server's version. Pages render through <Outlet />.
 */
export function Shell() {
  const intl = useIntl();
  const location = useLocation();
  const can = usePermissions();
  const { viewer } = useSession();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const isMobile = usePhoneLayout();
  const firstRender = useRef(true);

  // After an in-app navigation: close the mobile menu and move focus to the
  // new page, as a full page load would, so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    closeNav();
    document.getElementById('main')?.focus();
  }, [location.pathname, closeNav]);

  const navLabel = intl.formatMessage({
    id: navOpened ? 'app.closeNavigation' : 'app.openNavigation',
  });

  return (
    <>
      <SigningKeySetup />
      <GroupKeySync />
      <a className="skip-link" href="#main">
        {intl.formatMessage({ id: 'app.skipToContent' })}
      </a>
      <AppShell
        header={{ height: 60 }}
        // The demo warning goes on a second line on phones.
        footer={{ height: { base: 64, sm: 36 } }}
        navbar={{ width: 240, breakpoint: NAVBAR_BREAKPOINT, collapsed: { mobile: !navOpened } }}
        padding="md"
      >
        <AppShell.Header>
          {/* On a 390 px phone every control must stay on screen, in either
              direction: the name may shrink, the controls may not. */}
          <Group h="100%" gap={8} className={classes.bar} justify="space-between" wrap="nowrap">
            <Group gap={6} wrap="nowrap" className={classes.brand}>
              <Burger
                opened={navOpened}
                onClick={toggleNav}
                hiddenFrom={NAVBAR_BREAKPOINT}
                size="sm"
                aria-label={navLabel}
                aria-expanded={navOpened}
                aria-controls="main-navigation"
              />
              <Anchor
                component={Link}
                to="/"
                fw={700}
                fz={{ base: 'md', sm: 'lg' }}
                c="var(--mantine-color-text)"
                underline="never"
                truncate
                className={classes.name}
              >
                {PRODUCT_NAME}
              </Anchor>
            </Group>
            <div className={classes.controls}>
              <LanguageSwitch />
              <UserMenu />
              {/* Last, at the inline end: its panel opens from there towards the page. */}
              <NotificationBell />
            </div>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar
          id="main-navigation"
          aria-label={intl.formatMessage({ id: 'app.navigation' })}
          p="xs"
          // Off-screen on small screens while closed: keep it out of the tab order.
          inert={isMobile && !navOpened}
        >
          <AppShell.Section grow component={ScrollArea}>
            {visibleNavItems(NAV_ITEMS, can, viewer?.actor ?? null).map((item) => {
              const active =
                matchPath({ path: item.path, end: item.path === '/' }, location.pathname) !== null;
              return (
                <NavLink
                  key={item.path}
                  component={Link}
                  to={item.path}
                  label={intl.formatMessage({ id: item.label })}
                  leftSection={<item.icon />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                />
              );
            })}
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1}>
          <NetworkBanner />
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<PageSkeleton />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </AppShell.Main>

        <AppShell.Footer>
          <ServerInfoFooter />
        </AppShell.Footer>
      </AppShell>
    </>
  );
}
