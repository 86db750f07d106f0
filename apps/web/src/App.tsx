import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { directionOf, type Locale } from '@parallax/domain';
import type { Client } from '@urql/core';
import { StrictMode, useState } from 'react';
import { RouterProvider, type DataRouter } from 'react-router';
import { Provider as GraphqlProvider } from 'urql';
import { SessionProvider } from './features/auth/hooks/session';
import { StepUpProvider } from './features/auth/hooks/step-up';
import {
  KeyDerivationContext,
  workerKeyDerivation,
  type KeyDerivation,
} from './crypto/key-derivation';
import { browserKeySession } from './crypto/browser-key-session';
import { KeyStore, KeyStoreContext } from './crypto/key-store';
import {
  createWorkerFingerprinter,
  FingerprinterContext,
  type FingerprinterFactory,
} from './features/fingerprinting/utils/fingerprinter';
import { GroupKeyStore, GroupKeyStoreContext } from './features/group-keys/hooks/store';
import { NetworkStatusContext, type NetworkStatus } from './graphql/network-status';
import { I18nProvider } from './i18n/I18nProvider';
import type { Messages } from './i18n/messages';
import { cssVariablesResolver, theme } from './theme';

export interface AppProps {
  locale: Locale;
  messages: Messages;
  client: Client;
  networkStatus: NetworkStatus;
  router: DataRouter;
  /** Tests run the password KDF in-process; the app uses a Web Worker. */
  keyDerivation?: KeyDerivation;
  /** Tests fingerprint in-process; the app uses a Web Worker. */
  fingerprinter?: FingerprinterFactory;
  /** What happens after logout; a full page load by default. */
  onSignedOut?: () => void;
}

/**
 * Providers, outermost first: direction, design system, language, network,
 * data, in-memory keys (the user's and the working groups'), session and policy, step-up prompt, routes.
 */
export function App({
  locale,
  messages,
  client,
  networkStatus,
  router,
  keyDerivation = workerKeyDerivation,
  fingerprinter = createWorkerFingerprinter,
  onSignedOut,
}: AppProps) {
  const [keyStore] = useState(() => new KeyStore(browserKeySession()));
  const [groupKeyStore] = useState(() => new GroupKeyStore());
  return (
    <StrictMode>
      <DirectionProvider initialDirection={directionOf(locale)} detectDirection={false}>
        <MantineProvider
          theme={theme}
          cssVariablesResolver={cssVariablesResolver}
          defaultColorScheme="light"
        >
          <I18nProvider initialLocale={locale} initialMessages={messages}>
            <NetworkStatusContext.Provider value={networkStatus}>
              <GraphqlProvider value={client}>
                <KeyDerivationContext.Provider value={keyDerivation}>
                  <KeyStoreContext.Provider value={keyStore}>
                    <GroupKeyStoreContext.Provider value={groupKeyStore}>
                      <FingerprinterContext.Provider value={fingerprinter}>
                        <SessionProvider {...(onSignedOut ? { onSignedOut } : {})}>
                          <StepUpProvider>
                            <Notifications position="top-center" />
                            <RouterProvider router={router} />
                          </StepUpProvider>
                        </SessionProvider>
                      </FingerprinterContext.Provider>
                    </GroupKeyStoreContext.Provider>
                  </KeyStoreContext.Provider>
                </KeyDerivationContext.Provider>
              </GraphqlProvider>
            </NetworkStatusContext.Provider>
          </I18nProvider>
        </MantineProvider>
      </DirectionProvider>
    </StrictMode>
  );
}
