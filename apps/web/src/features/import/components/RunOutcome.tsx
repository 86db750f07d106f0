import { Alert, Text } from '@mantine/core';
import { isRateLimited } from '@parallax/hub-client';
import { FormattedMessage } from 'react-intl';
import { hubErrorMessageId } from '../../../hub/hub-request';
import { AlertIcon, CheckIcon } from '../../../ui/icons';
import type { ImportState } from '../hooks/import-state';

/** How the run ended: complete, or why it stopped and that it can continue. */
export function RunOutcome({ state }: { state: ImportState }) {
  if (state.phase === 'done') {
    return (
      <Alert color="teal" variant="light" icon={<CheckIcon />} role="status">
        <Text size="sm">
          <FormattedMessage id="import.finished" />
        </Text>
        {state.restored && (
          <Text size="sm">
            <FormattedMessage id="import.restoredHint" />
          </Text>
        )}
      </Alert>
    );
  }
  if (state.phase !== 'interrupted') return null;
  if (state.error === null) {
    // Stopped by the user, or by a reload: nothing failed, the rest waits.
    return (
      <Alert color="blue" variant="light" role="status">
        <Text size="sm">
          <FormattedMessage id="import.resumeHint" />
        </Text>
        {state.restored && (
          <Text size="sm">
            <FormattedMessage id="import.restoredHint" />
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
      <Text size="sm">
        <FormattedMessage
          id={
            // By category: BUDGET_EXHAUSTED, or RATE_LIMITED from an older hub.
            isRateLimited(state.error) ? 'cases.budgetExceeded' : hubErrorMessageId(state.error)
          }
        />
      </Text>
      <Text size="sm">
        <FormattedMessage id="import.resumeHint" />
      </Text>
    </Alert>
  );
}
