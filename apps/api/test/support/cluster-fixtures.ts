import { DataSource } from 'typeorm';
import { bulkCases } from './overlap-fixtures.js';
import type { TestApp } from './test-app.js';
import { login, person, type Person } from './world.js';

/** A further member organisation of a group with one signed-in investigator (no keys certified). */
export async function memberOrganisation(
  t: TestApp,
  workingGroupId: string,
  name: string,
): Promise<{ org: string; investigator: Person }> {
  const db = t.app.get(DataSource);
  const [row] = await db.query<Array<{ id: string }>>(
    `INSERT INTO organisation (name, kind) VALUES ($1, 'cso') RETURNING id`,
    [name],
  );
  const org = row?.id ?? '';
  await db.query(
    `INSERT INTO working_group_member (working_group_id, organisation_id, status, joined_at) VALUES ($1, $2, 'active', now())`,
    [workingGroupId, org],
  );
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const p = await person(t, `investigator-${slug}@t.test`, {
    organisationId: org,
    role: 'investigator',
  });
  return { org, investigator: { ...p, client: await login(t, p) } };
}

/** One case of `org` in the group (written directly: clusters do not need fingerprints). */
export async function oneCase(
  t: TestApp,
  workingGroupId: string,
  org: string,
  reference: string,
): Promise<string> {
  const [id = ''] = await bulkCases(t.app.get(DataSource), workingGroupId, org, reference, 1);
  return id;
}

/** An overlap between two cases of different organisations, as matching would record it. */
export async function overlapBetween(
  t: TestApp,
  workingGroupId: string,
  x: { org: string; caseId: string },
  y: { org: string; caseId: string },
): Promise<string> {
  const [a, b] = x.caseId < y.caseId ? [x, y] : [y, x];
  const [row] = await t.app.get(DataSource).query<Array<{ id: string }>>(
    `INSERT INTO overlap (working_group_id, case_a, case_b, org_a, org_b, score, strength, matched_kinds)
     VALUES ($1, $2, $3, $4, $5, 0.9, 'strong', ARRAY['name.pair']) RETURNING id`,
    [workingGroupId, a.caseId, b.caseId, a.org, b.org],
  );
  return row?.id ?? '';
}

/** `requester` asks for contact on the overlap (no answer yet). */
export async function requestContact(requester: Person, overlapId: string): Promise<void> {
  await requester.client.ok('mutation($id: ID!) { requestContact(overlapId: $id) { id } }', {
    id: overlapId,
  });
}

/** The accepting side's answer, as a raw result (for races and refusals). */
export function acceptContact(accepter: Person, overlapId: string) {
  return accepter.client.request<{ respondToContact: { id: string } }>(
    'mutation($id: ID!) { respondToContact(overlapId: $id, accept: true) { id } }',
    { id: overlapId },
  );
}

/** Contact requested by one side and accepted by the other: the overlap is revealed. */
export async function reveal(
  requester: Person,
  accepter: Person,
  overlapId: string,
): Promise<void> {
  await requestContact(requester, overlapId);
  const r = await acceptContact(accepter, overlapId);
  if (r.errors?.length) throw new Error(`accept failed: ${JSON.stringify(r.errors)}`);
}

/** The cluster a case sits in (read as the hub). */
export async function clusterOf(t: TestApp, caseId: string): Promise<string | null> {
  const [row] = await t.app
    .get(DataSource)
    .query<Array<{ cluster_id: string }>>(
      'SELECT cluster_id FROM cluster_case WHERE case_id = $1',
      [caseId],
    );
  return row?.cluster_id ?? null;
}
