import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, ORG_ADMIN_VIEWER, type FakeViewer } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';
import { SLOW, card, buttons, expandAll, inboxServer } from './overlaps-test-fixtures';

// Several steps each, on a machine shared with other test runs.
describe('the overlaps inbox', { timeout: 30_000 }, () => {
  it('explains each overlap, and offers only the actions its state allows', async () => {
    await renderApp({ path: '/overlaps', server: inboxServer() });
    await expandAll();

    expect(within(card('o-new')).getByTestId('overlap-summary').textContent).toBe(
      'Your case SYR-001 overlaps with a case held by another organisation.',
    );
    expect(within(card('o-new')).getByTestId('overlap-explanation').textContent).toBe(
      'Probable: name pair and name pair + birth year',
    );
    expect(buttons('o-new')).toEqual(['Request contact', 'Confirm', 'Mark as false match']);

    expect(within(card('o-asked')).getByTestId('overlap-contact').textContent).toMatch(
      /^The other organisation asks to get in touch/,
    );
    expect(buttons('o-asked')).toEqual([
      'Accept contact',
      'Decline',
      'Confirm',
      'Mark as false match',
    ]);

    expect(within(card('o-revealed')).getByTestId('overlap-summary').textContent).toBe(
      'Your case SYR-003 overlaps with a case held by Justice Archive.',
    );
    expect(within(card('o-revealed')).getByTestId('overlap-explanation').textContent).toBe(
      'Possible: Telegram account',
    );
    expect(buttons('o-revealed')).toEqual([]);

    const retracted = card('o-retracted');
    expect(retracted.getAttribute('data-state')).toBe('retracted');
    expect(retracted.textContent).toContain('Retracted');
    // Never silent: the other side's change is on record, with its date.
    expect(within(retracted).getByTestId('overlap-counterpart-change').textContent).toMatch(
      /^The other organisation changed its case on .*2025/,
    );
    expect(within(card('o-new')).queryByTestId('overlap-counterpart-change')).toBeNull();
    // A band, never a raw score.
    expect(screen.getByText(/Probable: name pair/).textContent).not.toMatch(/0\.\d/);
    expect(buttons('o-retracted')).toEqual([]);
  });

  it('a false match needs a reason; contact is asked for after a confirmation', async () => {
    const server = inboxServer();
    await renderApp({ path: '/overlaps', server });
    await expandAll(['c1', 'c2']);

    fireEvent.click(within(card('o-new')).getByRole('button', { name: 'Mark as false match' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark as a false match' }, SLOW);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as false match' }));
    expect(await within(dialog).findByText('Give a reason.')).toBeTruthy();
    expect(server.calls.some((c) => c.operationName === 'SetOverlapVerdict')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText(/^Reason/), {
      target: { value: 'Different father’s name in our records' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as false match' }));
    await waitFor(() =>
      expect(server.calls.find((c) => c.operationName === 'SetOverlapVerdict')?.variables).toEqual({
        overlapId: 'o-new',
        verdict: 'false_match',
        reason: 'Different father’s name in our records',
      }),
    );

    fireEvent.click(within(card('o-new')).getByRole('button', { name: 'Request contact' }));
    const ask = await screen.findByRole('dialog', { name: 'Ask to get in touch?' }, SLOW);
    expect(ask.textContent).toMatch(/both organisations see each other’s name/);
    fireEvent.click(within(ask).getByRole('button', { name: 'Request contact' }));
    await waitFor(() =>
      expect(server.calls.find((c) => c.operationName === 'RequestContact')?.variables).toEqual({
        overlapId: 'o-new',
      }),
    );

    fireEvent.click(within(card('o-asked')).getByRole('button', { name: 'Decline' }));
    await waitFor(() =>
      expect(server.calls.find((c) => c.operationName === 'RespondToContact')?.variables).toEqual({
        overlapId: 'o-asked',
        accept: false,
      }),
    );
  });

  it('shows no action to a viewer, who does not act on overlaps', async () => {
    const viewer = {
      ...ORG_ADMIN_VIEWER,
      user: { ...ORG_ADMIN_VIEWER.user, role: 'viewer' },
      actor: { ...ORG_ADMIN_VIEWER.actor, role: 'viewer' },
    } as FakeViewer;
    await renderApp({ path: '/overlaps', server: inboxServer(viewer) });
    await expandAll();
    expect(screen.queryByTestId('overlap-actions')).toBeNull();
  });

  it('reads in Arabic', async () => {
    await renderApp({ locale: 'ar', path: '/overlaps', server: inboxServer() });
    expect((await screen.findByTestId('overlaps-total', {}, SLOW)).textContent).toBe(
      '4 تداخلات في 4 من قضاياك',
    );
    await expandAll();
    expect(within(card('o-new')).getByTestId('overlap-explanation').textContent).toBe(
      'مرجّح: زوج من الأسماء وزوج من الأسماء + سنة الميلاد',
    );
    expect(document.documentElement.dir).toBe('rtl');
  });
});

describe('the notification bell', () => {
  const NOTIFICATIONS = [
    {
      __typename: 'Notification',
      id: 'n1',
      kind: 'overlap.new',
      payload: {
        overlapId: 'o-new',
        caseId: 'c1',
        caseReference: 'SYR-001',
        strength: 'probable',
        matched: ['name.pair+yob'],
      },
      createdAt: '2025-03-01T10:00:00Z',
      readAt: null,
      workingGroupId: 'group-1',
    },
    {
      __typename: 'Notification',
      id: 'n2',
      kind: 'overlap.contact_requested',
      payload: { overlapId: 'o-asked', caseId: 'c2', caseReference: 'SYR-002', strength: 'strong' },
      createdAt: '2025-03-01T11:00:00Z',
      readAt: null,
      workingGroupId: 'group-1',
    },
    {
      __typename: 'Notification',
      id: 'n3',
      kind: 'oprf.budget_exceeded',
      payload: { organisationId: 'org-9', organisationName: 'Rights Watch', allowed: 5000 },
      createdAt: '2025-02-01T11:00:00Z',
      readAt: '2025-02-02T11:00:00Z',
      workingGroupId: 'group-1',
    },
  ];

  it('counts unread alerts, words each kind, and marks them read', async () => {
    const server = fakeServer({
      handlers: {
        Notifications: () => ({ data: { notifications: NOTIFICATIONS } }),
        MarkNotificationsRead: (v) => ({
          data: { markNotificationsRead: (v['ids'] as string[]).length },
        }),
      },
    });
    await renderApp({ path: '/', server });
    const bell = await screen.findByRole('button', { name: 'Notifications, unread: 2' }, SLOW);
    fireEvent.click(bell);
    const items = await screen.findAllByTestId('notification-item');
    expect(items.map((i) => i.firstElementChild?.textContent)).toEqual([
      'Unread: New overlap: your case SYR-001 overlaps with a case held by another organisation (Probable: name pair + birth year).',
      'Unread: Another organisation asks to get in touch about your case SYR-002.',
      'Rights Watch reached today’s fingerprinting limit (5,000 keys). This can be a large import, or someone guessing names.',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() =>
      expect(
        server.calls.find((c) => c.operationName === 'MarkNotificationsRead')?.variables,
      ).toEqual({
        ids: ['n1', 'n2'],
      }),
    );
  });
});
