import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoLogins, freshTotp, type DemoLogin } from '../support/demo-logins.js';
import {
  demoLoginOf,
  launchSharedBrowser,
  newPersonPage,
  openNav,
  signInThroughUi,
} from '../support/people.js';

/**
 * Issue 10, point 9: on a "Slow 3G" connection the app shell and the case
 * form work. Throttling is Chromium's own network emulation (CDP
 * Network.emulateNetworkConditions) with the classic DevTools "Slow 3G"
 * profile: 500 kbit/s down, 500 kbit/s up, 400 ms latency. (Newer DevTools
 * call "Slow 3G" 400 kbit/s with 2 s round trips; we keep the classic
 * figures, which most published budgets use.)
 *
 * Times are printed, never asserted: the machine running CI is shared.
 * The coordinator's page (unthrottled) makes sure the demo group has a key
 * and shares it; the throttled person is an organisation admin no other
 * spec signs in (each TOTP step is accepted once).
 */
const SLOW_3G = {
  offline: false,
  latency: 400, // ms
  downloadThroughput: (500 * 1000) / 8, // bytes/s
  uploadThroughput: (500 * 1000) / 8,
};
const GROUP = 'Syria accountability working group (demo)';
const COORDINATOR = 'coordinator@demo.parallax.test';
const THROTTLED = 'admin@dja.demo.parallax.test';
const reference = `SLOW-${Date.now().toString(36).toUpperCase()}`;

let browser: Browser;
const contexts: BrowserContext[] = [];
let baseUrl: string;
let logins: Map<string, DemoLogin>;
let slow: Page;
let cdp: CDPSession;

beforeAll(async () => {
  baseUrl = inject('baseUrl');
  logins = demoLogins(inject('dataDir'));
  browser = await launchSharedBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

/** Milliseconds `work` took. */
async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = Date.now();
  await work();
  return Date.now() - start;
}

/** The shell is usable: header with the language switch, navigation, and a login form that takes input. */
async function shellUsable(page: Page): Promise<void> {
  await page.getByTestId('language-switch').waitFor({ timeout: 60_000 });
  await page.getByRole('navigation').first().waitFor({ timeout: 60_000 });
  const form = page.getByTestId('login-form');
  await form.getByLabel(/^E-mail address/).waitFor({ timeout: 60_000 });
  await form.getByRole('button', { name: 'Sign in' }).waitFor();
}

describe('slow 3G (500 kbit/s, 400 ms): shell, sign-in and the case form', () => {
  it('the coordinator (normal network) makes sure the working group has a key', async () => {
    const coordinator = await newPersonPage(browser, contexts);
    await signInThroughUi(coordinator, baseUrl, demoLoginOf(logins, COORDINATOR));
    await openNav(coordinator, 'Working groups');
    await coordinator.getByRole('link', { name: GROUP }).click();
    const section = coordinator.getByTestId('group-key');
    const create = section.getByTestId('group-key-create');
    const ready = section.getByTestId('group-key-ready');
    await create.or(ready).waitFor({ timeout: 30_000 });
    if (await create.isVisible()) {
      await create.click();
      const stepUp = coordinator.getByTestId('step-up-form');
      await ready.or(stepUp).waitFor({ timeout: 30_000 });
      if (await stepUp.isVisible()) {
        await stepUp
          .getByLabel(/^Authenticator code/)
          .fill(await freshTotp(demoLoginOf(logins, COORDINATOR).totpSecret));
        await stepUp.getByRole('button', { name: 'Confirm' }).click();
      }
    }
    await ready.waitFor({ timeout: 30_000 });
    // This page stays open: it shares the key with the throttled admin's device.
  }, 90_000);

  it('a first visit on slow 3G: the shell and the login form become usable', async () => {
    slow = await newPersonPage(browser, contexts);
    cdp = await slow.context().newCDPSession(slow);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);

    const transferred = new Map<string, number>();
    slow.on('response', (response) => {
      const length = Number(response.headers()['content-length'] ?? 0);
      transferred.set(response.url(), length);
    });
    const firstVisit = await timed(async () => {
      await slow.goto(`${baseUrl}/login`, { waitUntil: 'commit', timeout: 60_000 });
      await shellUsable(slow);
    });
    const assets = [...transferred.entries()].filter(([url]) => url.includes('/assets/'));
    const bytes = assets.reduce((sum, [, n]) => sum + n, 0);

    // A hashed asset is cached for good: a second visit asks only for index.html and data.
    const script = assets.find(([url]) => url.endsWith('.js'));
    expect(script).toBeDefined();
    const head = await fetch(script?.[0] ?? '', { method: 'HEAD' });
    expect(head.headers.get('cache-control')).toMatch(/immutable/u);

    const repeatVisit = await timed(async () => {
      await slow.reload({ waitUntil: 'commit', timeout: 60_000 });
      await shellUsable(slow);
    });
    console.log(
      `slow 3G (500/500 kbit/s, 400 ms): shell and login form usable after ${firstVisit} ms ` +
        `on a first visit (${assets.length} assets, ${(bytes / 1000).toFixed(0)} kB on the wire), ` +
        `${repeatVisit} ms on a repeat visit (cached assets)`,
    );
  }, 90_000);

  it('signs in and registers a case through the form, still throttled', async () => {
    const signIn = await timed(() =>
      signInThroughUi(slow, baseUrl, demoLoginOf(logins, THROTTLED)),
    );

    let registered = 0;
    const openForm = await timed(async () => {
      await openNav(slow, 'Cases');
      await slow.getByRole('link', { name: 'Register a case' }).click();
      await slow.getByTestId('register-case-form').waitFor({ timeout: 60_000 });
    });
    const form = slow.getByTestId('register-case-form');
    await form.getByTestId('case-working-group').selectOption({ label: GROUP });
    await form.getByLabel(/^Reference/).fill(reference);
    await form.getByLabel('Syria', { exact: true }).check();
    await form.getByLabel('War crimes', { exact: true }).check();
    await form.getByLabel('Name 1', { exact: true }).fill('Yusuf Rahimov');
    await form.getByLabel('Birth date 1', { exact: true }).fill('1960');
    // The group key reaches this device from the coordinator's (up to one sync interval).
    const submit = slow.getByTestId('register-case-submit');
    await expect.poll(() => submit.isEnabled(), { timeout: 60_000 }).toBe(true);
    registered = await timed(async () => {
      await submit.click();
      await slow.getByTestId('case-registered').waitFor({ timeout: 60_000 });
    });
    expect(await slow.getByTestId('case-reference').textContent()).toBe(reference);
    console.log(
      `slow 3G: sign-in (form load, key derivation, keys) ${signIn} ms; ` +
        `case form opened in ${openForm} ms; fingerprinting and registration ${registered} ms`,
    );
  }, 180_000);
});
