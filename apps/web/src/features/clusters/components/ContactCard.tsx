import { Paper, Stack, Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';

/** A contact card shared in the conversation: a person to reach, and how (their words, shown as sent). */
export function ContactCard({
  name,
  role,
  channel,
}: {
  name: string;
  role: string;
  channel: string;
}) {
  return (
    <Paper withBorder p="xs" data-testid="contact-card">
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          <FormattedMessage id="conversation.contactCard" />
        </Text>
        <Text fw={600} dir="auto">
          {name}
        </Text>
        {role && (
          <Text size="sm" dir="auto">
            {role}
          </Text>
        )}
        <Text size="sm">
          <FormattedMessage
            id="conversation.contactChannel"
            values={{ channel: <bdi>{channel}</bdi> }}
          />
        </Text>
      </Stack>
    </Paper>
  );
}
