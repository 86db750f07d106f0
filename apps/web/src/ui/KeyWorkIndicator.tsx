import { Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../i18n/messages';

/** About how long argon2id with 64 MiB takes on a modest laptop. */
const EXPECTED_MS = 2_000;

/**
 * Shown while the worker derives keys. The KDF reports no progress, so the
 * bar follows the expected time and slows near the end instead of lying that
 * it is done; the live region tells screen readers what is happening.
 */
export function KeyWorkIndicator({ message }: { message: MessageId }) {
  const intl = useIntl();
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const started = performance.now();
    const timer = window.setInterval(() => setElapsed(performance.now() - started), 100);
    return () => window.clearInterval(timer);
  }, []);
  const value = Math.round(95 * (1 - Math.exp(-elapsed / EXPECTED_MS)));
  return (
    <Stack gap={6} role="status" aria-live="polite" data-testid="key-work">
      <Group gap="xs" wrap="nowrap">
        <Loader size="xs" />
        <Text size="sm">
          <FormattedMessage id={message} />
        </Text>
      </Group>
      <Progress value={value} size="sm" aria-label={intl.formatMessage({ id: message })} />
    </Stack>
  );
}
