import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The cluster page as a person uses it (apps/web/src/features/clusters):
 * the conversation, the lead arrangement and the referrals. Controls are
 * found by their accessible names in English; test ids only where a name
 * would not single out one element (a message among many, a status badge).
 */

/** How long a change made by one person may take to show on another's page (the page polls). */
export const SEEN_WITHIN_MS = 30_000;

export async function waitForClusterPage(page: Page): Promise<void> {
  await page.getByTestId('cluster-header').waitFor({ timeout: 30_000 });
}

export function message(page: Page, text: string): Locator {
  return page.getByTestId('conversation-message').filter({ hasText: text });
}

/** Types and sends a text message; returns once the sender's own page lists it. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const composer = page.getByTestId('conversation-composer');
  await composer.getByRole('textbox', { name: /^Message/ }).fill(text);
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await message(page, text).waitFor({ timeout: SEEN_WITHIN_MS });
}

/** Waits until `text` arrives, opened and verified on this device (a signature it checked itself). */
export async function expectVerifiedMessage(page: Page, text: string, from: string): Promise<void> {
  const item = message(page, text);
  await item.waitFor({ timeout: SEEN_WITHIN_MS });
  expect(await item.getAttribute('data-verified')).toBe('true');
  expect(await item.getByTestId('message-sender').textContent()).toBe(from);
}

/** Waits until the arrangement's history shows a `kind` event whose note this device opened as `text`. */
export async function expectNote(page: Page, kind: string, text: string): Promise<void> {
  const note = page
    .locator(`[data-testid="arrangement-event"][data-kind="${kind}"]`)
    .getByTestId('arrangement-note')
    .filter({ hasText: text });
  await note.waitFor({ timeout: SEEN_WITHIN_MS });
}

export async function arrangementStatus(page: Page): Promise<string | null> {
  return page.getByTestId('arrangement-status').first().textContent();
}

export async function waitForArrangementStatus(page: Page, status: string): Promise<void> {
  await expect
    .poll(() => arrangementStatus(page), { timeout: SEEN_WITHIN_MS, interval: 250 })
    .toBe(status);
}

/**
 * Fills the open proposal form (propose, counter): one role per party by the
 * party's name, the prefilled deadline kept, and a message (sealed), then submits.
 */
export async function submitProposalForm(
  page: Page,
  roles: Record<string, string>,
  note: string,
): Promise<void> {
  const form = page.getByTestId('proposal-form');
  await form.waitFor();
  for (const [organisation, role] of Object.entries(roles)) {
    await form
      .getByRole('combobox', { name: organisation, exact: true })
      .selectOption({ label: role });
  }
  await form.getByRole('textbox', { name: /^Message/ }).fill(note);
  await form.getByTestId('proposal-submit').click();
  await form.waitFor({ state: 'detached', timeout: SEEN_WITHIN_MS });
}

/** Opens the referral form, fills it (authority by its listed name, categories by label, a sealed note) and sends it. */
export async function recordReferral(
  page: Page,
  referral: { authority: string; categories: string[]; note: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Record a referral' }).click();
  const form = page.getByTestId('referral-form');
  await form
    .getByRole('combobox', { name: /^Authority/ })
    .selectOption({ label: referral.authority });
  for (const category of referral.categories) {
    await form.getByRole('checkbox', { name: category, exact: true }).check();
  }
  await form.getByRole('textbox', { name: /^Note/ }).fill(referral.note);
  await form.getByTestId('referral-submit').click();
  await form.waitFor({ state: 'detached', timeout: SEEN_WITHIN_MS });
}

/** On the coordinator's dashboard: chooses a cluster filter, returns how many cluster rows it keeps. */
export async function dashboardRowsUnder(page: Page, filter: string): Promise<number> {
  await page.getByTestId('dashboard-filter').getByText(filter, { exact: true }).click();
  // The filter runs in the page, on the picture already loaded: one frame is enough.
  await page.waitForTimeout(200);
  return page.getByTestId('dashboard-cluster').count();
}

/**
 * Opens the bell and waits until its line about unread conversation messages
 * matches `expected` ("1 unread message …"), or is gone (null); closes it again.
 */
export async function expectBellUnreadMessages(page: Page, expected: RegExp | null): Promise<void> {
  await page.getByTestId('notification-bell').click();
  const line = page.getByTestId('notification-unread-messages');
  if (expected) {
    await line.waitFor({ timeout: SEEN_WITHIN_MS });
    expect(await line.textContent()).toMatch(expected);
  } else {
    await expect.poll(() => line.count(), { timeout: SEEN_WITHIN_MS, interval: 500 }).toBe(0);
  }
  await page.keyboard.press('Escape');
}
