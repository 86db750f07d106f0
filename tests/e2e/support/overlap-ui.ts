import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openNav } from './people.js';

/**
 * The steps before coordination, as a user takes them through the UI:
 * register a case, find its overlap in the inbox, confirm a dialog. The
 * same selectors as overlaps.spec.ts, shared by the specs that need an
 * overlap to start from.
 */
export async function registerCaseThroughUi(
  page: Page,
  group: string,
  reference: string,
  name: string,
  birthDate: string,
): Promise<void> {
  await openNav(page, 'Cases');
  await page.getByRole('link', { name: 'Register a case' }).click();
  const form = page.getByTestId('register-case-form');
  await form.waitFor();
  await form.getByTestId('case-working-group').selectOption({ label: group });
  await form.getByLabel(/^Reference/).fill(reference);
  await form.getByLabel('Syria', { exact: true }).check();
  await form.getByLabel('War crimes', { exact: true }).check();
  await form.getByLabel('Name 1', { exact: true }).fill(name);
  await form.getByLabel('Birth date 1', { exact: true }).fill(birthDate);
  // The group key must have reached this device before fingerprinting can start.
  const submit = page.getByTestId('register-case-submit');
  await expect.poll(() => submit.isEnabled(), { timeout: 45_000 }).toBe(true);
  await submit.click();
  await page.getByTestId('case-registered').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('case-reference').textContent()).toBe(reference);
}

export function overlapCard(page: Page, reference: string): Locator {
  return page.getByTestId('overlap').filter({ hasText: reference });
}

/** On the inbox, overlaps are grouped by our case: opens the group of `reference` once listed. */
export async function openOverlapGroup(
  page: Page,
  reference: string,
  timeout?: number,
): Promise<void> {
  const toggle = page
    .getByTestId('overlap-group')
    .filter({ hasText: reference })
    .getByTestId('overlap-group-toggle');
  await toggle.waitFor({ timeout });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Confirms the open dialog with `button`; returns the dialog's text as it was shown. */
export async function confirmDialog(page: Page, button: string): Promise<string> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const text = (await dialog.textContent()) ?? '';
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  return text;
}

/** From the inbox, asks the other side of `reference`'s overlap to get in touch. */
export async function requestContact(
  page: Page,
  reference: string,
  timeout: number,
): Promise<void> {
  await openNav(page, 'Overlaps');
  await openOverlapGroup(page, reference, timeout);
  await overlapCard(page, reference).getByTestId('overlap-request-contact').click();
  await confirmDialog(page, 'Request contact');
}

/** From the inbox, accepts the contact request on `reference`'s overlap; returns what the dialog said first. */
export async function acceptContact(
  page: Page,
  reference: string,
  timeout: number,
): Promise<string> {
  await openNav(page, 'Overlaps');
  await openOverlapGroup(page, reference, timeout);
  const accept = overlapCard(page, reference).getByTestId('overlap-accept');
  await accept.waitFor({ timeout });
  await accept.click();
  return confirmDialog(page, 'Accept contact');
}
