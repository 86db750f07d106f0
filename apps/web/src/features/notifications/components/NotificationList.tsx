import { ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { formatDateTime } from '../../../ui/format';
import { notificationText, type AppNotification } from '../utils/notification-text';

/** The notifications, unread ones first in weight (and announced as unread). */
export function NotificationList({
  list,
  onOpen: open,
}: {
  list: readonly AppNotification[];
  onOpen: (notification: AppNotification) => void;
}) {
  const intl = useIntl();
  return list.length === 0 ? (
    <Text size="sm" c="dimmed">
      <FormattedMessage id="notifications.none" />
    </Text>
  ) : (
    <ScrollArea.Autosize mah={360}>
      <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.map((n) => (
          <li key={n.id}>
            <UnstyledButton
              onClick={() => open(n)}
              p="xs"
              w="100%"
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              bg={n.readAt ? undefined : 'var(--mantine-color-blue-light)'}
              data-testid="notification-item"
              data-kind={n.kind}
              data-unread={!n.readAt}
            >
              <Text size="sm" fw={n.readAt ? 400 : 600}>
                {!n.readAt && (
                  <VisuallyHidden component="span">
                    {intl.formatMessage({ id: 'notifications.unread' })}{' '}
                  </VisuallyHidden>
                )}
                {notificationText(intl, n)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(intl, n.createdAt)}
              </Text>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
