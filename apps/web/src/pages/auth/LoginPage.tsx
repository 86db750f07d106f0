import { Paper, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { Navigate } from 'react-router';
import { usePageTitle } from '../../shell/usePageTitle';
import { LoginForm } from '../../features/auth/components/LoginForm';
import { useSession } from '../../features/auth/hooks/session';

/** Shown in place of any page that needs a signed-in user, and at /login. */
export function LoginPage() {
  usePageTitle('login.title');
  return (
    <Stack gap="md" maw={440} data-testid="login-page">
      <Title order={1}>
        <FormattedMessage id="login.title" />
      </Title>
      <Text>
        <FormattedMessage id="login.intro" />
      </Text>
      <Paper withBorder p="lg">
        <LoginForm />
      </Paper>
      <Text size="sm" c="dimmed">
        <FormattedMessage id="login.noAccount" />
      </Text>
    </Stack>
  );
}

/** /login itself: once signed in, there is nothing to do here. */
export function LoginRoute() {
  const { state } = useSession();
  return state.status === 'signed-in' ? <Navigate to="/" replace /> : <LoginPage />;
}
