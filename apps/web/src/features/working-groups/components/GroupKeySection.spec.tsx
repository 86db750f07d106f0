import { openGroupKey, pinOf, verifyEpochCommitment } from '@parallax/identity';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../crypto/base64';
import { graphqlError } from '../../../test/fake-server';
import { keyWorld, type KeyWorld, type WorldUser } from '../../../test/key-world';
import { renderApp } from '../../../test/render-app';
import {
  AMIRA_ORG_ADMIN,
  keyWorldServer,
  LINA_INVESTIGATOR,
  RANA_COORDINATOR,
  SLOW,
  unlockKeys,
} from '../../../test/working-group-fixtures';
import { browserPinStore } from '../../group-keys/utils/pin-store';

/** Opens a grant of the current epoch as its recipient would (HPKE Auth mode, sender's key). */
function openAs(world: KeyWorld, recipient: WorldUser) {
  const grant = world.grantOf(recipient.id);
  if (!grant) throw new Error(`no grant for ${recipient.id}`);
  const sender = world.users.get(grant.senderId);
  if (!sender) throw new Error('unknown sender');
  return openGroupKey(
    base64ToBytes(grant.sealedKey),
    recipient.privateKey,
    {
      workingGroupId: 'group-1',
      epoch: world.epochs.length,
      recipientUserId: recipient.id,
      senderUserId: sender.id,
    },
    sender.publicKey,
  );
}

/**
 * A coordinator (secretariat), a member organisation's admin the coordinator
 * verified, an investigator that admin verified, and an account the hub
 * created in the same organisation under the real admin's name (issue 9).
 */
function world() {
  const w = keyWorld('group-1');
  const coordinator = w.addUser(RANA_COORDINATOR);
  const admin = w.addUser(AMIRA_ORG_ADMIN);
  const investigator = w.addUser(LINA_INVESTIGATOR);
  const planted = w.addUser({
    id: 'planted',
    displayName: 'Amira Haddad',
    organisationId: 'org-a',
    role: 'org_admin',
  });
  w.certify('org_admin', admin, coordinator);
  w.certify('member', investigator, admin);
  return { w, coordinator, admin, investigator, planted };
}

