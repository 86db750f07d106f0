import { Alert, Button, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useEffect, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useSession } from '../features/auth/hooks/session';
import { errorCode, errorMessageId } from '../graphql/errors';
import { AlertIcon } from './icons';

export interface QueryStatusProps<T> {
  /** null when the server answered with errors only. */
  data?: T | null | undefined;
  fetching: boolean;
  error?: CombinedError | undefined;
  onRetry: () => void;
  children: (data: T) => ReactNode;
  /** Rows of placeholder shown while nothing has arrived yet. */
  rows?: number;
}

/**
 * Loading, failed, or the data. Cached data stays visible while a refresh
 * runs or fails: on a bad connection, something slightly old beats nothing.
 */
export function QueryStatus<T>({
  data,
  fetching,
  error,
  onRetry,
  children,
  rows = 3,
}: QueryStatusProps<T>) {
  const { refresh } = useSession();
  const sessionEnded = errorCode(error) === 'UNAUTHENTICATED';
  useEffect(() => {
    // The session expired or was revoked elsewhere: asking again who is signed
    // in swaps the page for the login form.
    if (sessionEnded) void refresh();
  }, [sessionEnded, refresh]);

  if (data !== undefined && data !== null) return <>{children(data)}</>;
  if (error && !fetching) {
    return (
      <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            <FormattedMessage id={errorMessageId(error)} />
          </Text>
          <Button size="xs" variant="default" onClick={onRetry}>
            <FormattedMessage id="error.retry" />
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap="xs" role="status" aria-busy="true">
      <VisuallyHidden>
        <FormattedMessage id="app.loading" />
      </VisuallyHidden>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={18} radius="sm" />
      ))}
    </Stack>
  );
}
