import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, Outlet } from 'react-router';
import { errorMessageId } from '../../../graphql/errors';
import { PageSkeleton } from '../../../shell/PageSkeleton';
import { usePageTitle } from '../../../shell/usePageTitle';
import { AlertIcon } from '../../../ui/icons';
import { LoginPage } from '../../../pages/auth/LoginPage';
import { usePermissions, type Permission } from '../hooks/permissions';
import { useSession } from '../hooks/session';

/** Protected routes: signed-out users get the login form in place, at the same address. */
export function RequireAuth() {
  const { state, retry } = useSession();
  switch (state.status) {
    case 'loading':
      return <PageSkeleton />;
    case 'signed-out':
      return <LoginPage />;
    case 'unavailable':
      return (
        <Alert color="red" variant="light" icon={<AlertIcon />} role="alert" maw={640}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              <FormattedMessage id={errorMessageId(state.error)} />
            </Text>
            <Button size="xs" variant="default" onClick={retry}>
              <FormattedMessage id="error.retry" />
            </Button>
          </Stack>
        </Alert>
      );
    case 'signed-in':
      return <Outlet />;
  }
}

/** A page the policy does not open to this user: say so, without detail. */
export function RequirePermission({
  requires,
  children,
}: {
  requires: Permission;
  children: ReactNode;
}) {
  const can = usePermissions();
  return can(requires) ? <>{children}</> : <ForbiddenPage />;
}

function ForbiddenPage() {
  usePageTitle('forbidden.title');
  return (
    <Stack gap="md" maw={760} align="flex-start" data-testid="forbidden">
      <Title order={1}>
        <FormattedMessage id="forbidden.title" />
      </Title>
      <Text>
        <FormattedMessage id="forbidden.body" />
      </Text>
      <Button component={Link} to="/">
        <FormattedMessage id="notFound.home" />
      </Button>
    </Stack>
  );
}
