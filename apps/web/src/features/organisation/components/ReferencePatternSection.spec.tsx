import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, graphqlError } from '../../../test/fake-server';
import { renderApp } from '../../../test/render-app';

/** A busy machine renders slowly: wait longer than the default second. */
const SLOW = 10_000;

function server(initial: string | null) {
  let pattern = initial;
  return fakeServer({
    handlers: {
      OrganisationUsers: () => ({ data: { users: [] } }),
      OrganisationInvitations: () => ({ data: { invitations: [] } }),
      OrganisationReferencePattern: (variables) => ({
        data: {
          organisation: {
            __typename: 'Organisation',
            id: variables['id'],
            caseReferencePattern: pattern,
          },
        },
      }),
      SetCaseReferencePattern: (variables) => {
        const next = variables['pattern'] as string | null;
        if (next === '**') return graphqlError('INVALID_REFERENCE_PATTERN');
        pattern = next;
        return {
          data: {
            setCaseReferencePattern: {
              __typename: 'Organisation',
              id: variables['organisationId'],
              caseReferencePattern: pattern,
            },
          },
        };
      },
    },
  });
}

describe("the organisation's case reference pattern", () => {
  it('shows a live example and a try-out, refuses an unsafe pattern before sending, then saves and clears', async () => {
    const hub = server(null);
    await renderApp({ path: '/organisation', server: hub });
    // The page is loaded lazily: its first transform is slow on a busy machine.
    const section = await screen.findByTestId('reference-pattern-section', {}, { timeout: 45_000 });
    const s = within(section);
    expect(s.getByText(/No pattern/)).toBeTruthy();

    fireEvent.change(s.getByLabelText('Pattern'), { target: { value: '*#*' } });
    fireEvent.click(s.getByRole('button', { name: 'Save the pattern' }));
    expect(await s.findByText(/Put a separator/)).toBeTruthy();
    expect(hub.calls.some((c) => c.operationName === 'SetCaseReferencePattern')).toBe(false);

    fireEvent.change(s.getByLabelText('Pattern'), { target: { value: 'UA-####-@@' } });
    expect(s.getByTestId('reference-pattern-example').textContent).toBe(
      'A reference that follows it: UA-1234-AB',
    );
    fireEvent.change(s.getByLabelText('Try a reference'), { target: { value: 'UA-2024-ЖЯ' } });
    expect(s.getByText('Follows the pattern.')).toBeTruthy();
    fireEvent.change(s.getByLabelText('Try a reference'), { target: { value: 'SYR-1' } });
    expect(s.getByText('Does not follow the pattern.')).toBeTruthy();

    fireEvent.click(s.getByRole('button', { name: 'Save the pattern' }));
    expect(await s.findByText('The pattern is saved.', {}, { timeout: SLOW })).toBeTruthy();
    const saved = hub.calls.find((c) => c.operationName === 'SetCaseReferencePattern');
    expect(saved?.variables).toEqual({ organisationId: 'org-1', pattern: 'UA-####-@@' });

    fireEvent.click(
      await s.findByRole('button', { name: 'Remove the pattern' }, { timeout: SLOW }),
    );
    await waitFor(() =>
      expect(
        hub.calls.filter((c) => c.operationName === 'SetCaseReferencePattern').at(-1)?.variables,
      ).toEqual({
        organisationId: 'org-1',
        pattern: null,
      }),
    );
    expect(await s.findByText('The pattern is removed.', {}, { timeout: SLOW })).toBeTruthy();
  }, 90_000);
});
