import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoLogins, freshTotp, type DemoLogin } from '../support/demo-logins.js';
import {
  confirmStepUpIfAsked,
  demoLoginOf,
  launchSharedBrowser,
  newPersonPage,
  seriousViolations,
  signInThroughUi,
} from '../support/people.js';

/**
 * The identity issue end to end, through the UI only: a platform admin
 * invites an organisation's first admin, who signs up with an authenticator,
 * signs in again, and accepts the demo working group's invitation sent by its
 * coordinator. Each person has their own browser context (cookie jar).
 */
const GROUP = 'Syria accountability working group (demo)';
const suffix = Date.now().toString(36);
const ORGANISATION = `E2E Rights Centre ${suffix}`;
const newcomer: DemoLogin = {
  email: `admin-${suffix}@e2e.parallax.test`,
  password: 'correct horse battery staple',
  totpSecret: '',
};

let browser: Browser;
const contexts: BrowserContext[] = [];
let baseUrl: string;
let logins: Map<string, DemoLogin>;
let admin: Page;
let newcomerPage: Page;
let coordinator: Page;
let invitationLink = '';

const personPage = (): Promise<Page> => newPersonPage(browser, contexts);

const demo = (email: string): DemoLogin => demoLoginOf(logins, email);

beforeAll(async () => {
  baseUrl = inject('baseUrl');
  logins = demoLogins(inject('dataDir'));
  browser = await launchSharedBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('onboarding: invitation → sign-up with TOTP → login → working group', () => {
  it('the platform admin creates an organisation and an admin invitation', async () => {
    admin = await personPage();
    await signInThroughUi(admin, baseUrl, demo('platform-admin@demo.parallax.test'));
    await admin.getByRole('link', { name: 'Platform' }).click();

    const orgForm = admin.getByTestId('create-organisation-form');
    await orgForm.getByLabel(/^Name/).fill(ORGANISATION);
    await orgForm.getByLabel(/^Kind/).selectOption('cso');
    await orgForm.getByRole('button', { name: 'Create an organisation' }).click();

    const inviteForm = admin.getByTestId('invitation-form');
    await inviteForm.getByTestId('invitation-organisation').selectOption({ label: ORGANISATION });
    await inviteForm.getByTestId('invitation-role').selectOption('org_admin');
    await inviteForm.getByLabel(/^E-mail address/).fill(newcomer.email);
    await inviteForm.getByTestId('create-invitation').click();
    await confirmStepUpIfAsked(admin, demo('platform-admin@demo.parallax.test'));

    invitationLink = await admin.getByTestId('invitation-link').inputValue();
    expect(invitationLink).toMatch(new RegExp(`^${baseUrl}/join/[A-Za-z0-9_-]+$`));
  });

  it('the invitee opens the link and signs up with an authenticator', async () => {
    newcomerPage = await personPage();
    await newcomerPage.goto(invitationLink);
    const summary = newcomerPage.getByTestId('invitation-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(ORGANISATION);
    await newcomerPage.getByTestId('start-sign-up').click();

    const form = newcomerPage.getByTestId('sign-up-form');
    newcomer.totpSecret = ((await form.getByTestId('totp-secret').textContent()) ?? '').trim();
    expect(newcomer.totpSecret).toMatch(/^[A-Z2-7]+=*$/);
    await form.getByTestId('totp-qr').waitFor();
    expect(await form.getByLabel(/^E-mail address/).inputValue()).toBe(newcomer.email);
    await form.getByLabel(/^Your name/).fill('Nadia E2E');
    await form.getByLabel(/^Password/).fill(newcomer.password);
    await form.getByLabel(/^Repeat the password/).fill(newcomer.password);
    expect(await seriousViolations(newcomerPage)).toEqual([]);

    await form.getByLabel(/^Authenticator code/).fill(await freshTotp(newcomer.totpSecret));
    await form.getByTestId('sign-up-submit').click();
    await newcomerPage.getByRole('heading', { level: 1, name: 'Welcome to Parallax' }).waitFor({
      timeout: 30_000,
    });
    expect(new URL(newcomerPage.url()).pathname).toBe('/');
    expect(await newcomerPage.getByTestId('viewer-name').textContent()).toBe('Nadia E2E');
  });

  it('signs out, and signs in again with a fresh code', async () => {
    await newcomerPage.getByTestId('sign-out').click();
    await newcomerPage.getByTestId('login-form').waitFor();
    await signInThroughUi(newcomerPage, baseUrl, newcomer);
    // An in-app navigation: the keys the login opened are still in memory.
    await newcomerPage.getByRole('link', { name: 'Account' }).click();
    await newcomerPage.getByTestId('sessions').waitFor();
    expect(await newcomerPage.getByTestId('keys-status').textContent()).toBe(
      'Your keys are unlocked on this device.',
    );
  }, 120_000);

  it('the coordinator invites the new organisation to the demo working group', async () => {
    coordinator = await personPage();
    await signInThroughUi(coordinator, baseUrl, demo('coordinator@demo.parallax.test'));
    await coordinator.getByRole('link', { name: 'Working groups' }).click();
    await coordinator.getByRole('link', { name: GROUP }).click();
    const invite = coordinator.getByTestId('invite-organisation-form');
    await invite.getByTestId('invite-organisation-select').selectOption({ label: ORGANISATION });
    await invite.getByRole('button', { name: 'Invite' }).click();
    await coordinator
      .getByTestId('group-member')
      .filter({ hasText: ORGANISATION })
      .and(coordinator.locator('[data-status="invited"]'))
      .waitFor();
  }, 120_000);

  it('the new organisation admin accepts the invitation from the home page', async () => {
    await newcomerPage.goto(baseUrl);
    const pending = newcomerPage.getByTestId('pending-group-invitation').filter({ hasText: GROUP });
    await pending.waitFor();
    await pending.getByRole('button', { name: 'Accept' }).click();
    await confirmStepUpIfAsked(newcomerPage, newcomer);
    await pending.waitFor({ state: 'detached', timeout: 30_000 });

    await newcomerPage.getByRole('link', { name: 'Working groups' }).click();
    await newcomerPage.getByRole('link', { name: GROUP }).click();
    await newcomerPage
      .getByTestId('group-member')
      .filter({ hasText: ORGANISATION })
      .and(newcomerPage.locator('[data-status="active"]'))
      .waitFor();
  }, 120_000);

  it('the audit page shows an intact chain', async () => {
    await newcomerPage.getByRole('link', { name: 'Audit log' }).click();
    const status = newcomerPage.getByTestId('chain-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/^Chain intact: \d+ entries verified\.$/);
    expect(await newcomerPage.getByTestId('audit-entry').count()).toBeGreaterThan(0);
  });

  it('the account page has no serious accessibility violations', async () => {
    await newcomerPage.getByRole('link', { name: 'Account' }).click();
    await newcomerPage.getByTestId('sessions').waitFor();
    expect(await seriousViolations(newcomerPage)).toEqual([]);
  });
});

describe('the login page', () => {
  let visitor: Page;

  it('has no serious accessibility violations', async () => {
    visitor = await personPage();
    await visitor.goto(`${baseUrl}/login`);
    await visitor.getByTestId('login-form').waitFor();
    expect(await seriousViolations(visitor)).toEqual([]);
  });

  it('in Arabic: right to left, with Arabic labels', async () => {
    await visitor.getByTestId('language-switch').selectOption('ar');
    await visitor.waitForFunction(() => document.documentElement.dir === 'rtl');
    const form = visitor.getByTestId('login-form');
    await form.getByLabel(/^البريد الإلكتروني/).waitFor();
    await form.getByLabel(/^كلمة المرور/).waitFor();
    await form.getByLabel(/^رمز المصادقة/).waitFor();
    await visitor.getByRole('heading', { level: 1, name: 'تسجيل الدخول' }).waitFor();
    expect(await seriousViolations(visitor)).toEqual([]);
  });
});
