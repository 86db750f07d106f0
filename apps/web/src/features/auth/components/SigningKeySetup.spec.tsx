import { ed25519 } from '@noble/curves/ed25519.js';
import { openSigningKey } from '@parallax/identity';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../crypto/base64';
import { fakeServer } from '../../../test/fake-server';
import { FAKE_ENCRYPTION_KEY } from '../../../test/key-world';
import { keyedViewer, loginParametersHandler } from '../../../test/keys-fixture';
import { renderApp } from '../../../test/render-app';

describe('an account made before signing keys', () => {
  it('gets an Ed25519 key at its next unlock, sealed under the same password-derived key', async () => {
    const { viewer } = keyedViewer();
    const older = { ...viewer, signingPublicKey: null, encryptedSigningKey: null };
    const server = fakeServer({
      viewer: older,
      handlers: { LoginParameters: loginParametersHandler },
    });
    await renderApp({ path: '/account', server });
    const prompt = await screen.findByTestId('unlock-keys', {}, { timeout: 10_000 });
    fireEvent.change(within(prompt).getByLabelText(/^Password/), { target: { value: 'pw' } });
    fireEvent.click(within(prompt).getByRole('button', { name: 'Unlock keys' }));

    await waitFor(
      () => expect(server.calls.some((c) => c.operationName === 'SetSigningKey')).toBe(true),
      { timeout: 10_000 },
    );
    const calls = server.calls.filter((c) => c.operationName === 'SetSigningKey');
    expect(calls).toHaveLength(1);
    const { signingPublicKey, encryptedSigningKey } = calls[0]?.variables as Record<string, string>;
    const signingKey = openSigningKey(
      base64ToBytes(encryptedSigningKey ?? ''),
      FAKE_ENCRYPTION_KEY,
    );
    expect(ed25519.getPublicKey(signingKey)).toEqual(base64ToBytes(signingPublicKey ?? ''));
  });

  it('an account that has one opens it, and registers nothing', async () => {
    const { viewer } = keyedViewer();
    const server = fakeServer({ viewer, handlers: { LoginParameters: loginParametersHandler } });
    await renderApp({ path: '/account', server });
    const prompt = await screen.findByTestId('unlock-keys', {}, { timeout: 10_000 });
    fireEvent.change(within(prompt).getByLabelText(/^Password/), { target: { value: 'pw' } });
    fireEvent.click(within(prompt).getByRole('button', { name: 'Unlock keys' }));
    await screen.findByText('Your keys are unlocked on this device.', {}, { timeout: 10_000 });
    expect(server.calls.some((c) => c.operationName === 'SetSigningKey')).toBe(false);
  });
});
