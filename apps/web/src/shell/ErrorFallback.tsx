import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { AlertIcon } from '../ui/icons';

export interface ErrorFallbackProps {
  onRetry: () => void;
}

/** What replaces a part of the page that failed to render. */
export function ErrorFallback({ onRetry }: ErrorFallbackProps) {
  return (
    <Paper withBorder p="lg" role="alert" data-testid="error-fallback">
      <Stack gap="sm" align="flex-start">
        <Group gap="xs" wrap="nowrap">
          <AlertIcon size={22} color="var(--mantine-color-red-9)" />
          <Title order={2} size="h3">
            <FormattedMessage id="error.title" />
          </Title>
        </Group>
        <Text>
          <FormattedMessage id="error.body" />
        </Text>
        <Button onClick={onRetry}>
          <FormattedMessage id="error.retry" />
        </Button>
      </Stack>
    </Paper>
  );
}
