import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../../test/fake-server';
import { renderApp } from '../../../test/render-app';
import { WhoCanUnblock } from './WhoCanUnblock';

const person = (userId: string, displayName: string, isCoordinator = false) => ({
  __typename: 'KeyUnblocker',
  userId,
  displayName,
  organisationName: 'Example Centre',
  role: 'org_admin',
  isCoordinator,
});

function answer(askedAt: string | null) {
  return {
    __typename: 'KeyUnblockers',
    workingGroupId: 'group-1',
    reason: 'uncertified',
    askedAt,
    canAskAgainAt: askedAt ? '2026-11-27T10:00:00.000Z' : null,
    people: [person('admin-1', 'Amal Admin'), person('admin-2', 'Bassel Admin')],
  };
}

describe('who can unblock a waiting user', () => {
  it('names them, asks them once, then says they were asked', async () => {
    const server = fakeServer({
      handlers: {
        KeyUnblockers: () => ({ data: { keyUnblockers: answer(null) } }),
        AskForGroupKey: () => ({ data: { askForGroupKey: answer('2026-11-27T09:00:00.000Z') } }),
      },
    });
    await renderApp({
      element: <WhoCanUnblock workingGroupId="group-1" role="investigator" />,
      server,
    });
    const list = await screen.findByTestId('key-unblockers');
    expect(list.textContent).toContain('an admin of your organisation');
    expect(screen.getAllByTestId('key-unblocker').map((li) => li.dataset['user'])).toEqual([
      'admin-1',
      'admin-2',
    ]);
    fireEvent.click(screen.getByTestId('key-unblockers-ask'));
    expect(await screen.findByTestId('key-unblockers-asked')).toBeTruthy();
    expect(screen.queryByTestId('key-unblockers-ask')).toBeNull();
    await waitFor(() =>
      expect(server.calls.filter((c) => c.operationName === 'AskForGroupKey')).toHaveLength(1),
    );
    expect(server.calls.find((c) => c.operationName === 'AskForGroupKey')?.variables).toEqual({
      workingGroupId: 'group-1',
    });
  });

  it('shows nothing to someone who holds the key', async () => {
    const server = fakeServer({
      handlers: {
        KeyUnblockers: () => ({
          data: { keyUnblockers: { ...answer(null), reason: 'has_key', people: [] } },
        }),
      },
    });
    await renderApp({ element: <WhoCanUnblock workingGroupId="group-1" role="investigator" />, server });
    await waitFor(() =>
      expect(server.calls.some((c) => c.operationName === 'KeyUnblockers')).toBe(true),
    );
    expect(screen.queryByTestId('key-unblockers')).toBeNull();
  });
});
