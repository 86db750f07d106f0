import { Container } from '@mantine/core';
import { useEffect } from 'react';
import { useRouteError } from 'react-router';
import { ErrorFallback } from './ErrorFallback';

/**
 * The router's last line of defence, shown when the shell itself cannot
 * render. Retrying reloads the page, which also fetches any updated code.
 */
export function RouteError() {
  const error = useRouteError();
  useEffect(() => {
    console.error('The application failed to render.', error);
  }, [error]);
  return (
    <Container component="main" size="sm" py="xl">
      <ErrorFallback onRetry={() => window.location.reload()} />
    </Container>
  );
}
