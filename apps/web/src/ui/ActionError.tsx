import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ErrorCode } from '@parallax/domain';
import type { CombinedError } from '@urql/core';
import { FormattedMessage } from 'react-intl';
import { errorCode, errorMessageId, isRetryable } from '../graphql/errors';
import type { MessageId } from '../i18n/messages';
import { AlertIcon } from './icons';

export interface ActionErrorProps {
  error: CombinedError | undefined;
  /** Shown with "Try again" when retrying can help (network, server error). */
  onRetry?: () => void;
  /** Page-specific wording for some codes (e.g. the generic sign-in failure). */
  messages?: Partial<Record<ErrorCode, MessageId>>;
}

/**
 * The failure of something the user did, translated from the API's error
 * code. A network failure of a mutation is worded carefully: the server may
 * or may not have done it, so the user checks before trying again.
 */
export function ActionError({ error, onRetry, messages }: ActionErrorProps) {
  if (!error) return null;
  const code = errorCode(error);
  const id: MessageId = error.networkError
    ? 'error.actionNetwork'
    : ((code && messages?.[code]) ?? errorMessageId(error));
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} role="alert" data-testid="action-error">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          <FormattedMessage id={id} />
        </Text>
        {onRetry && isRetryable(error) && (
          <Button size="xs" variant="default" onClick={onRetry}>
            <FormattedMessage id="error.retry" />
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
