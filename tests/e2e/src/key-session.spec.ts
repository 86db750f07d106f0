import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoLogins, type DemoLogin } from '../support/demo-logins.js';
import { demoLoginOf, launchSharedBrowser, signInThroughUi } from '../support/people.js';

/**
 * Issue 10.5, in a real Chromium: unlocked keys survive a reload of the tab
 * (wrapped under a non-extractable WebCrypto key in IndexedDB, the
 * ciphertext in sessionStorage), but not a new tab, "Lock keys" or signing out.
 */
const INVESTIGATOR = 'investigator@ddc.demo.parallax.test';
const ITEM = 'parallax/key-session';

let browser: Browser;
let context: BrowserContext;
let baseUrl: string;
let login: DemoLogin;

/** What this tab keeps: the sessionStorage blob, and how many wrapping keys IndexedDB holds. */
async function saved(page: Page): Promise<{ blob: string | null; wrappingKeys: number }> {
  return page.evaluate(async (item) => {
    const count = await new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('parallax-key-session');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('wrapping-keys')) return resolve(0);
        const request = db.transaction('wrapping-keys').objectStore('wrapping-keys').count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      };
    });
    return { blob: sessionStorage.getItem(item), wrappingKeys: count };
  }, ITEM);
}

/** Opens the register-case form and says whether it asks for the password. */
async function registerFormLocked(page: Page): Promise<boolean> {
  await page.goto(`${baseUrl}/cases/new`);
  await page.getByTestId('register-case-form').waitFor({ timeout: 20_000 });
  const prompt = page.getByTestId('unlock-keys');
  const lockButton = page.getByTestId('lock-keys');
  await expect.poll(async () => (await prompt.count()) + (await lockButton.count()), { timeout: 10_000 }).toBeGreaterThan(0);
  return (await prompt.count()) > 0;
}

/** After sign-out, a reload shows the login form: no keys, no session. */
async function registerFormLockedOrSignedOut(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/cases/new`);
  await page.getByTestId('login-form').waitFor({ timeout: 20_000 });
  return (await page.getByTestId('lock-keys').count()) === 0 ? 'signed-out' : 'unlocked';
}

beforeAll(async () => {
  baseUrl = inject('baseUrl');
  login = demoLoginOf(demoLogins(inject('dataDir')), INVESTIGATOR);
  browser = await launchSharedBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('keys across a reload', () => {
  it('stay unlocked through a reload, not in a new tab, not after "Lock keys" or sign-out', async () => {
    const page = await context.newPage();
    await signInThroughUi(page, baseUrl, login);

    // A full page load of the same tab: restored without the password.
    expect(await registerFormLocked(page)).toBe(false);
    const kept = await saved(page);
    expect(kept.blob).not.toBeNull();
    expect(kept.wrappingKeys).toBe(1);

    // The wrapping key cannot be read out, even by the page.
    const exportable = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('parallax-key-session');
        open.onsuccess = () => resolve(open.result);
      });
      const entry = await new Promise<{ key: CryptoKey } | undefined>((resolve) => {
        const request = db.transaction('wrapping-keys').objectStore('wrapping-keys').getAll();
        request.onsuccess = () => resolve((request.result as Array<{ key: CryptoKey }>)[0]);
      });
      if (!entry) return null;
      try {
        await crypto.subtle.exportKey('raw', entry.key);
        return true;
      } catch {
        return entry.key.extractable;
      }
    });
    expect(exportable).toBe(false);

    // Another tab of the same browser: same session cookie, its own sessionStorage: locked.
    const other = await context.newPage();
    expect(await registerFormLocked(other)).toBe(true);
    await other.close();

    // "Lock keys": locked at once, and a reload does not bring them back.
    await page.getByTestId('lock-keys').click();
    await page.getByTestId('unlock-keys').waitFor();
    await expect.poll(() => saved(page)).toEqual({ blob: null, wrappingKeys: 0 });
    expect(await registerFormLocked(page)).toBe(true);

    // Unlocked again with the password, then signed out: nothing is left to restore.
    const prompt = page.getByTestId('unlock-keys');
    await prompt.getByLabel(/^Password/).fill(login.password);
    await prompt.getByRole('button', { name: 'Unlock keys' }).click();
    await page.getByTestId('lock-keys').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await saved(page)).wrappingKeys).toBe(1);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-form').waitFor({ timeout: 20_000 });
    expect(await saved(page)).toEqual({ blob: null, wrappingKeys: 0 });
    expect(await registerFormLockedOrSignedOut(page)).toBe('signed-out');
  }, 60_000);
});
