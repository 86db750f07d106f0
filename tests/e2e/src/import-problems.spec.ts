import { readFile } from 'node:fs/promises';
import { IMPORT_FIXTURES } from '@parallax/fingerprint';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoLogins, type DemoLogin } from '../support/demo-logins.js';
import {
  demoLoginOf,
  launchSharedBrowser,
  newPersonPage,
  signInThroughUi,
} from '../support/people.js';

/**
 * Issue 10, import errors: an unusable file gets one clear message (not
 * "0 records" and a disabled button), and the skipped rows of a usable one
 * download as a report without the values. Only what needs a browser: the
 * rules themselves are tested in libs/fingerprint, the web and the CLI.
 */
const DDC = 'investigator@ddc.demo.parallax.test';

let browser: Browser;
const contexts: BrowserContext[] = [];
let baseUrl: string;
let logins: Map<string, DemoLogin>;

beforeAll(async () => {
  baseUrl = inject('baseUrl');
  logins = demoLogins(inject('dataDir'));
  browser = await launchSharedBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function importPage(): Promise<Page> {
  const page = await newPersonPage(browser, contexts);
  await signInThroughUi(page, baseUrl, demoLoginOf(logins, DDC));
  await page.goto(`${baseUrl}/cases/import`);
  const prompt = page.getByTestId('unlock-keys');
  await prompt.or(page.getByTestId('import-file')).first().waitFor({ timeout: 30_000 });
  if (await prompt.isVisible()) {
    await prompt.getByLabel(/^Password/).fill(demoLoginOf(logins, DDC).password);
    await prompt.getByRole('button', { name: 'Unlock keys' }).click();
    await prompt.waitFor({ state: 'detached', timeout: 30_000 });
  }
  return page;
}

describe('import problems in the browser', () => {
  it('says "this file is empty", and downloads the problem report of a file with bad rows', async () => {
    const page = await importPage();
    await page.getByTestId('import-file').setInputFiles({
      name: 'empty.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(0),
    });
    const problem = page.getByTestId('import-file-problem');
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.textContent()).toBe('This file is empty.');
    expect(await page.getByTestId('import-start').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-blocked').textContent()).toContain(
      'Nothing can be imported',
    );

    const dates = IMPORT_FIXTURES.find((f) => f.name === 'birth dates');
    await page.getByTestId('import-file').setInputFiles({
      name: 'dates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(dates?.bytes ?? new Uint8Array()),
    });
    const rows = page.getByTestId('import-row-problems');
    await rows.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-file-problem').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-problem-report').click(),
    ]);
    const report = await readFile(await download.path(), 'utf8');
    expect(report).toContain('2,Date of birth,invalid_birth_date,impossible');
    expect(report).not.toContain('31/02');
    expect(report).not.toContain('Олена');
  });
});
