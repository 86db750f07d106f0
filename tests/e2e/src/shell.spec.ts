import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('the web shell', () => {
  it('renders with its landmarks and the server version from GraphQL', async () => {
    await page.goto(inject('baseUrl'));
    await page.locator('main').waitFor();
    await expect(page.locator('header').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('nav').count()).resolves.toBeGreaterThan(0);
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await page.getByText(/Parallax/).first().waitFor();
    await page.getByText(/0\.1\.0/).first().waitFor({ timeout: 15_000 });
  });

  it('has no serious accessibility violations in English', async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('switches to Arabic, right to left, and keeps it after a reload', async () => {
    await page.getByTestId('language-switch').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await page.reload();
    await page.locator('main').waitFor();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  });

  it('has no serious accessibility violations in Arabic', async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('switches to Ukrainian, left to right', async () => {
    await page.getByTestId('language-switch').selectOption('uk');
    await page.waitForFunction(() => document.documentElement.lang === 'uk' && document.documentElement.dir === 'ltr');
  });

  it('serves the client for deep links and 404s for unknown API paths', async () => {
    const deep = await page.goto(`${inject('baseUrl')}/cases`);
    expect(deep?.status()).toBe(200);
    const res = await fetch(`${inject('baseUrl')}/health/nope`);
    expect(res.status).toBe(404);
  });
});
