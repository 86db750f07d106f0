import { ActionIcon, Anchor, Button, Group, Indicator, Paper, Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router';
import { BellIcon } from '../../../ui/icons';
import { useSession } from '../../auth/hooks/session';
import { useDisclosurePanel } from '../hooks/useDisclosurePanel';
import { useNotifications } from '../hooks/useNotifications';
import { notificationLink, type AppNotification } from '../utils/notification-text';
import { NotificationList } from './NotificationList';

/** The header's alerts: polled every few seconds while the tab is visible. */
export function NotificationBell() {
  const { viewer } = useSession();
  return viewer ? <Bell /> : null;
}

function Bell() {
  const intl = useIntl();
  const navigate = useNavigate();
  const { list, unread, unreadMessages, read, marking } = useNotifications();
  const panel = useDisclosurePanel();
  // Unread conversation messages count as much as alerts: both wait on the viewer.
  const count = unread.length + unreadMessages;
  const label = intl.formatMessage({ id: 'notifications.bell' }, { count });

  const open = (notification: AppNotification) => {
    panel.close();
    if (!notification.readAt) void read([notification.id]);
    const link = notificationLink(notification);
    if (link) void navigate(link);
  };

  return (
    <div ref={panel.root} style={{ position: 'relative' }} onKeyDown={panel.onKeyDown}>
      <Indicator
        disabled={count === 0}
        label={count > 9 ? '9+' : count}
        size={18}
        color="red.9"
        offset={4}
      >
        <ActionIcon
          ref={panel.button}
          variant="default"
          size="lg"
          aria-label={label}
          aria-expanded={panel.opened}
          aria-controls={panel.panelId}
          onClick={panel.toggle}
          data-testid="notification-bell"
          data-unread={count}
        >
          <BellIcon />
        </ActionIcon>
      </Indicator>
      {panel.opened && (
        <Paper
          id={panel.panelId}
          ref={panel.panel}
          tabIndex={-1}
          role="region"
          aria-label={intl.formatMessage({ id: 'notifications.title' })}
          shadow="md"
          withBorder
          p="xs"
          w={360}
          maw="calc(100vw - 2rem)"
          style={{
            position: 'absolute',
            insetBlockStart: 'calc(100% + 6px)',
            insetInlineEnd: 0,
            zIndex: 300,
          }}
        >
          <Stack gap="xs" data-testid="notification-list">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600} size="sm">
                <FormattedMessage id="notifications.title" />
              </Text>
              {unread.length > 0 && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => void read(unread.map((n) => n.id))}
                  loading={marking}
                >
                  <FormattedMessage id="notifications.markAllRead" />
                </Button>
              )}
            </Group>
            {unreadMessages > 0 && (
              <Anchor
                component={Link}
                to="/clusters"
                size="sm"
                fw={600}
                onClick={panel.close}
                data-testid="notification-unread-messages"
              >
                <FormattedMessage
                  id="notifications.unreadMessages"
                  values={{ count: unreadMessages }}
                />
              </Anchor>
            )}
            <NotificationList list={list} onOpen={open} />
          </Stack>
        </Paper>
      )}
    </div>
  );
}
