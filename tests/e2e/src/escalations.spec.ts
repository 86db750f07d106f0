import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppProcess, type AppProcess } from '@parallax/test-support';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogins } from '../support/demo-logins.js';
import {
  demoLoginOf,
  launchSharedBrowser,
  newPersonPage,
  seriousViolations,
  signInThroughUi,
} from '../support/people.js';

/**
 * The coordinators' escalations page against the real API (issue 11): two
 * arrangements waiting on the coordinator — one escalated after two
 * rejections, one decided and asked to be reopened — written straight into
 * the database of the spec's own demo app (the negotiation itself is
 * coordination.spec.ts's), then read in English and in Arabic, axe-clean.
 */
const GROUP = 'Syria accountability working group (demo)';
const COORDINATOR = 'coordinator@demo.parallax.test';
const DDC_NAME = 'Demo Documentation Centre';
const DJA_NAME = 'Demo Justice Archive';

let app: AppProcess;
let dataDir: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
let page: Page;
let workingGroupId: string;
const clusters: { escalated: string; reopen: string } = { escalated: '', reopen: '' };

/** A cluster of the two demo organisations whose arrangement is in `state`. */
async function seedCluster(
  db: pg.Client,
  orgs: [string, string],
  state: Record<string, unknown>,
  event?: { kind: string; by: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO cluster (working_group_id) VALUES ($1) RETURNING id',
    [workingGroupId],
  );
  const id = rows[0]?.id ?? '';
  // One case of each party and their revealed overlap: the dashboard's picture is made of overlaps.
  const cases: string[] = [];
  for (const o of orgs) {
    await db.query('INSERT INTO cluster_party (cluster_id, organisation_id) VALUES ($1, $2)', [
      id,
      o,
    ]);
    const c = await db.query<{ id: string }>(
      `INSERT INTO tracking_case (working_group_id, organisation_id, reference, status, epoch, idempotency_key)
       VALUES ($1, $2, $3, 'active', 1, $4) RETURNING id`,
      [workingGroupId, o, `ESC-${id.slice(0, 8)}`, `escalations-${id}`],
    );
    const caseId = c.rows[0]?.id ?? '';
    cases.push(caseId);
    await db.query(
      'INSERT INTO cluster_case (case_id, cluster_id, organisation_id) VALUES ($1, $2, $3)',
      [caseId, id, o],
    );
  }
  const [x, y] = (cases[0] ?? '') < (cases[1] ?? '') ? [0, 1] : [1, 0];
  await db.query(
    `INSERT INTO overlap (working_group_id, case_a, case_b, org_a, org_b, score, strength, matched_kinds,
                          contact_status, revealed_at, revealed_by)
     VALUES ($1, $2, $3, $4, $5, 0.9, 'strong', '{id.passport}', 'accepted', now(), 'consent')`,
    [workingGroupId, cases[x], cases[y], orgs[x], orgs[y]],
  );
  await db.query(
    `INSERT INTO lead_arrangement (cluster_id, working_group_id, version, status, state)
     VALUES ($1, $2, $3, $4, $5)`,
    [id, workingGroupId, state['version'], state['status'], JSON.stringify(state)],
  );
  if (event) {
    await db.query(
      `INSERT INTO lead_arrangement_event (cluster_id, version, kind, actor_organisation_id)
       VALUES ($1, $2, $3, $4)`,
      [id, state['version'], event.kind, event.by],
    );
  }
  return id;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parallax-escalations-'));
  app = await startAppProcess({ dataDir, args: ['--demo'] });
  const db = new pg.Client({ connectionString: app.databaseUrl() });
  await db.connect();
  try {
    const group = await db.query<{ id: string }>('SELECT id FROM working_group WHERE name = $1', [
      GROUP,
    ]);
    workingGroupId = group.rows[0]?.id ?? '';
    const orgs = await db.query<{ id: string; name: string }>(
      'SELECT id, name FROM organisation WHERE name = ANY ($1) ORDER BY id',
      [[DDC_NAME, DJA_NAME]],
    );
    const [a, b] = orgs.rows.map((r) => r.id) as [string, string];
    const now = new Date().toISOString();
    const base = {
      parties: [a, b],
      scope: [a, b],
      proposal: null,
      nextProposalNumber: 3,
    };
    clusters.escalated = await seedCluster(db, [a, b], {
      ...base,
      version: 4,
      status: 'escalated',
      inForce: null,
      inForceBy: null,
      rejections: 2,
      escalation: { reason: 'rejected_twice', at: now },
      reopenRequest: null,
    });
    clusters.reopen = await seedCluster(
      db,
      [a, b],
      {
        ...base,
        scope: [],
        version: 6,
        status: 'reopen_requested',
        inForce: [
          { organisationId: a, role: 'lead', mayRefer: true },
          { organisationId: b, role: 'supporting', mayRefer: false },
        ],
        inForceBy: 'decision',
        rejections: 0,
        escalation: null,
        reopenRequest: { by: b, at: now },
      },
      { kind: 'reopen_requested', by: b },
    );
  } finally {
    await db.end();
  }
  browser = await launchSharedBrowser();
  page = await newPersonPage(browser, contexts);
  await signInThroughUi(page, app.url, demoLoginOf(demoLogins(dataDir), COORDINATOR));
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the escalations page', () => {
  it('lists both waiting arrangements with their reason and a way to the cluster, axe-clean', async () => {
    await page.goto(`${app.url}/coordination/${workingGroupId}/escalations`);
    const cards = page.getByTestId('escalation');
    await cards.nth(1).waitFor({ timeout: 30_000 });
    expect(await cards.count()).toBe(2);
    const escalated = page.locator(`[data-testid="escalation"][data-status="escalated"]`);
    expect(await escalated.getByTestId('escalation-reason').textContent()).toBe(
      'Proposals were rejected twice.',
    );
    expect(await escalated.getByTestId('escalation-open').getAttribute('href')).toBe(
      `/clusters/${clusters.escalated}`,
    );
    const reopen = page.locator(`[data-testid="escalation"][data-status="reopen_requested"]`);
    expect(await reopen.getByTestId('escalation-reason').textContent()).toContain(
      'asks to reopen the coordinators’ decision',
    );
    expect(await reopen.getByTestId('escalation-parties').textContent()).toContain('Lead');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reads right to left in Arabic and stays accessible', async () => {
    await page.getByTestId('language-switch').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { level: 1, name: 'الحالات المُحالة إلى المنسقين' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('language-switch').selectOption('en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  });

  it('the dashboard says what waits, filters by lead, and stays accessible in both directions', async () => {
    await page.goto(`${app.url}/working-groups/${workingGroupId}/dashboard`);
    const rows = page.getByTestId('dashboard-cluster');
    await rows.nth(1).waitFor({ timeout: 30_000 });
    expect(
      (await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-lead')))).sort(),
    ).toEqual(['escalated', 'reopen_requested']);
    expect(await page.getByTestId('dashboard-escalations').textContent()).toContain(
      '2 clusters wait for the coordinators',
    );
    await page.getByTestId('dashboard-filter').getByText('Agreed', { exact: true }).click();
    await page.getByTestId('dashboard-no-clusters').waitFor();
    expect(new URL(page.url()).searchParams.get('lead')).toBe('agreed');
    await page.getByTestId('dashboard-filter').getByText('Escalated', { exact: true }).click();
    await rows.nth(1).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('language-switch').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page
      .getByTestId('dashboard-escalations')
      .getByText('مجموعتان تنتظران', { exact: false })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('language-switch').selectOption('en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    await page.getByTestId('dashboard-escalations').getByRole('link').click();
    await page.getByTestId('escalations-page').waitFor();
  });

  it('opens the cluster page from an escalation', async () => {
    await page
      .locator(`[data-testid="escalation"][data-status="escalated"]`)
      .getByTestId('escalation-open')
      .click();
    await page.waitForURL(`**/clusters/${clusters.escalated}`);
  });
});
