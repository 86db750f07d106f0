import { openGroupKey } from '@parallax/identity';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../crypto/base64';
import { fakeServer, graphqlError } from '../../../test/fake-server';
import { keyedViewer, loginParametersHandler, sealedStatus } from '../../../test/keys-fixture';
import { renderApp } from '../../../test/render-app';

const GROUP = {
  __typename: 'WorkingGroup',
  id: 'group-1',
  name: 'Syria group',
  description: '',
  createdAt: '2025-01-01T00:00:00Z',
  members: [],
  coordinators: [],
  donors: [],
};

async function unlock() {
  const prompt = await screen.findByTestId('unlock-keys');
  fireEvent.change(within(prompt).getByLabelText(/^Password/), { target: { value: 'pw' } });
  fireEvent.click(within(prompt).getByRole('button', { name: 'Unlock keys' }));
}

describe('the group key on the working-group page', () => {
  it('a coordinator creates it on this device, sealed to each member, after a fresh code', async () => {
    const coordinator = keyedViewer(
      { coordinatorOf: ['group-1'], memberOf: [], organisationKind: 'secretariat' },
      { id: 'user-1' },
    );
    const member = keyedViewer({}, { id: 'user-2' });
    const recipients = [
      { userId: 'user-1', displayName: 'Rana', publicKey: coordinator.viewer.publicKey },
      { userId: 'user-2', displayName: 'Lina', publicKey: member.viewer.publicKey },
    ];
    const sent: { grants: Array<{ userId: string; sealedKey: string }> | null } = { grants: null };
    let steppedUp = false;
    const server = fakeServer({
      viewer: coordinator.viewer,
      handlers: {
        LoginParameters: loginParametersHandler,
        WorkingGroupDetail: () => ({ data: { workingGroup: GROUP } }),
        GroupKeyStatus: () => ({
          data: {
            groupKeyStatus: {
              __typename: 'GroupKeyStatus',
              workingGroupId: 'group-1',
              epoch: sent.grants ? 1 : null,
              mySealedKey: sent.grants?.find((g) => g.userId === 'user-1')?.sealedKey ?? null,
              isCoordinator: true,
              pendingRecipients: sent.grants ? [] : recipients,
            },
          },
        }),
        RotateGroupKey: (v) => {
          if (!steppedUp) return graphqlError('STEP_UP_REQUIRED');
          sent.grants = v['grants'] as typeof sent.grants;
          return { data: { rotateGroupKey: 1 } };
        },
        StepUp: () => {
          steppedUp = true;
          return { data: { stepUp: '2099-01-01T00:05:00Z' } };
        },
      },
    });
    await renderApp({ path: '/working-groups/group-1', server });
    await unlock();
    const create = await screen.findByTestId('group-key-create');
    expect(screen.getByTestId('group-key-create-intro').textContent).toMatch(
      /made on this device, right now, and sealed to each member’s public key/,
    );
    fireEvent.click(create);

    const dialog = await screen.findByRole('dialog', { name: 'Confirm it’s you' });
    fireEvent.change(within(dialog).getByLabelText(/^Authenticator code/), {
      target: { value: '123456' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    const ready = await screen.findByTestId('group-key-ready');
    expect(ready.textContent).toMatch(/The group key \(epoch 1\) is unlocked on this device/);

    // One sealed copy per member, each opening only with that member's private key, to the same key.
    expect(sent.grants?.map((g) => g.userId).sort()).toEqual(['user-1', 'user-2']);
    const open = (userId: string, privateKey: Uint8Array) =>
      openGroupKey(
        base64ToBytes(sent.grants?.find((g) => g.userId === userId)?.sealedKey ?? ''),
        privateKey,
        { workingGroupId: 'group-1', epoch: 1, recipientUserId: userId },
      );
    const forCoordinator = await open('user-1', coordinator.privateKey);
    const forMember = await open('user-2', member.privateKey);
    expect(bytesToBase64(forMember)).toBe(bytesToBase64(forCoordinator));
    await expect(open('user-2', coordinator.privateKey)).rejects.toThrow();
    // The key itself never went to the server.
    const wire = server.requests.map((r) => String(r.body)).join('\n');
    expect(wire).not.toContain(bytesToBase64(forCoordinator));

    // Rotation is offered, with its consequence spelled out.
    fireEvent.click(screen.getByTestId('group-key-rotate'));
    const rotate = await screen.findByRole('dialog', { name: 'Rotate the group key?' });
    expect(rotate.textContent).toMatch(
      /stops matching until its organisation fingerprints it again/,
    );
  });

  it('a member’s open app shares the key with members still waiting, by itself', async () => {
    const holder = keyedViewer({ role: 'investigator' }, { id: 'user-1', role: 'investigator' });
    const newcomer = keyedViewer({}, { id: 'user-9' });
    const groupKey = new Uint8Array(32).fill(3);
    const status = await sealedStatus(holder.viewer, groupKey, {
      pendingRecipients: [
        { userId: 'user-9', displayName: 'Newcomer', publicKey: newcomer.viewer.publicKey },
      ],
    });
    const got: {
      fulfilled: { epoch: number; grants: Array<{ userId: string; sealedKey: string }> } | null;
    } = { fulfilled: null };
    const server = fakeServer({
      viewer: holder.viewer,
      handlers: {
        LoginParameters: loginParametersHandler,
        WorkingGroupDetail: () => ({ data: { workingGroup: GROUP } }),
        GroupKeyStatus: () => ({
          data: {
            groupKeyStatus: {
              __typename: 'GroupKeyStatus',
              ...status,
              pendingRecipients: got.fulfilled ? [] : status.pendingRecipients,
            },
          },
        }),
        FulfilGroupKeyGrants: (v) => {
          got.fulfilled = v as unknown as typeof got.fulfilled;
          return { data: { fulfilGroupKeyGrants: 1 } };
        },
      },
    });
    await renderApp({ path: '/working-groups/group-1', server });
    await unlock();
    await screen.findByTestId('group-key-ready');
    await waitFor(() => expect(got.fulfilled).not.toBeNull());
    const grant = got.fulfilled?.grants[0];
    expect(got.fulfilled?.epoch).toBe(1);
    expect(grant?.userId).toBe('user-9');
    const opened = await openGroupKey(base64ToBytes(grant?.sealedKey ?? ''), newcomer.privateKey, {
      workingGroupId: 'group-1',
      epoch: 1,
      recipientUserId: 'user-9',
    });
    expect(Array.from(opened)).toEqual(Array.from(groupKey));
    expect(screen.queryByTestId('group-key-create')).toBeNull();
  });
});
