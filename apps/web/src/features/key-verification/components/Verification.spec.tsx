import { decodeCertificateBody, safetyNumber, verifyCertificate } from '@parallax/identity';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../crypto/base64';
import { keyWorld, type KeyWorld, type WorldUser } from '../../../test/key-world';
import { renderApp } from '../../../test/render-app';
import {
  AMIRA_ORG_ADMIN,
  keyWorldServer,
  LINA_INVESTIGATOR,
  RANA_COORDINATOR,
} from '../../../test/working-group-fixtures';
import { browserPinStore } from '../../group-keys/utils/pin-store';

const SLOW = { timeout: 10_000 };

function serverFor(world: KeyWorld, viewer: WorldUser) {
  return keyWorldServer(world, viewer, {
    OrganisationUsers: () => ({ data: { users: [] } }),
    OrganisationInvitations: () => ({ data: { invitations: [] } }),
  });
}

async function unlock() {
  const prompt = (await screen.findAllByTestId('unlock-keys', {}, SLOW))[0];
  if (!prompt) throw new Error('no prompt');
  fireEvent.change(within(prompt).getByLabelText(/^Password/), { target: { value: 'pw' } });
  fireEvent.click(within(prompt).getByRole('button', { name: 'Unlock keys' }));
}

function world() {
  const w = keyWorld('group-1');
  const coordinator = w.addUser(RANA_COORDINATOR);
  const admin = w.addUser(AMIRA_ORG_ADMIN);
  const investigator = w.addUser(LINA_INVESTIGATOR);
  return { w, coordinator, admin, investigator };
}

describe('verifying keys with a safety number', () => {
  it(
    'a coordinator verifies an organisation admin: same number as the admin sees, then a certificate signed on this device',
    { timeout: 60_000 },
    async () => {
      const { w, coordinator, admin } = world();
      await renderApp({ path: '/working-groups/group-1', server: serverFor(w, coordinator) });
      await unlock();
      const row = await screen.findByTestId('verify-admin', {}, SLOW);
      expect(row.getAttribute('data-status')).toBe('unverified');
      expect(within(row).getByTestId('verification-status').textContent).toBe('Not verified');
      fireEvent.click(within(row).getByTestId('verify-open'));

      const dialog = await screen.findByTestId('verify-dialog', {}, SLOW);
      // What the admin's own device shows for the same pair (its real keys, the coordinator as listed).
      const onAdminDevice = safetyNumber(w.bundle(admin), w.bundle(coordinator));
      expect(within(dialog).getByTestId('safety-number-digits').getAttribute('data-value')).toBe(
        onAdminDevice,
      );
      expect(within(dialog).getByTestId('verify-why').textContent).toMatch(
        /on a call or in person, never through a message sent by the hub/,
      );
      fireEvent.click(within(dialog).getByTestId('verify-match'));

      await waitFor(() => expect(w.certificates).toHaveLength(1), SLOW);
      const [certificate] = w.certificates;
      const body = verifyCertificate(
        {
          body: base64ToBytes(certificate?.body ?? ''),
          signature: base64ToBytes(certificate?.signature ?? ''),
        },
        coordinator.signingPublicKey,
      );
      expect(body).toMatchObject({
        kind: 'org_admin',
        workingGroupId: 'group-1',
        subjectUserId: 'admin-a',
        organisationId: 'org-a',
        issuerUserId: 'coordinator',
      });
      await waitFor(
        () =>
          expect(screen.getByTestId('verify-admin').getAttribute('data-status')).toBe('verified'),
        SLOW,
      );
    },
  );

  it('"They differ" certifies nothing', { timeout: 60_000 }, async () => {
    const { w, coordinator } = world();
    await renderApp({ path: '/working-groups/group-1', server: serverFor(w, coordinator) });
    await unlock();
    const row = await screen.findByTestId('verify-admin', {}, SLOW);
    fireEvent.click(within(row).getByTestId('verify-open'));
    fireEvent.click(
      within(await screen.findByTestId('verify-dialog', {}, SLOW)).getByTestId('verify-differ'),
    );
    await waitFor(() => expect(screen.queryByTestId('verify-dialog')).toBeNull(), SLOW);
    expect(w.callsOf('CertifyKey')).toHaveLength(0);
  });

  it(
    'an org admin verifies a colleague (member certificate) and pins the coordinator as verified',
    { timeout: 60_000 },
    async () => {
      const { w, coordinator, admin, investigator } = world();
      await renderApp({ path: '/organisation', server: serverFor(w, admin) });
      await unlock();

      const member = await screen.findByTestId('verify-member', {}, SLOW);
      expect(member.getAttribute('data-user')).toBe('inv-a');
      fireEvent.click(within(member).getByTestId('verify-open'));
      fireEvent.click(
        within(await screen.findByTestId('verify-dialog', {}, SLOW)).getByTestId('verify-match'),
      );
      await waitFor(() => expect(w.certificates).toHaveLength(1), SLOW);
      const body = decodeCertificateBody(base64ToBytes(w.certificates[0]?.body ?? ''));
      expect(body).toMatchObject({
        kind: 'member',
        workingGroupId: null,
        subjectUserId: investigator.id,
      });
      await waitFor(
        () =>
          expect(screen.getByTestId('verify-member').getAttribute('data-status')).toBe('verified'),
        SLOW,
      );

      const ours = await screen.findByTestId('verify-our-coordinator', {}, SLOW);
      expect(ours.getAttribute('data-status')).toBe('unseen');
      fireEvent.click(within(ours).getByTestId('verify-open'));
      const dialog = await screen.findByTestId('verify-dialog', {}, SLOW);
      expect(within(dialog).getByTestId('safety-number-digits').getAttribute('data-value')).toBe(
        safetyNumber(w.bundle(coordinator), w.bundle(admin)),
      );
      fireEvent.click(within(dialog).getByTestId('verify-match'));
      await waitFor(
        () =>
          expect(browserPinStore().read('admin-a', 'group-1')['coordinator']?.verified).toBe(true),
        SLOW,
      );
      await waitFor(
        () =>
          expect(screen.getByTestId('verify-our-coordinator').getAttribute('data-status')).toBe(
            'verified',
          ),
        SLOW,
      );
    },
  );
});
