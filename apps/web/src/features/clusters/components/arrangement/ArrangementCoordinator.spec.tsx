import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ArrangementPanel } from './ArrangementPanel';
import {
  SLOW,
  changed,
  cluster,
  fakeNotes,
  renderPanel,
  role,
  select,
} from './arrangement-test-fixtures';

const event = (version: number, kind: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'ArrangementEvent',
  id: `e-${version}`,
  version,
  kind,
  at: '2026-11-20T10:00:00.000Z',
  actorOrganisationId: null,
  byCoordinator: false,
  roles: null,
  proposalNumber: null,
  noteMessageId: null,
  ...extra,
});

const escalated = cluster(
  { viewerAccess: 'coordinator' },
  {
    status: 'escalated',
    rejections: 2,
    escalationReason: 'rejected_twice',
    escalatedAt: '2026-11-21T10:00:00.000Z',
    availableActions: ['decide', 'comment'],
    history: [
      event(1, 'proposed', {
        actorOrganisationId: 'org-2',
        proposalNumber: 1,
        noteMessageId: 'm-1',
        roles: [role('org-1', 'supporting'), role('org-2', 'lead'), role('org-3', 'observer')],
      }),
      event(2, 'rejected', {
        actorOrganisationId: 'org-1',
        proposalNumber: 1,
        noteMessageId: 'm-2',
      }),
      event(3, 'escalated'),
    ],
  },
);

describe('the lead arrangement for a coordinator', { timeout: 60_000 }, () => {
  it('shows the history with the notes this device can open', async () => {
    const { notes } = fakeNotes({ 'm-1': 'We hold the main witnesses.' });
    await renderPanel(<ArrangementPanel cluster={escalated} onChanged={() => undefined} />, {
      notes,
    });
    const history = await screen.findByTestId('arrangement-history', {}, SLOW);
    const events = within(history).getAllByTestId('arrangement-event');
    expect(events.map((e) => e.querySelector('p')?.textContent)).toEqual([
      'Justice Archive proposed roles (proposal 1)',
      'Example Centre rejected (proposal 1)',
      'Escalated to the coordinators',
    ]);
    const [proposed, rejected] = events as [HTMLElement, HTMLElement];
    expect(proposed.textContent).toContain('Justice Archive — Lead');
    await waitFor(() =>
      expect(within(proposed).getByTestId('arrangement-note').textContent).toBe(
        'We hold the main witnesses.',
      ),
    );
    expect(within(rejected).getByTestId('arrangement-note').textContent).toBe(
      'A note you hold no copy of on this device.',
    );
    expect(screen.getByTestId('arrangement-escalated').textContent).toMatch(
      /proposals were rejected twice/,
    );
  });

  it('decides with a reason, and comments', async () => {
    const { notes, sealed } = fakeNotes();
    const { server } = await renderPanel(
      <ArrangementPanel cluster={escalated} onChanged={() => undefined} />,
      {
        notes,
        handlers: {
          DecideLeadArrangement: () => ({
            data: { decideLeadArrangement: changed({ status: 'decided' }) },
          }),
          CommentOnArrangement: () => ({
            data: { commentOnArrangement: changed({ status: 'escalated' }) },
          }),
        },
      },
    );
    expect(
      within(await screen.findByTestId('arrangement-actions', {}, SLOW))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Decide', 'Comment']);

    fireEvent.click(screen.getByRole('button', { name: 'Decide' }));
    const form = await screen.findByTestId('proposal-form');
    expect(within(form).queryByLabelText(/Answers due by/)).toBeNull();
    fireEvent.change(select('Example Centre'), { target: { value: 'co_lead' } });
    fireEvent.change(select('Justice Archive'), { target: { value: 'lead' } });
    fireEvent.change(select('Rights Watch'), { target: { value: 'withdrawn' } });
    fireEvent.click(within(form).getByTestId('proposal-submit'));
    expect(await within(form).findByText('Give a reason.')).toBeTruthy();
    expect(server.calls.some((c) => c.operationName === 'DecideLeadArrangement')).toBe(false);

    fireEvent.change(within(form).getByLabelText(/^Reason for the decision/), {
      target: { value: 'Justice Archive holds the oldest case.' },
    });
    fireEvent.click(within(form).getByTestId('proposal-submit'));
    await waitFor(() =>
      expect(
        server.calls.find((c) => c.operationName === 'DecideLeadArrangement')?.variables,
      ).toEqual({
        input: {
          clusterId: 'cl-1',
          expectedVersion: 3,
          roles: [
            { organisationId: 'org-1', role: 'co_lead', mayRefer: true },
            { organisationId: 'org-2', role: 'lead', mayRefer: true },
            { organisationId: 'org-3', role: 'withdrawn', mayRefer: false },
          ],
          note: {
            messageId: 'note-1',
            audience: 'parties_and_coordinators',
            copies: [{ userId: 'user-2', sealed: 'c2VhbGVk' }],
          },
        },
      }),
    );
    expect(sealed[0]).toEqual({
      clusterId: 'cl-1',
      text: 'Justice Archive holds the oldest case.',
      about: 'decision',
    });

    await waitFor(() => expect(screen.queryByTestId('proposal-form')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    const dialog = await screen.findByRole('dialog', { name: 'Comment for the parties' });
    fireEvent.change(within(dialog).getByLabelText(/^Your comment/), {
      target: { value: 'Please talk first.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Comment' }));
    await waitFor(() =>
      expect(
        server.calls.find((c) => c.operationName === 'CommentOnArrangement')?.variables,
      ).toMatchObject({
        input: { clusterId: 'cl-1', note: { messageId: 'note-2' } },
      }),
    );
    expect(sealed[1]?.about).toBe('comment');
  });

  it('reads in Arabic, right to left', async () => {
    await renderPanel(<ArrangementPanel cluster={escalated} onChanged={() => undefined} />, {
      locale: 'ar',
    });
    expect((await screen.findByRole('heading', { name: 'من يقود' }, SLOW)).tagName).toBe('H2');
    expect(screen.getByRole('button', { name: 'اتخاذ القرار' })).toBeTruthy();
    expect(
      within(screen.getByTestId('arrangement-history')).getAllByTestId('arrangement-event')[0]
        ?.textContent,
    ).toContain('اقترحت Justice Archive الأدوار');
    expect(document.documentElement.dir).toBe('rtl');
  });
});
