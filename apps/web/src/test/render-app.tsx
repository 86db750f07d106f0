import type { Locale } from '@parallax/domain';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter } from 'react-router';
import { App } from '../App';
import type { KeyDerivation } from '../crypto/key-derivation';
import type { FingerprinterFactory } from '../features/fingerprinting/utils/fingerprinter';
import { createInProcessFingerprinter } from '../features/fingerprinting/utils/in-process';
import { createGraphqlClient } from '../graphql/client';
import { NetworkStatus } from '../graphql/network-status';
import { applyDocumentLocale } from '../i18n/locale';
import { loadMessages } from '../i18n/messages';
import { routes } from '../router';
import { fakeServer, type FakeServer } from './fake-server';

export { fakeServer, SERVER_INFO } from './fake-server';
export type { FakeServer } from './fake-server';

/** A window-like event target whose online state the test controls. */
export function fakeConnection() {
  const target = new EventTarget();
  const navigator = { onLine: true };
  return {
    target: Object.assign(target, { navigator }),
    setOnline(online: boolean) {
      navigator.onLine = online;
      target.dispatchEvent(new Event(online ? 'online' : 'offline'));
    },
  };
}

/** Instant, fixed "keys": tests check the flow, not argon2 (libs/identity tests that). */
export const fakeKeyDerivation: KeyDerivation = {
  derive: () =>
    Promise.resolve({
      loginKey: new Uint8Array(32).fill(1),
      encryptionKey: new Uint8Array(32).fill(2),
    }),
  createAccount: () =>
    Promise.resolve({
      kdfSalt: new Uint8Array(16).fill(3),
      kdfParams: { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 },
      loginKey: new Uint8Array(32).fill(1),
      encryptionKey: new Uint8Array(32).fill(2),
      publicKey: new Uint8Array(32).fill(4),
      privateKey: new Uint8Array(32).fill(5),
      encryptedPrivateKey: new Uint8Array(73).fill(6),
      signingPublicKey: new Uint8Array(32).fill(7),
      signingPrivateKey: new Uint8Array(32).fill(8),
      encryptedSigningKey: new Uint8Array(73).fill(9),
    }),
};

export async function renderApp({
  locale = 'en',
  path = '/',
  server = fakeServer(),
  connection = fakeConnection(),
  keyDerivation = fakeKeyDerivation,
  fingerprinter = createInProcessFingerprinter,
  element,
}: {
  /** Renders this instead of the app's routes (still inside every provider). */
  element?: ReactElement;
  locale?: Locale;
  path?: string;
  server?: FakeServer;
  connection?: ReturnType<typeof fakeConnection>;
  keyDerivation?: KeyDerivation;
  /** The fingerprint worker's engine, run in-process (happy-dom has no module workers). */
  fingerprinter?: FingerprinterFactory;
} = {}) {
  applyDocumentLocale(locale);
  const messages = await loadMessages(locale);
  const networkStatus = new NetworkStatus(connection.target);
  const client = createGraphqlClient({ networkStatus, fetch: server.fetch });
  const router = createMemoryRouter(element ? [{ path: '*', element }] : routes, {
    initialEntries: [path],
  });
  const view = render(
    <App
      locale={locale}
      messages={messages}
      client={client}
      networkStatus={networkStatus}
      router={router}
      keyDerivation={keyDerivation}
      fingerprinter={fingerprinter}
      onSignedOut={() => undefined}
    />,
  );
  return { ...view, router, server, connection, networkStatus };
}
