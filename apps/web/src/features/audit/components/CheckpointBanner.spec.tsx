import { ed25519 } from '@noble/curves/ed25519.js';
import { checkpointMessage, type KeptCheckpoint, type SignedCheckpoint } from '@parallax/hub-client';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../crypto/base64';
import { fakeServer } from '../../../test/fake-server';
import { renderApp } from '../../../test/render-app';
import { CHECKPOINT_STORAGE_KEY } from '../hooks/useAuditCheckpoint';
import { CheckpointBanner } from './CheckpointBanner';

const hubKey = ed25519.utils.randomSecretKey();
const hubPublicKey = bytesToBase64(ed25519.getPublicKey(hubKey));
const hash = (c: string) => c.repeat(64);

function signed(seq: string, headHash: string): SignedCheckpoint {
  const createdAt = '2026-11-27T08:00:00.000Z';
  const signature = bytesToBase64(ed25519.sign(checkpointMessage({ seq, headHash, createdAt }), hubKey));
  return { seq, headHash, createdAt, signature };
}

function hub(latest: SignedCheckpoint, entryHashAtKnownSeq: (knownSeq: unknown) => string | null) {
  return fakeServer({
    handlers: {
      AuditCheckpoint: (variables) => ({
        data: {
          auditCheckpoint: {
            __typename: 'AuditCheckpointView',
            hubPublicKey,
            latest: { __typename: 'AuditCheckpoint', ...latest },
            entryHashAtKnownSeq: entryHashAtKnownSeq(variables['knownSeq']),
          },
        },
      }),
    },
  });
}

const kept = (): KeptCheckpoint | null => {
  const text = window.localStorage.getItem(CHECKPOINT_STORAGE_KEY);
  return text ? (JSON.parse(text) as KeptCheckpoint) : null;
};

describe("the browser's own check of the hub's audit history", () => {
  it('keeps the first signed checkpoint it sees, then moves forward while the history holds it', async () => {
    const first = signed('10', hash('a'));
    const view = await renderApp({ element: <CheckpointBanner />, server: hub(first, () => null) });
    expect((await screen.findByTestId('checkpoint-status')).dataset['ok']).toBe('true');
    await waitFor(() => expect(kept()).toEqual({ hubPublicKey, checkpoint: first }));
    view.unmount();

    const later = signed('25', hash('b'));
    const server = hub(later, (seq) => (seq === '10' ? hash('a') : null));
    await renderApp({ element: <CheckpointBanner />, server });
    expect((await screen.findByTestId('checkpoint-status')).textContent).toContain('entry 25');
    expect(server.calls.find((c) => c.operationName === 'AuditCheckpoint')?.variables).toEqual({ knownSeq: '10' });
    await waitFor(() => expect(kept()?.checkpoint).toEqual(later));
  });

  it('raises the alarm when the hub rewrote an entry this browser holds a checkpoint of, and keeps the evidence', async () => {
    const old = signed('10', hash('a'));
    window.localStorage.setItem(CHECKPOINT_STORAGE_KEY, JSON.stringify({ hubPublicKey, checkpoint: old }));
    await renderApp({ element: <CheckpointBanner />, server: hub(signed('25', hash('c')), () => hash('d')) });
    // The banner itself, not the first alert on the page (it failed once, on a loaded CI machine, on
    // an alert without a problem); the page's text goes with the failure.
    const alert = await screen.findByTestId('checkpoint-status');
    await waitFor(() => expect(alert.dataset['problem'], document.body.textContent ?? '').toBe('history_rewritten'));
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('no longer contains the checkpoint this browser kept (entry 10)');
    expect(kept()?.checkpoint).toEqual(old);
  });
});
