import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  acceptContact,
  clusterOf,
  memberOrganisation,
  oneCase,
  overlapBetween,
  requestContact,
} from '../support/cluster-fixtures.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { TestApp } from '../support/test-app.js';
import type { World } from '../support/world.js';
import { lifecycleFixtures, type Org } from './lifecycle-fixtures.js';

/**
 * The cluster lifecycle through the real mutations: an accepted contact
 * forms, extends or merges a cluster in its own transaction; a withdrawn
 * case or a departed organisation leaves it; the arrangement follows.
 *
 * Its own organisations L3, L4 and L5 beside org A and A2; every assertion
 * reads the clusters it forms itself.
 */
export function lifecycleSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let db: DataSource;
  let a3: Org;
  let a4: Org;
  let a5: Org;
  const {
    A,
    A2,
    pairRevealed,
    revealBetween,
    arrangement,
    parties,
    events,
    audits,
    kindsFor,
    agree,
  } = lifecycleFixtures(ctx);

  describe('cluster lifecycle', () => {
    beforeAll(async () => {
      ({ t, w, db } = ctx());
      a3 = await memberOrganisation(t, w.wg1, 'Org L3');
      a4 = await memberOrganisation(t, w.wg1, 'Org L4');
      a5 = await memberOrganisation(t, w.wg1, 'Org L5');
    });

    let first = { caseX: '', caseY: '', overlap: '' };
    let clusterId = '';

    it('forms a cluster of two parties with an open arrangement when contact is accepted', async () => {
      first = await pairRevealed(A(), A2(), 'F');
      clusterId = (await clusterOf(t, first.caseX)) ?? '';
      expect(clusterId).not.toBe('');
      expect(await clusterOf(t, first.caseY)).toBe(clusterId);
      expect((await parties(clusterId)).map((p) => p.organisation_id)).toEqual(
        [w.orgA, w.orgA2].sort(),
      );
      const a = await arrangement(clusterId);
      expect(a).toMatchObject({ status: 'open', version: 0 });
      expect(a.state.parties).toEqual([w.orgA, w.orgA2].sort());
      expect(await audits(clusterId)).toEqual(['cluster.formed']);
      // The requester's alert about the acceptance names the cluster.
      expect(await kindsFor(w.orgA, clusterId)).toEqual(['overlap.contact_accepted']);
    });

    it('forms nothing on a declined contact', async () => {
      const caseX = await oneCase(t, w.wg1, w.orgA, 'D-X');
      const caseY = await oneCase(t, w.wg1, w.orgA2, 'D-Y');
      const overlap = await overlapBetween(
        t,
        w.wg1,
        { org: w.orgA, caseId: caseX },
        { org: w.orgA2, caseId: caseY },
      );
      await requestContact(w.investigatorA, overlap);
      await w.investigatorA2.client.ok(
        'mutation($id: ID!) { respondToContact(overlapId: $id, accept: false) { id } }',
        { id: overlap },
      );
      expect(await clusterOf(t, caseX)).toBeNull();
      expect(await clusterOf(t, caseY)).toBeNull();
    });

    it('adds a third organisation through a second accepted overlap, reopening an agreed arrangement for it only', async () => {
      await agree(clusterId, [
        { organisationId: w.orgA, role: 'lead', mayRefer: true },
        { organisationId: w.orgA2, role: 'supporting', mayRefer: false },
      ]);
      const caseA3 = await oneCase(t, w.wg1, a3.org, 'J-A3');
      await revealBetween(A2(), first.caseY, a3, caseA3);
      expect(await clusterOf(t, caseA3)).toBe(clusterId);
      expect((await parties(clusterId)).map((p) => p.organisation_id)).toEqual(
        [w.orgA, w.orgA2, a3.org].sort(),
      );
      const a = await arrangement(clusterId);
      expect(a.status).toBe('open');
      expect(a.state.scope).toEqual([a3.org]);
      expect(a.state.inForce?.map((r) => r.organisationId).sort()).toEqual(
        [w.orgA, w.orgA2].sort(),
      );
      expect((await events(clusterId)).at(-1)).toEqual(['party_joined', a3.org]);
      expect(await audits(clusterId)).toEqual(['cluster.formed', 'cluster.joined']);
      expect(await kindsFor(w.orgA, clusterId)).toContain('arrangement.party_joined');
      expect(await kindsFor(w.orgA2, clusterId)).toContain('arrangement.party_joined');
    });

    it('merges the younger cluster into the older one when an overlap links them', async () => {
      const other = await pairRevealed(a4, a5, 'M');
      const younger = (await clusterOf(t, other.caseX)) ?? '';
      expect(younger).not.toBe(clusterId);
      const [referral] = await db.query<Array<{ id: string }>>(
        `INSERT INTO referral (cluster_id, working_group_id, organisation_id, recorded_by, authority_id, referred_on, categories, status, status_on)
         VALUES ($1, $2, $3, $4, 'icc_otp', current_date, '{}', 'referred', current_date) RETURNING id`,
        [younger, w.wg1, a4.org, a4.investigator.id],
      );
      await revealBetween(A(), first.caseX, a4, other.caseX);
      expect(await clusterOf(t, other.caseX)).toBe(clusterId);
      expect(await clusterOf(t, other.caseY)).toBe(clusterId);
      const [y] = await db.query<Array<{ merged_into: string | null; merged_at: Date | null }>>(
        'SELECT merged_into, merged_at FROM cluster WHERE id = $1',
        [younger],
      );
      expect(y?.merged_into).toBe(clusterId);
      expect(y?.merged_at).not.toBeNull();
      expect((await arrangement(younger)).status).toBe('merged');
      const survivor = await arrangement(clusterId);
      expect(survivor.state.parties).toEqual([w.orgA, w.orgA2, a3.org, a4.org, a5.org].sort());
      expect(survivor.state.scope).toEqual([a3.org, a4.org, a5.org].sort());
      const joined = (await events(clusterId))
        .filter(([k]) => k === 'party_joined')
        .map(([, o]) => o);
      expect(joined.sort()).toEqual([a3.org, a4.org, a5.org].sort());
      expect(await audits(clusterId)).toContain('cluster.merged');
      const [moved] = await db.query<Array<{ cluster_id: string }>>(
        'SELECT cluster_id FROM referral WHERE id = $1',
        [referral?.id],
      );
      expect(moved?.cluster_id).toBe(clusterId);
      expect((await parties(clusterId)).filter((p) => p.left_at === null)).toHaveLength(5);
      // Its id answers with the survivor; its parties list the survivor only.
      const viaYounger = await w.investigatorA.client.ok<{ cluster: { id: string } }>(
        'query($id: ID!) { cluster(id: $id) { id } }',
        { id: younger },
      );
      expect(viaYounger.cluster.id).toBe(clusterId);
      const listed = await a5.investigator.client.ok<{
        myClusters: { nodes: Array<{ id: string }> };
      }>('{ myClusters { nodes { id } } }');
      expect(listed.myClusters.nodes.map((n) => n.id)).toEqual([clusterId]);
      // The younger cluster's own rows are closed: access goes through the survivor.
      expect((await parties(younger)).every((p) => p.left_at !== null)).toBe(true);
    });

    it('takes a withdrawn case out, and its organisation with it when it has no case left (party_left)', async () => {
      const caseA5 = (
        await db.query<Array<{ case_id: string }>>(
          'SELECT case_id FROM cluster_case WHERE cluster_id = $1 AND organisation_id = $2',
          [clusterId, a5.org],
        )
      )[0]?.case_id;
      await a5.investigator.client.ok('mutation($id: ID!) { withdrawCase(caseId: $id) { id } }', {
        id: caseA5,
      });
      const [cc] = await db.query<Array<{ left_at: Date | null }>>(
        'SELECT left_at FROM cluster_case WHERE case_id = $1',
        [caseA5],
      );
      expect(cc?.left_at).not.toBeNull();
      expect(
        (await parties(clusterId)).find((p) => p.organisation_id === a5.org)?.left_at,
      ).not.toBeNull();
      expect((await arrangement(clusterId)).state.parties).not.toContain(a5.org);
      expect((await events(clusterId)).at(-1)).toEqual(['party_left', a5.org]);
      expect(await audits(clusterId)).toContain('cluster.left');
      expect(await kindsFor(w.orgA, clusterId)).toContain('arrangement.party_left');
    });

    it('keeps an organisation as a party while another of its cases remains', async () => {
      const caseA4b = await oneCase(t, w.wg1, a4.org, 'K-A4');
      await revealBetween(A2(), first.caseY, a4, caseA4b);
      const caseA4 = (
        await db.query<Array<{ case_id: string }>>(
          'SELECT case_id FROM cluster_case WHERE cluster_id = $1 AND organisation_id = $2 AND case_id <> $3',
          [clusterId, a4.org, caseA4b],
        )
      )[0]?.case_id;
      const before = (await arrangement(clusterId)).version;
      await a4.investigator.client.ok('mutation($id: ID!) { withdrawCase(caseId: $id) { id } }', {
        id: caseA4,
      });
      expect(
        (await parties(clusterId)).find((p) => p.organisation_id === a4.org)?.left_at,
      ).toBeNull();
      expect((await arrangement(clusterId)).version).toBe(before);
    });

    it('reopens the whole arrangement when the lead withdraws its case', async () => {
      const c = await pairRevealed(A(), a3, 'L');
      const id = (await clusterOf(t, c.caseX)) ?? '';
      await agree(id, [
        { organisationId: w.orgA, role: 'lead', mayRefer: true },
        { organisationId: a3.org, role: 'supporting', mayRefer: false },
      ]);
      await w.investigatorA.client.ok('mutation($id: ID!) { withdrawCase(caseId: $id) { id } }', {
        id: c.caseX,
      });
      const a = await arrangement(id);
      expect(a.state.parties).toEqual([a3.org]);
      expect(a.status).toBe('open');
      // Reopened for every remaining party (the rule book keeps their last roles for reference).
      expect(a.state.scope).toEqual([a3.org]);
      expect(a.state.inForce?.map((r) => r.organisationId)).not.toContain(w.orgA);
      const [left] = await db.query<Array<{ detail: { outcomes: string[] } }>>(
        `SELECT detail FROM lead_arrangement_event WHERE cluster_id = $1 AND kind = 'party_left'`,
        [id],
      );
      expect(left?.detail.outcomes).toContain('reopened');
      const [alert] = await db.query<Array<{ payload: { reopened: boolean } }>>(
        `SELECT payload FROM notification WHERE recipient_organisation_id = $1 AND kind = 'arrangement.party_left' AND payload ->> 'clusterId' = $2`,
        [a3.org, id],
      );
      expect(alert?.payload.reopened).toBe(true);
    });

    it('takes an organisation removed from the group out of its clusters', async () => {
      const c = await pairRevealed(a4, a3, 'R');
      const id = (await clusterOf(t, c.caseX)) ?? '';
      await w.coordinator1.client.ok(
        'mutation($g: ID!, $o: ID!) { removeOrganisationFromWorkingGroup(workingGroupId: $g, organisationId: $o) { status } }',
        { g: w.wg1, o: a4.org },
      );
      expect((await parties(id)).find((p) => p.organisation_id === a4.org)?.left_at).not.toBeNull();
      expect(
        (await parties(clusterId)).find((p) => p.organisation_id === a4.org)?.left_at,
      ).not.toBeNull();
      expect((await arrangement(id)).state.parties).toEqual([a3.org]);
      expect(await kindsFor(a3.org, id)).toContain('arrangement.party_left');
    });

    it('makes one cluster when two reveals of one case race', async () => {
      const hub = await oneCase(t, w.wg1, w.orgA, 'RACE-A');
      const x = await oneCase(t, w.wg1, w.orgA2, 'RACE-A2');
      const y = await oneCase(t, w.wg1, a3.org, 'RACE-A3');
      const o1 = await overlapBetween(
        t,
        w.wg1,
        { org: w.orgA, caseId: hub },
        { org: w.orgA2, caseId: x },
      );
      const o2 = await overlapBetween(
        t,
        w.wg1,
        { org: w.orgA, caseId: hub },
        { org: a3.org, caseId: y },
      );
      await requestContact(w.investigatorA, o1);
      await requestContact(w.investigatorA, o2);
      const results = await Promise.all([
        acceptContact(w.investigatorA2, o1),
        acceptContact(a3.investigator, o2),
      ]);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      const id = await clusterOf(t, hub);
      expect(await clusterOf(t, x)).toBe(id);
      expect(await clusterOf(t, y)).toBe(id);
      const clusters = await db.query<Array<{ n: number }>>(
        'SELECT count(DISTINCT cluster_id)::int AS n FROM cluster_case WHERE case_id = ANY($1::uuid[])',
        [[hub, x, y]],
      );
      expect(clusters[0]?.n).toBe(1);
      expect((await arrangement(id ?? '')).state.parties).toEqual([w.orgA, w.orgA2, a3.org].sort());
    });
  });
}
