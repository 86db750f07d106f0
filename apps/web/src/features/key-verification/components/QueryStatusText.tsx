import { Group, Loader, Text } from '@mantine/core';
import { HubError } from '@parallax/hub-client';
import { FormattedMessage } from 'react-intl';
import { hubErrorMessageId } from '../../../hub/hub-request';
import type { DirectoryState } from '../hooks/useKeyDirectory';

/** Loading or failure of a key directory, in one line. */
export function QueryStatusText({ state }: { state: DirectoryState }) {
  if (state.status === 'loading') {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          <FormattedMessage id="app.loading" />
        </Text>
      </Group>
    );
  }
  if (state.status === 'error') {
    return (
      <Text size="sm" c="red.9" role="alert">
        <FormattedMessage id={hubErrorMessageId(new HubError(state.code, ''))} />
      </Text>
    );
  }
  return null;
}
