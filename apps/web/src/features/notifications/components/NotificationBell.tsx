import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Paper,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/hooks/session';
import { MarkNotificationsReadDocument, NotificationsDocument } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { formatDateTime } from '../../../ui/format';
import { BellIcon } from '../../../ui/icons';
import { POLL_MS, usePolling } from '../../../ui/usePolling';
import { notificationLink, notificationText, type AppNotification } from '../utils/notification-text';

const SHOWN = 20;

/** The header's alerts: polled every few seconds while the tab is visible. */
export function NotificationBell() {
  const { viewer } = useSession();
  return viewer ? <Bell /> : null;
}

function Bell() {
  const intl = useIntl();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const variables = useMemo(() => ({ unreadOnly: false, limit: SHOWN }), []);
  const [{ data }, reexecute] = useQuery({ query: NotificationsDocument, variables });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  usePolling(refresh, POLL_MS);
  const markRead = useAction(MarkNotificationsReadDocument);

  const list = data?.notifications ?? [];
  const unread = list.filter((n) => !n.readAt);
  const label = intl.formatMessage({ id: 'notifications.bell' }, { count: unread.length });

  const read = async (ids: string[]) => {
    if (ids.length === 0) return;
    const result = await markRead.run({ ids });
    if (!result.error) refresh();
  };

  // A disclosure: Escape or a click elsewhere closes it, focus goes into it
  // when it opens and back to the bell when it closes with the keyboard.
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!opened) return;
    panel.current?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpened(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [opened]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && opened) {
      setOpened(false);
      button.current?.focus();
    }
  };

  const open = (notification: AppNotification) => {
    setOpened(false);
    if (!notification.readAt) void read([notification.id]);
    const link = notificationLink(notification);
    if (link) void navigate(link);
  };

  return (
    <div ref={root} style={{ position: 'relative' }} onKeyDown={onKeyDown}>
      <Indicator
        disabled={unread.length === 0}
        label={unread.length > 9 ? '9+' : unread.length}
        size={18}
        color="red.9"
        offset={4}
      >
        <ActionIcon
          ref={button}
          variant="default"
          size="lg"
          aria-label={label}
          aria-expanded={opened}
          aria-controls={panelId}
          onClick={() => setOpened((o) => !o)}
          data-testid="notification-bell"
          data-unread={unread.length}
        >
          <BellIcon />
        </ActionIcon>
      </Indicator>
      {opened && (
        <Paper
          id={panelId}
          ref={panel}
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
                  loading={markRead.fetching}
                >
                  <FormattedMessage id="notifications.markAllRead" />
                </Button>
              )}
            </Group>
            {list.length === 0 ? (
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
            )}
          </Stack>
        </Paper>
      )}
    </div>
  );
}