describe('the group key on the working-group page', () => {
  it(
    'a coordinator creates it on this device, with a signed commitment, sealed only to verified members',
    { timeout: 60_000 },
    async () => {
      const { w, coordinator, admin, investigator, planted } = world();
      let steppedUp = false;
      const rotate = w.handlers(coordinator.id)['RotateGroupKey'];
      const server = keyWorldServer(w, coordinator, {
        RotateGroupKey: (v) => (steppedUp && rotate ? rotate(v) : graphqlError('STEP_UP_REQUIRED')),
        StepUp: () => {
          steppedUp = true;
          return { data: { stepUp: '2099-01-01T00:05:00Z' } };
        },
      });
      await renderApp({ path: '/working-groups/group-1', server });
      await unlockKeys();
      const create = await screen.findByTestId('group-key-create', {}, { timeout: SLOW });
      expect(screen.getByTestId('group-key-create-intro').textContent).toMatch(
        /made on this device, right now, and sealed to each member’s public key/,
      );
      fireEvent.click(create);

      const dialog = await screen.findByRole(
        'dialog',
        { name: 'Confirm it’s you' },
        { timeout: SLOW },
      );
      fireEvent.change(within(dialog).getByLabelText(/^Authenticator code/), {
        target: { value: '123456' },
      });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
      const ready = await screen.findByTestId('group-key-ready', {}, { timeout: SLOW });
      expect(ready.textContent).toMatch(/The group key \(epoch 1\) is unlocked on this device/);

      // Sealed to the coordinator and the verified chain only: never to the account the hub made.
      const sent = w.callsOf('RotateGroupKey')[0]?.variables;
      const grants = sent?.['grants'] as Array<{ userId: string }>;
      expect(grants.map((g) => g.userId).sort()).toEqual(['admin-a', 'coordinator', 'inv-a']);
      const forCoordinator = await openAs(w, coordinator);
      expect(bytesToBase64(await openAs(w, admin))).toBe(bytesToBase64(forCoordinator));
      expect(bytesToBase64(await openAs(w, investigator))).toBe(bytesToBase64(forCoordinator));
      expect(w.grantOf(planted.id)).toBeNull();
      // The commitment binds the epoch to this very key, signed by the coordinator.
      const commitment = sent?.['commitment'] as { tag: string; signature: string };
      expect(
        verifyEpochCommitment(
          forCoordinator,
          { workingGroupId: 'group-1', epoch: 1, coordinatorUserId: 'coordinator' },
          { tag: base64ToBytes(commitment.tag), signature: base64ToBytes(commitment.signature) },
          coordinator.signingPublicKey,
        ),
      ).toBe(true);
      // The key itself never went to the server.
      const wire = server.requests.map((r) => String(r.body)).join('\n');
      expect(wire).not.toContain(bytesToBase64(forCoordinator));

      // The card says who is still waiting, and who has to act.
      const waiting = await screen.findByTestId('group-key-waiting', {}, { timeout: SLOW });
      await waitFor(
        () =>
          expect(within(waiting).getByTestId('group-key-waiting-member').textContent).toBe(
            'Amira Haddad — waiting for a coordinator to verify them',
          ),
        { timeout: SLOW },
      );
      expect(
        within(waiting).getByTestId('group-key-waiting-member').getAttribute('data-user'),
      ).toBe('planted');

      // Rotation is offered, with its consequence spelled out.
      fireEvent.click(screen.getByTestId('group-key-rotate'));
      const confirm = await screen.findByRole('dialog', { name: 'Rotate the group key?' });
      expect(confirm.textContent).toMatch(
        /stops matching until its organisation fingerprints it again/,
      );
    },
  );

  it(
    'a member’s open app shares the key by itself — with verified newcomers only, saying why the others wait',
    { timeout: 60_000 },
    async () => {
      const { w, coordinator, admin, planted } = world();
      const colleague = w.addUser({
        id: 'inv-b',
        displayName: 'Karim',
        organisationId: 'org-a',
        role: 'investigator',
      });
      const vouchedByPlanted = w.addUser({
        id: 'inv-c',
        displayName: 'Omar',
        organisationId: 'org-a',
        role: 'investigator',
      });
      w.certify('member', colleague, admin);
      w.certify('member', vouchedByPlanted, planted);
      const groupKey = await w.startEpoch(coordinator, [admin]);
      const server = keyWorldServer(w, admin);
      await renderApp({ path: '/working-groups/group-1', server });
      await unlockKeys();
      await screen.findByTestId('group-key-ready', {}, { timeout: SLOW });

      // The investigator verified earlier and the new colleague get it; nobody else.
      await waitFor(() => expect(w.callsOf('FulfilGroupKeyGrants').length).toBeGreaterThan(0), {
        timeout: SLOW,
      });
      const sealedFor = w
        .callsOf('FulfilGroupKeyGrants')
        .flatMap((c) => (c.variables['grants'] as Array<{ userId: string }>).map((g) => g.userId));
      expect(sealedFor.sort()).toEqual(['inv-a', 'inv-b']);
      expect(Array.from(await openAs(w, colleague))).toEqual(Array.from(groupKey));
      expect(w.grantOf(planted.id)).toBeNull();
      expect(w.grantOf(vouchedByPlanted.id)).toBeNull();

      // This device pinned the coordinator who signed the epoch, on first use.
      expect(browserPinStore().read('admin-a', 'group-1')['coordinator']?.verified).toBe(false);

      const waiting = await screen.findByTestId('group-key-waiting', {}, { timeout: SLOW });
      const reasons = within(waiting)
        .getAllByTestId('group-key-waiting-member')
        .map((li) => li.textContent)
        .sort();
      expect(reasons).toEqual([
        'Amira Haddad — waiting for a coordinator to verify them',
        'Omar — waiting for a coordinator to verify their admin',
      ]);
      expect(screen.queryByTestId('group-key-create')).toBeNull();
    },
  );

  it(
    'refuses a copy of a key the coordinator did not commit to, reports it, and says so',
    { timeout: 60_000 },
    async () => {
      const { w, coordinator, admin, investigator } = world();
      await w.startEpoch(coordinator, [admin]);
      // A member (or the hub) front-runs the newcomer with a key of its own.
      await w.plantGrant(investigator, admin, new Uint8Array(32).fill(9));
      const server = keyWorldServer(w, investigator);
      await renderApp({ path: '/working-groups/group-1', server });
      await unlockKeys();

      const refused = await screen.findByTestId('group-key-refused', {}, { timeout: SLOW });
      expect(refused.getAttribute('data-reason')).toBe('commitment_mismatch');
      expect(refused.textContent).toMatch(/does not match the key the coordinator committed to/);
      expect(w.callsOf('RejectGroupKeyGrant')).toHaveLength(1);
      expect(w.grantOf(investigator.id)).toBeNull();
      expect(screen.queryByTestId('group-key-ready')).toBeNull();
    },
  );

  it(
    'a changed coordinator key blocks all sharing, with "Verify again"',
    { timeout: 60_000 },
    async () => {
      const { w, coordinator, admin } = world();
      const second = w.addUser({
        id: 'coordinator-2',
        displayName: 'Sami',
        organisationId: 'secretariat',
        isCoordinator: true,
      });
      const newcomer = w.addUser({
        id: 'inv-b',
        displayName: 'Karim',
        organisationId: 'org-a',
        role: 'investigator',
      });
      w.certify('member', newcomer, admin);
      await w.startEpoch(coordinator, [admin]);
      // This device knew both coordinators; the hub now lists other keys for the second.
      await browserPinStore().save('admin-a', 'group-1', {
        coordinator: pinOf(w.bundle(coordinator), true),
        'coordinator-2': pinOf(w.bundle(second), true),
      });
      second.listed.encryptionPublicKey = new Uint8Array(32).fill(7);
      const server = keyWorldServer(w, admin);
      await renderApp({ path: '/working-groups/group-1', server });
      await unlockKeys();

      const banner = await screen.findByTestId('coordinator-key-changed', {}, { timeout: SLOW });
      expect(banner.textContent).toMatch(/The key the server now lists for Sami/);
      expect(within(banner).getByTestId('verify-open').textContent).toBe('Verify again');
      // The banner comes after the round that would have sealed: it sealed nothing.
      expect(w.callsOf('FulfilGroupKeyGrants')).toHaveLength(0);
      expect(w.grantOf(newcomer.id)).toBeNull();
    },
  );
});
