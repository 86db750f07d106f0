import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ArrangementPanel } from './ArrangementPanel';
import { SLOW, changed, cluster, renderPanel, role } from './arrangement-test-fixtures';

describe('reopening a coordinators’ decision', { timeout: 60_000 }, () => {
  it('a party asks to reopen a decision; the coordinator keeps it, saying why', async () => {
    const decided = {
      status: 'decided',
      inForceBy: 'decision',
      inForce: [role('org-1', 'observer'), role('org-2', 'lead', true), role('org-3', 'withdrawn')],
    };
    const reopen = {
      RequestArrangementReopen: () => ({
        data: { requestArrangementReopen: changed({ status: 'reopen_requested' }) },
      }),
      AnswerArrangementReopen: () => ({
        data: { answerArrangementReopen: changed({ status: 'decided' }) },
      }),
    };
    const party = await renderPanel(
      <ArrangementPanel
        cluster={cluster({}, { ...decided, availableActions: ['request_reopen'] })}
        onChanged={() => undefined}
      />,
      { handlers: reopen },
    );
    expect((await screen.findByTestId('arrangement-in-force', {}, SLOW)).textContent).toContain(
      'Justice Archive — Lead',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ask to reopen' }));
    const ask = await screen.findByRole('dialog', {
      name: 'Ask the coordinators to reopen their decision',
    });
    fireEvent.click(within(ask).getByRole('button', { name: 'Ask to reopen' }));
    expect(await within(ask).findByText('Give a reason.')).toBeTruthy();
    fireEvent.change(within(ask).getByLabelText(/^Why should it be reopened/), {
      target: { value: 'We now hold the lead case.' },
    });
    fireEvent.click(within(ask).getByRole('button', { name: 'Ask to reopen' }));
    await waitFor(() =>
      expect(
        party.server.calls.find((c) => c.operationName === 'RequestArrangementReopen')?.variables,
      ).toMatchObject({
        input: { clusterId: 'cl-1', expectedVersion: 3, note: { messageId: 'note-1' } },
      }),
    );
    party.unmount();

    const coordinator = await renderPanel(
      <ArrangementPanel
        cluster={cluster(
          { viewerAccess: 'coordinator' },
          {
            ...decided,
            status: 'reopen_requested',
            reopenRequestedBy: 'org-1',
            availableActions: ['answer_reopen', 'comment'],
          },
        )}
        onChanged={() => undefined}
      />,
      { handlers: reopen },
    );
    expect(
      await screen.findByText(
        'Example Centre asked the coordinators to reopen their decision.',
        {},
        SLOW,
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep the decision' }));
    const answer = await screen.findByRole('dialog', { name: 'Keep the decision' });
    fireEvent.change(within(answer).getByLabelText(/^Your answer to the parties/), {
      target: { value: 'Nothing changed.' },
    });
    fireEvent.click(within(answer).getByRole('button', { name: 'Keep the decision' }));
    await waitFor(() =>
      expect(
        coordinator.server.calls.find((c) => c.operationName === 'AnswerArrangementReopen')
          ?.variables,
      ).toMatchObject({
        input: {
          clusterId: 'cl-1',
          expectedVersion: 3,
          grant: false,
          note: { messageId: 'note-1' },
        },
      }),
    );
  });
});
