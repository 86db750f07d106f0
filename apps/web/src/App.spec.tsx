import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeConnection, fakeServer, renderApp, SERVER_INFO } from './test/render-app';

const html = () => document.documentElement;

describe('shell', () => {
  it('renders the home page inside labelled landmarks, with a skip link', async () => {
    await renderApp();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to Parallax' }),
    ).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main');
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe(
      '#main',
    );
    expect(screen.getByTestId('languages-count').textContent).toBe(
      'Parallax is available in 5 languages.',
    );
    expect(document.title).toBe('Home · Parallax');
  });

  it('queries the server over GraphQL with the CSRF header and same-origin cookies', async () => {
    const server = fakeServer();
    await renderApp({ server });
    const footer = await screen.findByTestId('server-info');
    await waitFor(() => expect(footer.textContent).toContain(`Version ${SERVER_INFO.version}`));
    expect(within(footer).getByText('Demo instance: do not enter real data.')).toBeTruthy();
    const request = server.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.credentials).toBe('same-origin');
    expect(new Headers(request?.headers).get('x-parallax-csrf')).toBe('1');
  });

  it('navigates between sections and marks the current one', async () => {
    await renderApp();
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    // Sections appear once the session (and with it the policy) has loaded.
    fireEvent.click(await within(nav).findByRole('link', { name: 'Cases' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cases' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'Cases' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
    expect(document.title).toBe('Cases · Parallax');
  });

  it('shows a 404 page for unknown paths, inside the shell', async () => {
    await renderApp({ path: '/no/such/page' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe(
      '/',
    );
    expect(screen.getByTestId('language-switch')).toBeTruthy();
  });
});

describe('language switch', () => {
  it('is a select labelled "Language" whose values are locale codes', async () => {
    await renderApp();
    const select = (await screen.findByRole('combobox', { name: 'Language' })) as HTMLSelectElement;
    expect(select.dataset['testid']).toBe('language-switch');
    expect([...select.options].map((option) => option.value)).toEqual([
      'en',
      'fr',
      'es',
      'ar',
      'uk',
    ]);
    expect(select.value).toBe('en');
  });

  it('switches to Arabic: right-to-left, translated, remembered', async () => {
    await renderApp();
    expect(html().getAttribute('dir')).toBe('ltr');
    fireEvent.change(await screen.findByTestId('language-switch'), { target: { value: 'ar' } });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'مرحبًا بك في Parallax' }),
    ).toBeTruthy();
    expect(html().getAttribute('dir')).toBe('rtl');
    expect(html().getAttribute('lang')).toBe('ar');
    expect(screen.getByRole('combobox', { name: 'اللغة' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'التنقل الرئيسي' })).toBeTruthy();
    expect(screen.getByTestId('languages-count').textContent).toBe('يتوفّر Parallax بـ5 لغات.');
    expect(window.localStorage.getItem('parallax.locale')).toBe('ar');

    fireEvent.change(screen.getByTestId('language-switch'), { target: { value: 'uk' } });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ласкаво просимо до Parallax' }),
    ).toBeTruthy();
    expect(html().getAttribute('dir')).toBe('ltr');
    expect(html().getAttribute('lang')).toBe('uk');
    expect(screen.getByTestId('languages-count').textContent).toBe('Parallax має 5 мовних версій.');
  });

  it('starts in the remembered language', async () => {
    await renderApp({ locale: 'ar' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'مرحبًا بك في Parallax' }),
    ).toBeTruthy();
    expect(html().getAttribute('dir')).toBe('rtl');
    expect((screen.getByTestId('language-switch') as HTMLSelectElement).value).toBe('ar');
  });
});

describe('connection problems', () => {
  it('tells the user when the browser goes offline, and clears when it is back', async () => {
    const connection = fakeConnection();
    await renderApp({ connection });
    const banner = await screen.findByTestId('network-banner');
    expect(banner.textContent).toBe('');
    act(() => connection.setOnline(false));
    expect(banner.textContent).toContain('You are offline.');
    act(() => connection.setOnline(true));
    await waitFor(() => expect(banner.textContent).toBe(''));
  });

  it('reports an unreachable server and recovers on "Try again"', async () => {
    const server = fakeServer();
    server.goDown();
    await renderApp({ server });
    const banner = await screen.findByTestId('network-banner');
    await waitFor(() =>
      expect(banner.textContent).toContain('The Parallax server cannot be reached.'),
    );

    server.comeBack();
    fireEvent.click(within(banner).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(banner.textContent).toBe(''));
    await waitFor(() =>
      expect(screen.getByTestId('server-info').textContent).toContain(
        `Version ${SERVER_INFO.version}`,
      ),
    );
  });
});
