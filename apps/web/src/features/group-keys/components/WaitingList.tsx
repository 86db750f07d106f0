import { List, Stack, Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { WaitingHolder } from '../hooks/store';
import { waitingReasonId } from '../utils/waiting-reason';

/** Members this device does not share the key with yet, each with who has to verify them. */
export function WaitingList({ waiting }: { waiting: readonly WaitingHolder[] }) {
  if (waiting.length === 0) return null;
  return (
    <Stack gap={4} data-testid="group-key-waiting">
      <Text size="sm" fw={600}>
        <FormattedMessage id="groupKey.waitingTitle" />
      </Text>
      <List size="sm" spacing={2}>
        {waiting.map((holder) => (
          <List.Item
            key={holder.userId}
            data-testid="group-key-waiting-member"
            data-user={holder.userId}
            data-reason={holder.reason}
          >
            <bdi>{holder.displayName}</bdi>
            {' — '}
            <FormattedMessage id={waitingReasonId(holder)} />
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
