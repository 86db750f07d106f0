import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { formatDateTime } from '../../../ui/format';
import type { ConversationEntry } from '../hooks/useConversation';
import { ContactCard } from './ContactCard';

/** The sender's organisation as the cluster reveals it; a coordinator's note says so. */
function SenderName({
  entry,
  names,
}: {
  entry: ConversationEntry;
  names: ReadonlyMap<string, string>;
}) {
  if (entry.mine) return <FormattedMessage id="conversation.you" />;
  // An unverified copy's sender is only the hub's word: not named.
  if (!entry.verified) return <FormattedMessage id="conversation.unknownSender" />;
  const name = entry.senderOrganisationId ? names.get(entry.senderOrganisationId) : undefined;
  if (name) return <bdi>{name}</bdi>;
  return <FormattedMessage id="conversation.coordinator" />;
}

function MessageBody({ entry }: { entry: ConversationEntry }) {
  const body = entry.body;
  if (!body) {
    return (
      <Text size="sm" c="red.8" fw={600} data-testid="message-unverified">
        <FormattedMessage id="conversation.unverified" />
      </Text>
    );
  }
  if (body.kind === 'contact_card') return <ContactCard {...body} />;
  return (
    <Stack gap={2}>
      {body.kind === 'note' && (
        <Text size="xs" c="dimmed">
          <FormattedMessage id="conversation.noteAbout" values={{ about: body.about }} />
        </Text>
      )}
      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {body.text}
      </Text>
    </Stack>
  );
}

/**
 * The conversation, oldest first, in a scrolling log that follows new
 * messages. Each shows who sent it, when, and whether this device verified
 * its signature against a key it checked itself.
 */
export function ConversationMessages({
  entries,
  organisationNames,
}: {
  entries: readonly ConversationEntry[];
  organisationNames: ReadonlyMap<string, string>;
}) {
  const intl = useIntl();
  const viewport = useRef<HTMLDivElement>(null);
  const newest = entries.at(-1)?.id;
  useEffect(() => {
    // A new message scrolls into view, as in any chat.
    const el = viewport.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [newest]);

  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="conversation-empty">
        <FormattedMessage id="conversation.empty" />
      </Text>
    );
  }
  return (
    <Box
      ref={viewport}
      role="log"
      aria-label={intl.formatMessage({ id: 'conversation.logLabel' })}
      // Scrollable, so reachable with the keyboard.
      tabIndex={0}
      mah={420}
      style={{ overflowY: 'auto' }}
      data-testid="conversation-log"
    >
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {entries.map((entry) => (
          <Paper
            component="li"
            key={entry.id}
            withBorder
            p="xs"
            ms={entry.mine ? 'xl' : 0}
            me={entry.mine ? 0 : 'xl'}
            bg={entry.mine ? 'var(--mantine-color-blue-light)' : undefined}
            data-testid="conversation-message"
            data-message-id={entry.id}
            data-verified={entry.verified ? 'true' : 'false'}
          >
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Group gap="xs">
                  <Text size="sm" fw={600} data-testid="message-sender">
                    <SenderName entry={entry} names={organisationNames} />
                  </Text>
                  {entry.verified && (
                    <Badge
                      size="xs"
                      color="teal"
                      variant="light"
                      tt="none"
                      data-testid="message-verified"
                    >
                      <FormattedMessage id="conversation.verified" />
                    </Badge>
                  )}
                  {!entry.read && !entry.mine && (
                    <Badge size="xs" color="blue" variant="filled" tt="none">
                      <FormattedMessage id="conversation.new" />
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" component="time" dateTime={entry.createdAt}>
                  {formatDateTime(intl, entry.createdAt)}
                </Text>
              </Group>
              <MessageBody entry={entry} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}
