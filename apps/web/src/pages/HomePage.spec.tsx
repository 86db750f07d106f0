import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SAHEL, SYRIA } from '../features/metrics/metrics-test-fixtures';
import { renderApp } from '../test/render-app';
import { SLOW, metricsServer } from './metrics/metrics-page-fixtures';

const navLinks = () =>
  within(screen.getByRole('navigation', { name: 'Main navigation' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('the home page of a donor', { timeout: 40_000 }, () => {
  it('shows their groups’ latest published numbers and a link to the metrics, nothing else', async () => {
    const noRelease = { ...SAHEL, releases: [] };
    await renderApp({ path: '/', server: metricsServer([SYRIA, noRelease]) });
    const home = await screen.findByTestId('home-donor', {}, SLOW);
    const syria = await within(home).findByTestId('home-donor-group-group-1', {}, SLOW);
    expect(within(syria).getByTestId('home-donor-figures').textContent).toBe(
      'Cases active: 1,250 · Overlaps detected: — · Referrals: —',
    );
    expect(within(home).getByTestId('home-donor-group-group-2').textContent).toContain(
      'No release published yet.',
    );
    expect(within(home).getByTestId('home-donor-metrics-link').getAttribute('href')).toBe(
      '/metrics',
    );
    // No member table, no capability list for members, no other link.
    expect(home.querySelector('table')).toBeNull();
    expect(screen.queryByText('What you can do')).toBeNull();
    expect(
      within(home)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/metrics']);
    expect(navLinks()).toEqual(['Home', 'Metrics', 'Account']);
  });

  it('keeps the member home and navigation for a civil-society organisation', async () => {
    await renderApp({ path: '/' });
    expect(await screen.findByText('What you can do')).toBeTruthy();
    expect(screen.queryByTestId('home-donor')).toBeNull();
    expect(navLinks()).toEqual([
      'Home',
      'Cases',
      'Overlaps',
      'Clusters',
      'Working groups',
      'Organisation',
      'Audit log',
      'Account',
    ]);
  });
});
