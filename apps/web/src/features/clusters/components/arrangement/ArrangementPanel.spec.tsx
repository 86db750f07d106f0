import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { graphqlError } from '../../../../test/fake-server';
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

const DAY = 24 * 60 * 60 * 1000;

const pending = {
  __typename: 'LeadProposal',
  number: 2,
  proposedBy: 'org-2',
  counterTo: null,
  roles: [role('org-1', 'supporting', true), role('org-2', 'lead'), role('org-3', 'observer')],
  deadline: new Date(Date.now() + 3 * DAY).toISOString(),
  mustAnswer: ['org-1', 'org-3'],
  answers: [{ __typename: 'ProposalAnswerEntry', organisationId: 'org-3', answer: 'accepted' }],
};

const callsOf = (
  server: { calls: { operationName: string; variables: Record<string, unknown> }[] },
  name: string,
) => server.calls.filter((c) => c.operationName === name);

// Several steps each, on a machine shared with other test runs.
describe('the lead arrangement panel', { timeout: 60_000 }, () => {
  it('proposes roles: the rule book’s problem shows first, the message is sealed, never sent in clear', async () => {
    const onChanged = vi.fn();
    const { notes, sealed } = fakeNotes();
    const { server } = await renderPanel(
      <ArrangementPanel cluster={cluster()} onChanged={onChanged} />,
      {
        notes,
        handlers: {
          ProposeLeadArrangement: () => ({ data: { proposeLeadArrangement: changed() } }),
        },
      },
    );
    expect((await screen.findByTestId('arrangement-status', {}, SLOW)).textContent).toBe(
      'Open: no lead agreed',
    );
    expect(screen.getByText('No roles are in force yet.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Propose roles' }));
    const form = await screen.findByTestId('proposal-form');
    fireEvent.change(select('Example Centre'), { target: { value: 'lead' } });
    fireEvent.change(select('Justice Archive'), { target: { value: 'lead' } });
    fireEvent.change(select('Rights Watch'), { target: { value: 'supporting' } });
    expect(within(form).getByTestId('proposal-roles-problem').textContent).toBe(
      'At most one organisation leads; the others may co-lead.',
    );
    fireEvent.click(within(form).getByTestId('proposal-submit'));
    expect(callsOf(server, 'ProposeLeadArrangement')).toHaveLength(0);

    fireEvent.change(select('Justice Archive'), { target: { value: 'co_lead' } });
    fireEvent.click(
      within(form).getByLabelText('Rights Watch may refer the cluster to an authority'),
    );
    expect(within(form).queryByTestId('proposal-roles-problem')).toBeNull();
    fireEvent.change(within(form).getByLabelText('Message to the parties (optional)'), {
      target: { value: 'CANARY-PROPOSAL We hold the witnesses.' },
    });
    fireEvent.click(within(form).getByTestId('proposal-submit'));

    await waitFor(() => expect(callsOf(server, 'ProposeLeadArrangement')).toHaveLength(1));
    const input = callsOf(server, 'ProposeLeadArrangement')[0]?.variables['input'] as Record<
      string,
      unknown
    >;
    expect(input).toMatchObject({
      clusterId: 'cl-1',
      expectedVersion: 3,
      counterTo: null,
      roles: [
        { organisationId: 'org-1', role: 'lead', mayRefer: true },
        { organisationId: 'org-2', role: 'co_lead', mayRefer: true },
        { organisationId: 'org-3', role: 'supporting', mayRefer: true },
      ],
      note: { messageId: 'note-1', audience: 'parties_and_coordinators' },
    });
    // Two weeks unless changed (to the minute the form shows).
    const ahead = Date.parse(input['deadline'] as string) - Date.now();
    expect(Math.abs(ahead - 14 * DAY)).toBeLessThan(2 * 60_000);
    expect(sealed).toEqual([
      { clusterId: 'cl-1', text: 'CANARY-PROPOSAL We hold the witnesses.', about: 'proposal' },
    ]);
    expect(JSON.stringify(server.calls)).not.toContain('CANARY-PROPOSAL');
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('shows the pending proposal, and a counter-proposal starts from it', async () => {
    const { server } = await renderPanel(
      <ArrangementPanel
        cluster={cluster(
          {},
          {
            status: 'proposed',
            proposal: pending,
            availableActions: ['accept', 'reject', 'counter'],
          },
        )}
        onChanged={() => undefined}
      />,
      {
        handlers: {
          ProposeLeadArrangement: () => ({ data: { proposeLeadArrangement: changed() } }),
        },
      },
    );
    const proposal = await screen.findByTestId('arrangement-proposal', {}, SLOW);
    expect(proposal.textContent).toContain('Proposal 2 by Justice Archive');
    expect(within(proposal).getByTestId('arrangement-deadline').textContent).toMatch(
      /^Answers due in 3 days \(/,
    );
    expect(within(proposal).getByTestId('arrangement-answers').textContent).toContain(
      'Example Centre: not answered yet',
    );
    expect(within(proposal).getByTestId('arrangement-answers').textContent).toContain(
      'Rights Watch: accepted',
    );
    expect(
      within(screen.getByTestId('arrangement-actions'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Accept', 'Reject', 'Counter-propose']);

    fireEvent.click(screen.getByRole('button', { name: 'Counter-propose' }));
    await screen.findByTestId('proposal-form');
    expect(select('Example Centre').value).toBe('supporting');
    expect(select('Justice Archive').value).toBe('lead');
    expect(select('Rights Watch').value).toBe('observer');
    expect(
      (
        screen.getByLabelText(
          'Example Centre may refer the cluster to an authority',
        ) as HTMLInputElement
      ).checked,
    ).toBe(true);

    fireEvent.change(select('Example Centre'), { target: { value: 'co_lead' } });
    fireEvent.click(screen.getByTestId('proposal-submit'));
    await waitFor(() => expect(callsOf(server, 'ProposeLeadArrangement')).toHaveLength(1));
    expect(callsOf(server, 'ProposeLeadArrangement')[0]?.variables['input']).toMatchObject({
      counterTo: 2,
      note: null,
      roles: [
        { organisationId: 'org-1', role: 'co_lead', mayRefer: true },
        { organisationId: 'org-2', role: 'lead', mayRefer: true },
        { organisationId: 'org-3', role: 'observer', mayRefer: false },
      ],
    });
  });

  it('a rejection needs a reason, sealed as the answer’s note', async () => {
    const { notes, sealed } = fakeNotes();
    const { server } = await renderPanel(
      <ArrangementPanel
        cluster={cluster(
          {},
          {
            status: 'proposed',
            proposal: pending,
            availableActions: ['accept', 'reject', 'counter'],
          },
        )}
        onChanged={() => undefined}
      />,
      {
        notes,
        handlers: { RespondToLeadProposal: () => ({ data: { respondToLeadProposal: changed() } }) },
      },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Reject' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Reject the proposal' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(await within(dialog).findByText('Give a reason.')).toBeTruthy();
    expect(callsOf(server, 'RespondToLeadProposal')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/^Why do you reject it/), {
      target: { value: 'CANARY-REASON our case is older' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(callsOf(server, 'RespondToLeadProposal')).toHaveLength(1));
    expect(callsOf(server, 'RespondToLeadProposal')[0]?.variables['input']).toMatchObject({
      clusterId: 'cl-1',
      expectedVersion: 3,
      proposalNumber: 2,
      accept: false,
      note: { messageId: 'note-1' },
    });
    expect(sealed.map((s) => s.about)).toEqual(['answer']);
    expect(JSON.stringify(server.calls)).not.toContain('CANARY-REASON');
  });

  it('says someone changed it meanwhile when the version is stale, and reloads it', async () => {
    const onChanged = vi.fn();
    await renderPanel(
      <ArrangementPanel
        cluster={cluster(
          {},
          {
            status: 'proposed',
            proposal: pending,
            availableActions: ['accept', 'reject', 'counter'],
          },
        )}
        onChanged={onChanged}
      />,
      { handlers: { RespondToLeadProposal: () => graphqlError('ARRANGEMENT_VERSION_STALE') } },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Accept' }, SLOW));
    const confirm = await screen.findByRole('dialog', { name: 'Accept this proposal?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Accept' }));
    expect((await screen.findByTestId('action-error')).textContent).toBe(
      'Someone changed this arrangement meanwhile. It has been reloaded: check it and try again.',
    );
    expect(onChanged).toHaveBeenCalledTimes(1);
  });
});
