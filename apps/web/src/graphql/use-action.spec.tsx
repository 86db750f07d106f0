import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkNotificationsReadDocument } from '../gql/graphql';
import { NetworkBanner } from '../shell/NetworkBanner';
import { fakeServer, type FakeServer } from '../test/fake-server';
import { renderApp } from '../test/render-app';
import { ActionError } from '../ui/ActionError';
import { useAction } from './use-action';

function MarkRead() {
  const mark = useAction(MarkNotificationsReadDocument, { label: 'error.retry' });
  return (
    <>
      <NetworkBanner />
      <button type="button" onClick={() => void mark.run({ ids: ['n-1'] })}>
        Mark read
      </button>
      {mark.data && <p>Marked {mark.data.markNotificationsRead}</p>}
      <ActionError error={mark.error} onRetry={mark.retry} />
    </>
  );
}

/** The Idempotency-Key of each MarkNotificationsRead request, in order. */
const keysSent = (server: FakeServer) =>
  server.requests
    .filter((init) => String(init.body).includes('"operationName":"MarkNotificationsRead"'))
    .map((init) => new Headers(init.headers).get('idempotency-key'));

describe('useAction on a bad connection', () => {
  it('resends a lost change by itself with the same key, listed as pending meanwhile', async () => {
    const server = fakeServer({
      handlers: { MarkNotificationsRead: () => ({ data: { markNotificationsRead: 1 } }) },
    });
    await renderApp({ server, element: <MarkRead /> });
    server.goDown();
    fireEvent.click(await screen.findByRole('button', { name: 'Mark read' }));
    const pending = await screen.findByTestId('pending-changes');
    expect(pending.textContent).toContain('1 change is waiting to be sent:');
    // The action's label, as it was started.
    expect(pending.querySelector('li')?.textContent).toBe('Try again');

    server.comeBack();
    expect(await screen.findByText('Marked 1', undefined, { timeout: 5_000 })).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('pending-changes')).toBeNull());
    const keys = keysSent(server);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    const delivered = server.calls.filter((c) => c.operationName === 'MarkNotificationsRead');
    expect(delivered.map((c) => c.delivered)).toEqual([...keys.slice(1).map(() => false), true]);
  });

  it('gives each new action its own key', async () => {
    const server = fakeServer({
      handlers: { MarkNotificationsRead: () => ({ data: { markNotificationsRead: 1 } }) },
    });
    await renderApp({ server, element: <MarkRead /> });
    const button = await screen.findByRole('button', { name: 'Mark read' });
    fireEvent.click(button);
    await screen.findByText('Marked 1');
    fireEvent.click(button);
    await waitFor(() => expect(keysSent(server)).toHaveLength(2));
    const [first, second] = keysSent(server);
    expect(first).not.toBe(second);
  });
});
