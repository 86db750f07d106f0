import { DirectionProvider, MantineProvider } from '@mantine/core';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACTION_LABEL } from '../graphql/pending-mutations';
import { NetworkStatus, NetworkStatusContext } from '../graphql/network-status';
import { I18nProvider } from '../i18n/I18nProvider';
import { englishMessages, loadMessages } from '../i18n/messages';
import { NetworkBanner } from './NetworkBanner';

async function renderBanner(locale: 'en' | 'ar' = 'en') {
  const connection = Object.assign(new EventTarget(), { navigator: { onLine: true } });
  const status = new NetworkStatus(connection);
  const messages = locale === 'en' ? englishMessages : await loadMessages(locale);
  render(
    <DirectionProvider>
      <MantineProvider>
        <I18nProvider initialLocale={locale} initialMessages={messages}>
          <NetworkStatusContext.Provider value={status}>
            <NetworkBanner />
          </NetworkStatusContext.Provider>
        </I18nProvider>
      </MantineProvider>
    </DirectionProvider>,
  );
  return { status, banner: screen.getByTestId('network-banner') };
}

describe('NetworkBanner: changes waiting to be sent', () => {
  it('lists the pending actions by label, and clears when they are sent', async () => {
    const { status, banner } = await renderBanner();
    expect(banner.textContent).toBe('');
    act(() => {
      status.reportNetworkError();
      status.pending.add('k1', DEFAULT_ACTION_LABEL);
      status.pending.add('k2', 'error.retry');
    });
    const pending = screen.getByTestId('pending-changes');
    expect(pending.textContent).toContain('2 changes are waiting to be sent:');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Your change',
      'Try again',
    ]);
    expect(pending.textContent).toContain('They will be sent when the connection returns.');

    act(() => status.pending.remove('k1'));
    expect(screen.getByTestId('pending-changes').textContent).toContain(
      '1 change is waiting to be sent:',
    );
    act(() => {
      status.pending.remove('k2');
      status.reportSuccess();
    });
    expect(banner.textContent).toBe('');
  });

  it('says it in Arabic with the dual form', async () => {
    const { status } = await renderBanner('ar');
    act(() => {
      status.pending.add('k1');
      status.pending.add('k2');
    });
    expect(screen.getByTestId('pending-changes').textContent).toContain('تغييران بانتظار الإرسال');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'تغييرك',
      'تغييرك',
    ]);
  });
});
