import { DirectionProvider, MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider';
import { englishMessages } from '../i18n/messages';
import { ErrorBoundary } from './ErrorBoundary';

describe('ErrorBoundary', () => {
  it('shows a translated error with a retry that re-renders the page', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    function Flaky() {
      if (fail) throw new Error('boom');
      return <p>Recovered</p>;
    }
    render(
      <DirectionProvider>
        <MantineProvider>
          <I18nProvider initialLocale="en" initialMessages={englishMessages}>
            <ErrorBoundary>
              <Flaky />
            </ErrorBoundary>
          </I18nProvider>
        </MantineProvider>
      </DirectionProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Recovered')).toBeTruthy();
    vi.restoreAllMocks();
  });
});
