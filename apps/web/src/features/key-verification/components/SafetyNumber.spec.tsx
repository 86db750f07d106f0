import { safetyNumber, safetyNumberQr, type KeyBundle } from '@parallax/identity';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keyWorld } from '../../../test/key-world';
import { renderApp } from '../../../test/render-app';
import { safetyNumberGroups, SafetyNumber } from './SafetyNumber';
import { VerifyDialog } from './VerifyDialog';

const noop = () => Promise.resolve(false);

function pair(): [KeyBundle, KeyBundle] {
  const w = keyWorld();
  const a = w.addUser({ id: 'coordinator', organisationId: 'secretariat', isCoordinator: true });
  const b = w.addUser({ id: 'admin-a', organisationId: 'org-a', role: 'org_admin' });
  return [w.bundle(a), w.bundle(b)];
}

describe('the safety number', () => {
  it('reads as six groups of five digits, large, monospaced, left to right, with its QR code', async () => {
    const [a, b] = pair();
    const digits = safetyNumber(a, b);
    await renderApp({
      locale: 'ar',
      element: <SafetyNumber safetyNumber={digits} qrText={safetyNumberQr(a, b)} />,
    });
    const box = await screen.findByTestId('safety-number-digits');
    const groups = within(box).getAllByTestId('safety-number-group');
    expect(groups).toHaveLength(6);
    for (const group of groups) expect(group.textContent).toMatch(/^\d{5}$/);
    expect(groups.map((g) => g.textContent).join(' ')).toBe(digits);
    // Digits are read in the same order in every language, Arabic included.
    expect(box.getAttribute('dir')).toBe('ltr');
    expect(box.getAttribute('aria-label')).toBe('رقم الأمان');
    const qr = await screen.findByTestId('safety-number-qr');
    expect(qr.getAttribute('data-qr-text')).toBe(`parallax-sn:1:${digits.replaceAll(' ', '')}`);
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  });

  it('normalises any spacing into the six groups', () => {
    expect(safetyNumberGroups('123451234512345 12345-12345 12345')).toEqual([
      '12345',
      '12345',
      '12345',
      '12345',
      '12345',
      '12345',
    ]);
  });

  it('is the same on both devices, and says why to compare it out of band', async () => {
    const [coordinator, admin] = pair();
    const { unmount } = await renderApp({
      element: (
        <VerifyDialog
          opened
          onClose={() => undefined}
          me={coordinator}
          other={admin}
          name="Amira"
          onMatch={noop}
        />
      ),
    });
    const onCoordinatorSide = (await screen.findByTestId('safety-number-digits')).getAttribute(
      'data-value',
    );
    expect(screen.getByTestId('verify-why').textContent).toBe(
      'Compare this number with Amira on a call or in person, never through a message sent by the hub: if it is the same on both screens, nobody in between, not even the server, has slipped in a key of its own.',
    );
    unmount();
    await renderApp({
      element: (
        <VerifyDialog
          opened
          onClose={() => undefined}
          me={admin}
          other={coordinator}
          name="Rana"
          onMatch={noop}
        />
      ),
    });
    await waitFor(() =>
      expect(screen.getByTestId('safety-number-digits').getAttribute('data-value')).toBe(
        onCoordinatorSide,
      ),
    );
  });

  it('differs when the hub lists someone else’s keys under the same name', async () => {
    const [coordinator, admin] = pair();
    const [, impostor] = pair();
    const substituted = { ...impostor, userId: admin.userId, organisationId: admin.organisationId };
    expect(safetyNumber(coordinator, substituted)).not.toBe(safetyNumber(coordinator, admin));
  });
});
