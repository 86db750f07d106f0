import { Anchor, AppShell, Burger, Group, NavLink, ScrollArea, em } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { Link, Outlet, matchPath, useLocation } from 'react-router';
import { usePermissions } from '../features/auth/hooks/permissions';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { GroupKeySync } from '../features/group-keys/components/GroupKeySync';
import { SigningKeySetup } from '../features/auth/components/SigningKeySetup';
import { ErrorBoundary } from './ErrorBoundary';
import { NAV_ITEMS, visibleNavItems } from './navigation';
import { NetworkBanner } from './NetworkBanner';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import { PageSkeleton } from './PageSkeleton';
import { ServerInfoFooter } from './ServerInfoFooter';
import { UserMenu } from './UserMenu';

const PRODUCT_NAME = 'Parallax';
const NAVBAR_BREAKPOINT = 'sm';
const NAVBAR_BREAKPOINT_PX = 768; // Mantine's default "sm" breakpoint (48em).

/**
 * The frame around every page: header (product, language), navigation,
 * main area with the connection banner and a per-page error boundary, and a
 * footer with the server's version. Pages render through <Outlet />.
 */
export function Shell() {
  const intl = useIntl();
  const location = useLocation();
  const can = usePermissions();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const isMobile = useMediaQuery(`(max-width: ${em(NAVBAR_BREAKPOINT_PX - 1)})`) ?? false;
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
        footer={{ height: 36 }}
        navbar={{ width: 240, breakpoint: NAVBAR_BREAKPOINT, collapsed: { mobile: !navOpened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
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
                fz="lg"
                c="var(--mantine-color-text)"
                underline="never"
              >
                {PRODUCT_NAME}
              </Anchor>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <NotificationBell />
              <UserMenu />
              <LanguageSwitch />
            </Group>
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
            {visibleNavItems(NAV_ITEMS, can).map((item) => {
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
