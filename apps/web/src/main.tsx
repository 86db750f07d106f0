import './styles/mantine.css';
import './styles/global.css';

import { DEFAULT_LOCALE } from '@parallax/domain';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createGraphqlClient } from './graphql/client';
import { NetworkStatus } from './graphql/network-status';
import { applyDocumentLocale, initialLocale } from './i18n/locale';
import { englishMessages, loadMessages } from './i18n/messages';
import { createAppRouter } from './router';

async function start(): Promise<void> {
  let locale = initialLocale();
  applyDocumentLocale(locale);
  // Fetch the language's messages before the first render, so the interface
  // never flashes in English; if they cannot be fetched, English it is.
  let messages = englishMessages;
  try {
    messages = await loadMessages(locale);
  } catch {
    locale = DEFAULT_LOCALE;
    applyDocumentLocale(locale);
  }

  const networkStatus = new NetworkStatus();
  const client = createGraphqlClient({ networkStatus });
  const router = createAppRouter();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html lacks #root.');
  createRoot(container).render(
    <App
      locale={locale}
      messages={messages}
      client={client}
      networkStatus={networkStatus}
      router={router}
    />,
  );
}

void start();
