import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoLogins } from '../support/demo-logins.js';
import {
  demoLoginOf,
  launchSharedBrowser,
  newPersonPage,
  signInThroughUi,
} from '../support/people.js';

/**
 * The "answer lost" case on a bad connection: the hub applies a mutation but
 * its answer never reaches the browser. The client sends it again with the
 * same Idempotency-Key, lists it as pending meanwhile, and the hub answers
 * the retry from the first attempt: one organisation, not two (nor a "name
 * taken" error).
 */
const NAME = `E2E Lost Answer ${Date.now().toString(36)}`;

let browser: Browser;
const contexts: BrowserContext[] = [];
let page: Page;

beforeAll(async () => {
  browser = await launchSharedBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('a mutation whose answer is lost', () => {
  it('is resent with the same key, shown as pending, and applied once', async () => {
    const baseUrl = inject('baseUrl');
    page = await newPersonPage(browser, contexts);
    await signInThroughUi(
      page,
      baseUrl,
      demoLoginOf(demoLogins(inject('dataDir')), 'platform-admin@demo.parallax.test'),
    );
    await page.getByRole('link', { name: 'Platform' }).click();

    const attempts: Array<{ key: string | undefined; replayed: string | undefined }> = [];
    let releaseRetry: () => void = () => undefined;
    const retryHeld = new Promise<void>((resolve) => (releaseRetry = resolve));
    await page.route('**/graphql', async (route: Route) => {
      const request = route.request();
      if (!request.postData()?.includes('createOrganisation')) return route.continue();
      const key = request.headers()['idempotency-key'];
      if (attempts.length === 0) {
        // The hub processes it; the answer is lost on the way back.
        const response = await route.fetch();
        attempts.push({ key, replayed: response.headers()['idempotent-replayed'] });
        return route.abort('failed');
      }
      await retryHeld;
      const response = await route.fetch();
      attempts.push({ key, replayed: response.headers()['idempotent-replayed'] });
      return route.fulfill({ response });
    });

    const form = page.getByTestId('create-organisation-form');
    await form.getByLabel(/^Name/).fill(NAME);
    await form.getByRole('button', { name: 'Create an organisation' }).click();

    const pending = page.getByTestId('pending-changes');
    await pending.waitFor({ timeout: 15_000 });
    expect(await pending.textContent()).toContain('1 change is waiting to be sent');
    releaseRetry();

    await page.getByText(`${NAME} has been created.`).waitFor({ timeout: 30_000 });
    await pending.waitFor({ state: 'detached' });
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(attempts[1]).toEqual({ key: attempts[0]?.key, replayed: 'true' });

    await page.unroute('**/graphql');
    const names = await page.evaluate(async () => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-parallax-csrf': '1' },
        body: JSON.stringify({ query: '{ organisations { name } }' }),
      });
      const body = (await res.json()) as { data: { organisations: Array<{ name: string }> } };
      return body.data.organisations.map((o) => o.name);
    });
    expect(names.filter((n) => n === NAME)).toHaveLength(1);
  });
});
