import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dashboardRowsUnder,
  expectBellUnreadMessages,
  expectNote,
  expectVerifiedMessage,
  message,
  recordReferral,
  SEEN_WITHIN_MS,
  sendMessage,
  submitProposalForm,
  waitForArrangementStatus,
  waitForClusterPage,
} from '../support/cluster-ui.js';
import type { DemoLogin } from '../support/demo-logins.js';
import {
  acceptContact,
  confirmDialog,
  openOverlapGroup,
  overlapCard,
  registerCaseThroughUi,
  requestContact,
} from '../support/overlap-ui.js';
import {
  demoLoginOf,
  launchSharedBrowser,
  newPersonPage,
  openNav,
  seriousViolations,
  signInThroughUi,
} from '../support/people.js';
import { startOwnDemoApp, type OwnDemoApp } from '../support/own-demo-app.js';
import { clusterFilesHold, dumpDatabase, sealedCounts } from '../support/server-dump.js';

/**
 * After the overlap, end to end in the browser (issue 11): two organisations'
 * admins, each in their own browser context, find a shared suspect, accept
 * contact, talk in the cluster's encrypted conversation, propose, counter and
 * accept who leads, and the lead records a referral; the coordinator sees the
 * agreed lead and the referral on the dashboard, and none of the words.
 *
 * The file starts its own app (demo seed, trace logging), so the shared
 * app's overlap counts in overlaps.spec.ts stay as they are whatever the
 * order, and the end can dump that app's database for the message canaries.
 */
const GROUP = 'Syria accountability working group (demo)';
const COORDINATOR = 'coordinator@demo.parallax.test';
const DDC = 'admin@ddc.demo.parallax.test';
const DJA = 'admin@dja.demo.parallax.test';
const DDC_NAME = 'Demo Documentation Centre';
const DJA_NAME = 'Demo Justice Archive';
const suffix = Date.now().toString(36).toUpperCase();
// Words that must never reach the hub in clear: unique, greppable canaries.
const HELLO = `Qxcanary hello from the documentation centre ${suffix}`;
const REPLY = `Qxcanary reply from the justice archive ${suffix}`;
const PROPOSAL_NOTE = `Qxcanary we hold the witness statements ${suffix}`;
const COUNTER_NOTE = `Qxcanary we are closer to the prosecutor ${suffix}`;
const REFERRAL_NOTE = `Qxcanary handed over in person in The Hague ${suffix}`;

let own: OwnDemoApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
let ddc: Page;
let dja: Page;
let clusterPath: string;

const demo = (email: string): DemoLogin => demoLoginOf(own.logins, email);

async function signIn(email: string): Promise<Page> {
  const page = await newPersonPage(browser, contexts);
  await signInThroughUi(page, own.app.url, demo(email));
  return page;
}

beforeAll(async () => {
  // The group key is not under test here (overlaps.spec.ts makes it in the
  // browser): the coordinator's client makes it for every certified member.
  own = await startOwnDemoApp('coordination', GROUP, COORDINATOR);
  browser = await launchSharedBrowser();
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await own?.stop();
});

