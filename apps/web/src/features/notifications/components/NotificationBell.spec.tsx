import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../../test/fake-server';
import { renderApp } from '../../../test/render-app';

const SLOW = { timeout: 10_000 };

const alert = (
  id: string,
  kind: string,
  payload: Record<string, unknown>,
  readAt: string | null,
) => ({
  __typename: 'Notification',
  id,
  kind,
  payload,
  createdAt: '2026-11-27T08:00:00Z',
  readAt,
  workingGroupId: 'group-1',
});

const NOTIFICATIONS = [
  alert('n1', 'arrangement.proposed', { clusterId: 'k-1', workingGroupId: 'group-1' }, null),
  alert('n2', 'referral.recorded', { clusterId: 'k-1', referralId: 'r-1' }, '2026-11-27T09:00:00Z'),
];

function server(unreadMessageCount: number) {
  return fakeServer({
    handlers: {
      Notifications: () => ({ data: { notifications: NOTIFICATIONS } }),
      BellUnreadMessageCount: () => ({ data: { unreadMessageCount } }),
      MarkNotificationsRead: (v) => ({
        data: { markNotificationsRead: (v['ids'] as string[]).length },
      }),
    },
  });
}

describe('the bell', () => {
  it('counts unread alerts and unread conversation messages, and leads to the clusters', async () => {
    const { router } = await renderApp({ path: '/', server: server(3) });
    const bell = await screen.findByRole('button', { name: 'Notifications, unread: 4' }, SLOW);
    expect(bell.getAttribute('data-unread')).toBe('4');
    fireEvent.click(bell);
    const messages = await screen.findByTestId('notification-unread-messages');
    expect(messages.textContent).toBe('3 unread messages in your clusters’ conversations');
    expect(messages.getAttribute('href')).toBe('/clusters');
    const items = screen.getAllByTestId('notification-item');
    expect(items.map((i) => i.firstElementChild?.textContent)).toEqual([
      'Unread: A lead arrangement was proposed for one of your clusters: accept, reject or counter-propose before the deadline.',
      'A referral of one of your clusters to an authority was recorded.',
    ]);
    fireEvent.click(items[0] as HTMLElement);
    await waitFor(() => expect(router.state.location.pathname).toBe('/clusters/k-1'));
  });

  it('shows no message line when every message is read, and counts alerts alone', async () => {
    await renderApp({ path: '/', server: server(0) });
    const bell = await screen.findByRole('button', { name: 'Notifications, unread: 1' }, SLOW);
    fireEvent.click(bell);
    const list = await screen.findByTestId('notification-list');
    expect(within(list).queryByTestId('notification-unread-messages')).toBeNull();
  });

  it('still shows the alerts when the message count fails', async () => {
    const failing = fakeServer({
      handlers: {
        Notifications: () => ({ data: { notifications: NOTIFICATIONS } }),
        BellUnreadMessageCount: () => ({
          data: null,
          errors: [{ message: 'INTERNAL', extensions: { code: 'INTERNAL' } }],
        }),
      },
    });
    await renderApp({ path: '/', server: failing });
    expect(
      await screen.findByRole('button', { name: 'Notifications, unread: 1' }, SLOW),
    ).toBeTruthy();
  });

  it('polls the message count with the notifications', async () => {
    const s = server(1);
    await renderApp({ path: '/', server: s });
    await screen.findByRole('button', { name: 'Notifications, unread: 2' }, SLOW);
    expect(s.calls.some((c) => c.operationName === 'BellUnreadMessageCount')).toBe(true);
  });
});
