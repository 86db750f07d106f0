import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from './browser.js';
import { freshTotp, type DemoLogin } from './demo-logins.js';

/**
 * One headless Chromium whose contexts are separate people: each context has
 * its own cookie jar, so several users are signed in side by side.
 */
export async function launchSharedBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** Signs in through the login form (key derivation runs in the page's worker). */
export async function signInThroughUi(
  page: Page,
  baseUrl: string,
  login: DemoLogin,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  const form = page.getByTestId('login-form');
  await form.getByLabel(/^E-mail address/).fill(login.email);
  await form.getByLabel(/^Password/).fill(login.password);
  await form.getByLabel(/^Authenticator code/).fill(await freshTotp(login.totpSecret));
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('sign-out').waitFor({ timeout: 30_000 });
}

/** Serious or critical axe findings on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`)
          .join('; ')})`,
    );
}

/** A new person: a fresh context (own cookies), remembered in `contexts` so the suite closes it. */
export async function newPersonPage(browser: Browser, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

/** The demo login of `email`, or a clear failure when the demo seed has none. */
export function demoLoginOf(logins: ReadonlyMap<string, DemoLogin>, email: string): DemoLogin {
  const login = logins.get(email);
  if (!login) throw new Error(`No demo login for ${email}`);
  return login;
}

/** Goes through the menu, as a user does (a page load is slower; key-session.spec.ts covers it). */
export async function openNav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

/** Confirms a step-up prompt if the API asked for one (a fresh login usually suffices). */
export async function confirmStepUpIfAsked(page: Page, login: DemoLogin): Promise<void> {
  const prompt = page.getByTestId('step-up-form');
  if (!(await prompt.isVisible())) return;
  await prompt.getByLabel(/^Authenticator code/).fill(await freshTotp(login.totpSecret));
  await prompt.getByRole('button', { name: 'Confirm' }).click();
  await prompt.waitFor({ state: 'detached' });
}
