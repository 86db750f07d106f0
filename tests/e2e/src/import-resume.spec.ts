import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fulfilPendingGrants,
  groupKeyStatus,
  HubSession,
  MemoryPinStore,
  startKeyEpoch,
  unlockGroupKey,
} from '@parallax/hub-client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoLogins, freshTotp, type DemoLogin } from '../support/demo-logins.js';
import {
  demoLoginOf,
  launchSharedBrowser,
  newPersonPage,
  signInThroughUi,
} from '../support/people.js';

/**
 * Issue 10, big files: a file repeating its persons is imported once per
 * person; the dry run says so and gives an estimate; a page reload part-way
 * loses nothing — choosing the same file continues without sending a
 * registered record again, another file is refused for the resume.
 */
const GROUP = 'Syria accountability working group (demo)';
const COORDINATOR = 'coordinator@demo.parallax.test';
const DDC = 'investigator@ddc.demo.parallax.test';
const PERSONS = 80;
const ROWS = 320;
const CHUNK = 50;
const prefix = `RS${Date.now().toString(36).toUpperCase()}-`;
const GIVEN = [
  'Ahmad',
  'Olena',
  'Karim',
  'Iryna',
  'Samir',
  'Taras',
  'Layla',
  'Bohdan',
  'Nour',
  'Dmytro',
];
const FAMILY = ['Haddad', 'Shevchenko', 'Khalil', 'Bondarenko', 'Mansour', 'Kovalchuk', 'Darwish'];

let browser: Browser;
const contexts: BrowserContext[] = [];
let baseUrl: string;
let logins: Map<string, DemoLogin>;
let dir: string;
let wg = '';

/** Person p, written in capitals every other time: the same person once normalised. */
function row(i: number): string {
  const p = i % PERSONS;
  const name0 = `${GIVEN[p % 10]} ${FAMILY[p % 7]} ${'Q'.repeat(1 + Math.floor(p / 70))}${String.fromCharCode(65 + (p % 26))}${String.fromCharCode(65 + ((p * 7) % 26))}`;
  const name = Math.floor(i / PERSONS) % 2 ? name0.toUpperCase() : name0;
  return `${name},${1940 + (p % 50)}-0${1 + (p % 9)}-1${p % 9}`;
}

async function apiSignIn(email: string) {
  const login = demoLoginOf(logins, email);
  const session = new HubSession(baseUrl);
  return {
    session,
    me: await session.login(login.email, login.password, await freshTotp(login.totpSecret)),
  };
}

/** The group key exists and the investigator has a copy (whatever other files did before). */
async function groupKeyForInvestigator(): Promise<void> {
  const coordinator = await apiSignIn(COORDINATOR);
  const { workingGroups } = await coordinator.session.request<{
    workingGroups: Array<{ id: string; name: string }>;
  }>('{ workingGroups { id name } }');
  wg = workingGroups.find((g) => g.name === GROUP)?.id ?? '';
  const pins = new MemoryPinStore();
  const status = await groupKeyStatus(coordinator.session.request, wg);
  if (status.epoch === null) {
    await startKeyEpoch(coordinator.session.request, wg, coordinator.me, { pins });
  } else {
    const key = await unlockGroupKey(coordinator.session.request, wg, coordinator.me, { pins });
    if (key)
      await fulfilPendingGrants(coordinator.session.request, wg, key, coordinator.me, { pins });
  }
  await coordinator.session.logout();
}

/** After a page load the keys may be locked: unlock them with the password. */
async function unlockIfAsked(page: Page): Promise<void> {
  const prompt = page.getByTestId('unlock-keys');
  await prompt.or(page.getByTestId('import-file')).first().waitFor({ timeout: 30_000 });
  if (!(await prompt.isVisible())) return;
  await prompt.getByLabel(/^Password/).fill(demoLoginOf(logins, DDC).password);
  await prompt.getByRole('button', { name: 'Unlock keys' }).click();
  await prompt.waitFor({ state: 'detached', timeout: 30_000 });
}

/** What the page saved for a resume, read from IndexedDB (null if nothing). */
function savedNext(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const open = indexedDB.open('parallax-imports');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('runs')) return resolve(null);
          const all = db.transaction('runs').objectStore('runs').getAll();
          all.onsuccess = () =>
            resolve((all.result[0] as { next?: number } | undefined)?.next ?? null);
          all.onerror = () => resolve(null);
        };
        open.onerror = () => resolve(null);
      }),
  );
}

