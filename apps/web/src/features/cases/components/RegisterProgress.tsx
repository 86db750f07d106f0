import { Alert, Button, Progress, Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { isRetryableHubError } from '../../../hub/hub-request';
import type { MessageId } from '../../../i18n/messages';
import { AlertIcon } from '../../../ui/icons';
import type { Phase } from '../hooks/register-case-state';

/** Where a registration is: fingerprinting (with progress), then registering. */
export function RegisterProgress({ phase }: { phase: Phase }) {
  const intl = useIntl();
  if (phase.step === 'idle') return null;
  return (
    <Stack gap={4} role="status" data-testid="fingerprint-progress">
      <Text size="sm">
        <FormattedMessage
          id={phase.step === 'registering' ? 'cases.registering' : 'cases.fingerprinting'}
        />
      </Text>
      <Progress
        value={phase.step === 'registering' ? 100 : Math.round((phase.done / phase.total) * 100)}
        animated
        aria-label={intl.formatMessage({ id: 'cases.progressLabel' })}
      />
    </Stack>
  );
}

/** Why a registration failed, with a retry when trying again may help. */
export function RegisterError({
  messageId,
  error,
  onRetry,
}: {
  messageId: MessageId | null;
  error: unknown;
  onRetry: () => void;
}) {
  if (!messageId) return null;
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} role="alert" data-testid="action-error">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          <FormattedMessage id={messageId} />
        </Text>
        {isRetryableHubError(error) && (
          <Button size="xs" variant="default" onClick={onRetry}>
            <FormattedMessage id="error.retry" />
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