describe('after the overlap: conversation → lead → referral, in two browsers', () => {
  it('two admins register the same man; one asks for contact, the other accepts', async () => {
    ddc = await signIn(DDC);
    await registerCaseThroughUi(ddc, GROUP, `DDC-C-${suffix}`, 'Mohammed Mahmoud ABU TAIR', '1951');
    dja = await signIn(DJA);
    await registerCaseThroughUi(dja, GROUP, `DJA-C-${suffix}`, 'محمد محمود أبو طير', '1951');

    await requestContact(ddc, `DDC-C-${suffix}`, SEEN_WITHIN_MS);
    // Accepting reveals us to every party of the cluster: the dialog says so first.
    expect(await acceptContact(dja, `DJA-C-${suffix}`, SEEN_WITHIN_MS)).toMatch(/cluster/i);
    const theirs = overlapCard(dja, `DJA-C-${suffix}`);
    await theirs.getByTestId('overlap-organisation').waitFor({ timeout: SEEN_WITHIN_MS });
    expect(await theirs.getByTestId('overlap-organisation').textContent()).toBe(DDC_NAME);
  }, 180_000);

  it('"Open coordination" on the overlap leads both to the same cluster page, with both parties', async () => {
    const link = overlapCard(dja, `DJA-C-${suffix}`).getByRole('link', {
      name: 'Open coordination',
    });
    await link.waitFor({ timeout: SEEN_WITHIN_MS });
    await link.click();
    await waitForClusterPage(dja);
    clusterPath = new URL(dja.url()).pathname;
    expect(clusterPath).toMatch(/^\/clusters\/[0-9a-f-]{36}$/);

    await ddc.reload();
    await openOverlapGroup(ddc, `DDC-C-${suffix}`, SEEN_WITHIN_MS);
    await overlapCard(ddc, `DDC-C-${suffix}`)
      .getByRole('link', { name: 'Open coordination' })
      .click();
    await waitForClusterPage(ddc);
    expect(new URL(ddc.url()).pathname).toBe(clusterPath);

    for (const page of [ddc, dja]) {
      const parties = page.getByTestId('cluster-party');
      await expect.poll(() => parties.count()).toBe(2);
      const text = (await parties.allTextContents()).join(' | ');
      expect(text).toContain(DDC_NAME);
      expect(text).toContain(DJA_NAME);
    }
    // Each sees its own case in the cluster, never the other's reference.
    expect(await ddc.getByTestId('cluster-my-cases').textContent()).toContain(`DDC-C-${suffix}`);
    expect(await ddc.content()).not.toContain(`DJA-C-${suffix}`);
    await waitForArrangementStatus(ddc, 'Open: no lead agreed');
  }, 120_000);

  it('they exchange messages: unread in the bell and the list, then opened and verified', async () => {
    await openNav(dja, 'Clusters');
    await dja.getByTestId('cluster-link').waitFor();
    await sendMessage(ddc, HELLO);
    // The other side hears of it by the bell (polled), and its list says how many wait.
    await expectBellUnreadMessages(dja, /^1 unread message /);
    await dja.reload();
    expect(await dja.getByTestId('cluster-unread').textContent()).toBe('1 unread');
    await dja.getByTestId('cluster-link').click();
    await waitForClusterPage(dja);
    await expectVerifiedMessage(dja, HELLO, DDC_NAME);
    // Read now: the bell stops counting it.
    await expectBellUnreadMessages(dja, null);

    await sendMessage(dja, REPLY);
    await expectVerifiedMessage(ddc, REPLY, DJA_NAME);
    expect(await seriousViolations(ddc)).toEqual([]);
  }, 120_000);

  it('one proposes, the other counter-proposes, the first accepts: agreed', async () => {
    await ddc.getByRole('button', { name: 'Propose roles' }).click();
    await submitProposalForm(ddc, { [DDC_NAME]: 'Lead', [DJA_NAME]: 'Supporting' }, PROPOSAL_NOTE);
    await waitForArrangementStatus(ddc, 'Proposal under discussion');

    await waitForArrangementStatus(dja, 'Proposal under discussion');
    // The proposal's message was sealed on the proposer's device; it opens here.
    await expectNote(dja, 'proposed', PROPOSAL_NOTE);
    await dja.getByRole('button', { name: 'Counter-propose' }).click();
    await submitProposalForm(dja, { [DDC_NAME]: 'Supporting', [DJA_NAME]: 'Lead' }, COUNTER_NOTE);

    await expectNote(ddc, 'countered', COUNTER_NOTE);
    const accept = ddc
      .getByTestId('arrangement-actions')
      .getByRole('button', { name: 'Accept', exact: true });
    await accept.waitFor({ timeout: SEEN_WITHIN_MS });
    await accept.click();
    await confirmDialog(ddc, 'Accept');
    await waitForArrangementStatus(ddc, 'Agreed');
    await waitForArrangementStatus(dja, 'Agreed');
    const parties = await dja.getByTestId('cluster-party').allTextContents();
    expect(parties.find((p) => p.includes(DJA_NAME))).toContain('Lead');
    expect(parties.find((p) => p.includes(DDC_NAME))).toContain('Supporting');
  }, 120_000);

  it('the lead records a referral; the other party sees it', async () => {
    await recordReferral(dja, {
      authority: 'International Criminal Court — Office of the Prosecutor',
      categories: ['Witness statements', 'Documents'],
      note: REFERRAL_NOTE,
    });
    const referral = (page: Page) =>
      page.getByTestId('referral').filter({ hasText: 'International Criminal Court' });
    await referral(dja).waitFor({ timeout: SEEN_WITHIN_MS });
    await ddc.reload();
    await referral(ddc).waitFor({ timeout: SEEN_WITHIN_MS });
    expect(await referral(ddc).textContent()).toContain('Referred');
  }, 120_000);

  it('in Arabic, the cluster page reads right to left and stays accessible', async () => {
    await ddc.getByTestId('language-switch').selectOption('ar');
    await ddc.waitForFunction(() => document.documentElement.dir === 'rtl');
    await waitForClusterPage(ddc);
    await message(ddc, REPLY).waitFor();
    expect(await seriousViolations(ddc)).toEqual([]);
    await ddc.getByTestId('language-switch').selectOption('en');
  }, 60_000);

  it('the coordinator sees the agreed lead and the referral, and none of the words', async () => {
    const coordinator = await signIn(COORDINATOR);
    await openNav(coordinator, 'Working groups');
    await coordinator.getByRole('link', { name: GROUP }).click();
    await coordinator.getByTestId('coordinator-dashboard-link').click();
    await coordinator.getByTestId('dashboard-page').waitFor();
    const rows = coordinator.getByTestId('dashboard-cluster');
    await rows.first().waitFor({ timeout: SEEN_WITHIN_MS });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-lead')).toBe('agreed');
    expect(await rows.first().textContent()).toContain('Agreed');
    // The filters keep or drop it as its lead and referral say.
    expect(await dashboardRowsUnder(coordinator, 'No lead')).toBe(0);
    expect(await dashboardRowsUnder(coordinator, 'Escalated')).toBe(0);
    expect(await dashboardRowsUnder(coordinator, 'Agreed')).toBe(1);
    expect(await dashboardRowsUnder(coordinator, 'Referred')).toBe(1);
    expect(await seriousViolations(coordinator)).toEqual([]);

    await rows.first().getByTestId('dashboard-cluster-link').click();
    await waitForClusterPage(coordinator);
    expect(new URL(coordinator.url()).pathname).toBe(clusterPath);
    // Notes are addressed to coordinators too; the conversation is not.
    await expectNote(coordinator, 'proposed', PROPOSAL_NOTE);
    const html = await coordinator.content();
    for (const secret of [HELLO, REPLY, `DDC-C-${suffix}`, `DJA-C-${suffix}`])
      expect(html).not.toContain(secret);
    expect(await seriousViolations(coordinator)).toEqual([]);
  }, 120_000);

  it('no message or note reached the hub in clear: database, cluster files and logs', async () => {
    const words = [HELLO, REPLY, PROPOSAL_NOTE, COUNTER_NOTE, REFERRAL_NOTE];
    const needles = [...words, 'Qxcanary', 'qxcanary'];
    const { dump } = await dumpDatabase(own.app.databaseUrl());
    expect(dump).toContain(`DDC-C-${suffix}`); // the dump is real: it holds the case's own label
    // …and the words were stored, sealed: two messages, two arrangement notes, a copy per participant.
    const stored = await sealedCounts(own.app.databaseUrl());
    expect(stored.partiesMessages).toBe(2);
    expect(stored.notedEvents).toBe(2);
    expect(stored.copies).toBeGreaterThanOrEqual(10);
    const output = own.app.output();
    expect(output.length).toBeGreaterThan(1000); // trace logging was on
    for (const needle of needles) {
      expect(dump.includes(needle), `database holds "${needle}"`).toBe(false);
      expect(output.includes(needle), `server output holds "${needle}"`).toBe(false);
    }
    expect(clusterFilesHold(own.dataDir, needles)).toEqual([]);
  }, 120_000);
});