beforeAll(async () => {
  baseUrl = inject('baseUrl');
  logins = demoLogins(inject('dataDir'));
  dir = await mkdtemp(join(tmpdir(), 'parallax-import-resume-'));
  browser = await launchSharedBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a big import with repeated persons, resumed after a page reload', () => {
  it('imports each person once, survives the reload, and never sends a case twice', async () => {
    await groupKeyForInvestigator();
    const file = join(dir, 'suspects-e2e.csv');
    await writeFile(
      file,
      ['Full name,Date of birth', ...Array.from({ length: ROWS }, (_, i) => row(i))].join('\n'),
    );
    const other = join(dir, 'suspects-e2e-other.csv');
    await writeFile(other, ['Full name,Date of birth', row(1), row(2)].join('\n'));

    const page = await newPersonPage(browser, contexts);
    // Cases reaching the hub; after the first chunk the rest are held back until the reload.
    const sent: string[] = [];
    let hold = true;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as {
        operationName?: string;
        variables?: { cases?: Array<{ idempotencyKey: string }> };
      } | null;
      const cases = body?.operationName === 'RegisterCases' ? (body.variables?.cases ?? []) : [];
      if (cases.length > 0 && hold && sent.length >= CHUNK) return; // never answered: the reload aborts it
      sent.push(...cases.map((c) => c.idempotencyKey));
      await route.continue().catch(() => undefined);
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });

    await signInThroughUi(page, baseUrl, demoLoginOf(logins, DDC));
    await page.goto(`${baseUrl}/cases/import`);
    await unlockIfAsked(page);
    await page.getByTestId('import-file').setInputFiles(file);

    // The dry run: 320 records, 80 persons, 240 repeats, an estimate.
    const dryRun = page.getByTestId('import-dry-run');
    await dryRun.waitFor({ timeout: 30_000 });
    expect(await dryRun.getByTestId('dry-run-distinct').getAttribute('data-value')).toBe(
      String(PERSONS),
    );
    expect(await dryRun.getByTestId('dry-run-duplicates').getAttribute('data-value')).toBe(
      String(ROWS - PERSONS),
    );
    expect(
      Number(await dryRun.getByTestId('dry-run-estimate').getAttribute('data-high')),
    ).toBeGreaterThan(0);
    expect(await dryRun.getByTestId('import-distinct-only').isChecked()).toBe(true);

    await page.getByLabel(/^Reference prefix/).fill(prefix);
    await page.getByLabel(/^Working group/).selectOption({ label: GROUP });
    const start = page.getByTestId('import-start');
    await expect.poll(() => start.isEnabled(), { timeout: 30_000 }).toBe(true);
    await start.click();

    // The first chunk is in; the next ones wait: the numbers say "waiting", not "not registered".
    const created = page.getByTestId('import-created');
    await expect
      .poll(async () => Number(await created.getAttribute('data-value')), { timeout: 30_000 })
      .toBe(CHUNK);
    expect(await page.getByTestId('import-failed').getAttribute('data-value')).toBe('0');
    expect(
      Number(await page.getByTestId('import-waiting').getAttribute('data-value')),
    ).toBeGreaterThan(0);
    await expect.poll(() => savedNext(page), { timeout: 10_000 }).toBe(CHUNK);

    await page.reload();
    hold = false;
    expect(dialogs).toContain('beforeunload');
    await unlockIfAsked(page);
    const banner = page.getByTestId('import-saved');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain(
      `suspects-e2e.csv stopped at ${CHUNK} of ${PERSONS}`,
    );

    // Another file is refused for the resume; the same one continues.
    await page.getByTestId('import-file').setInputFiles(other);
    await page.getByTestId('import-saved-other').waitFor();
    await page.getByTestId('import-file').setInputFiles(file);
    const proceed = page.getByTestId('import-continue');
    await proceed.waitFor({ timeout: 30_000 });
    await expect.poll(() => proceed.isEnabled(), { timeout: 30_000 }).toBe(true);
    await proceed.click();
    await page.getByText('The import is complete.').waitFor({ timeout: 60_000 });
    expect(await created.getAttribute('data-value')).toBe(String(PERSONS));
    expect(await page.getByTestId('import-skipped-duplicates').getAttribute('data-value')).toBe(
      String(ROWS - PERSONS),
    );
    expect(await savedNext(page)).toBeNull();

    // Each person once on the hub, and no case sent twice.
    expect(sent).toHaveLength(PERSONS);
    expect(new Set(sent).size).toBe(PERSONS);
    // Asked through the page's session (a second sign-in would wait for a fresh TOTP step).
    const totalCount = await page.evaluate(
      async ([group, search]) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-parallax-csrf': '1' },
          body: JSON.stringify({
            query:
              'query ($wg: ID!, $search: String!) { cases(workingGroupId: $wg, search: $search, first: 1) { totalCount } }',
            variables: { wg: group, search },
          }),
        });
        const { data } = (await response.json()) as { data: { cases: { totalCount: number } } };
        return data.cases.totalCount;
      },
      [wg, prefix] as const,
    );
    expect(totalCount).toBe(PERSONS);
  }, 120_000);
});
