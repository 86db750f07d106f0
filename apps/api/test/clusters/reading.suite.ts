import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  clusterOf,
  memberOrganisation,
  oneCase,
  overlapBetween,
  reveal,
} from '../support/cluster-fixtures.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { TestApp } from '../support/test-app.js';
import type { Person, World } from '../support/world.js';

/**
 * Reading clusters: myClusters pages and totals, one cluster, and who may see it.
 *
 * It counts every cluster of org A (myClusters totals, the oldest last), so
 * it runs first in its file, before any other suite forms clusters of org A;
 * its setup is registered for the whole file (two describes share it).
 */
export function readingSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let db: DataSource;
  let a3: { org: string; investigator: Person };
  let clusterId = '';
  let caseA = '';
  let caseA3 = '';

  const CLUSTER = `query($id: ID!) { cluster(id: $id) {
    id workingGroupId workingGroupName createdAt viewerAccess
    parties { organisationId organisationName joinedAt leftAt role mayRefer }
    myCases { id reference } } }`;
  const MY_CLUSTERS = `query($first: Int, $after: String, $status: [ArrangementStatus!]) {
    myClusters(first: $first, after: $after, status: $status) {
      totalCount pageInfo { endCursor hasNextPage } nodes { id viewerAccess parties { organisationName } myCases { reference } } } }`;

  interface ClusterView {
    id: string;
    workingGroupId: string;
    workingGroupName: string;
    viewerAccess: string;
    parties: Array<{
      organisationId: string;
      organisationName: string;
      leftAt: string | null;
      role: string | null;
      mayRefer: boolean;
    }>;
    myCases: Array<{ id: string; reference: string }>;
  }
  interface ClusterPageView {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      id: string;
      viewerAccess: string;
      parties: Array<{ organisationName: string }>;
      myCases: Array<{ reference: string }>;
    }>;
  }

  const read = (p: Person, id: string) =>
    p.client.request<{ cluster: ClusterView }>(CLUSTER, { id });
  const page = async (p: Person, vars: Record<string, unknown> = {}) =>
    (await p.client.ok<{ myClusters: ClusterPageView }>(MY_CLUSTERS, vars)).myClusters;

  beforeAll(async () => {
    ({ t, w, db } = ctx());
    a3 = await memberOrganisation(t, w.wg1, 'Org A3');
    // One cluster A + A2 + A3 (A3 then withdraws: a former party), and two more of A with A2.
    caseA = await oneCase(t, w.wg1, w.orgA, 'CL-A');
    const caseA2 = await oneCase(t, w.wg1, w.orgA2, 'CL-A2');
    caseA3 = await oneCase(t, w.wg1, a3.org, 'CL-A3');
    await reveal(
      w.investigatorA,
      w.investigatorA2,
      await overlapBetween(
        t,
        w.wg1,
        { org: w.orgA, caseId: caseA },
        { org: w.orgA2, caseId: caseA2 },
      ),
    );
    await reveal(
      w.investigatorA,
      a3.investigator,
      await overlapBetween(
        t,
        w.wg1,
        { org: w.orgA, caseId: caseA },
        { org: a3.org, caseId: caseA3 },
      ),
    );
    clusterId = (await clusterOf(t, caseA)) ?? '';
    for (const ref of ['P1', 'P2']) {
      const x = await oneCase(t, w.wg1, w.orgA, `${ref}-A`);
      const y = await oneCase(t, w.wg1, w.orgA2, `${ref}-A2`);
      await reveal(
        w.investigatorA2,
        w.investigatorA,
        await overlapBetween(t, w.wg1, { org: w.orgA, caseId: x }, { org: w.orgA2, caseId: y }),
      );
    }
    await a3.investigator.client.ok('mutation($id: ID!) { withdrawCase(caseId: $id) { id } }', {
      id: caseA3,
    });
  });

  describe('cluster', () => {
    it('shows a party the parties by name, its own cases only, and the group', async () => {
      const r = await read(w.viewerA, clusterId);
      expect(r.errors).toBeUndefined();
      const c = r.data?.cluster;
      expect(c).toMatchObject({
        id: clusterId,
        workingGroupId: w.wg1,
        workingGroupName: 'WG 1',
        viewerAccess: 'party',
      });
      expect(c?.parties.map((p) => p.organisationName)).toEqual(['Org A', 'Org A2', 'Org A3']);
      expect(c?.parties.find((p) => p.organisationName === 'Org A3')?.leftAt).not.toBeNull();
      expect(c?.parties.every((p) => p.role === null && !p.mayRefer)).toBe(true);
      expect(c?.myCases).toEqual([{ id: caseA, reference: 'CL-A001' }]);
      const a2 = (await read(w.investigatorA2, clusterId)).data?.cluster;
      expect(a2?.myCases.map((x) => x.reference)).toEqual(['CL-A2001']);
    });

    it('lets a former party read (viewerAccess former) without its withdrawn case', async () => {
      const c = (await read(a3.investigator, clusterId)).data?.cluster;
      expect(c?.viewerAccess).toBe('former');
      expect(c?.myCases).toEqual([]);
    });

    it("lets the group's coordinator read, with no cases of its own", async () => {
      const c = (await read(w.coordinator1, clusterId)).data?.cluster;
      expect(c).toMatchObject({ viewerAccess: 'coordinator', myCases: [] });
      expect(c?.parties).toHaveLength(3);
    });

    // A donor is refused every operation but the metrics (FORBIDDEN, cross-tenant.spec.ts).
    it.each(['investigatorB', 'adminB', 'platformAdmin', 'coordinator2'] as const)(
      'answers NOT_FOUND to %s, as for a cluster that does not exist',
      async (who) => {
        const r = await read(w[who], clusterId);
        expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        expect(JSON.stringify(r)).not.toContain('Org A2');
        const none = await read(w[who], '00000000-0000-4000-8000-000000000000');
        expect(none.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      },
    );

    it('answers NOT_FOUND to a malformed id', async () => {
      expect((await read(w.adminA, 'not-a-uuid')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('records each look, once an hour per reader and cluster', async () => {
      await read(w.adminA, clusterId);
      await read(w.adminA, clusterId);
      const rows = await db.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'cluster.read' AND subject_id = $1 AND actor_user_id = $2`,
        [clusterId, w.adminA.id],
      );
      expect(rows[0]?.n).toBe(1);
    });

    it('answers a merged cluster id with the survivor', async () => {
      const other = (await page(w.adminA, { first: 10 })).nodes
        .map((n) => n.id)
        .filter((id) => id !== clusterId);
      const [older, younger] = other;
      await db.query(`UPDATE cluster SET merged_into = $2, merged_at = now() WHERE id = $1`, [
        younger,
        older,
      ]);
      try {
        expect((await read(w.adminA, younger ?? '')).data?.cluster.id).toBe(older);
      } finally {
        await db.query(`UPDATE cluster SET merged_into = NULL, merged_at = NULL WHERE id = $1`, [
          younger,
        ]);
      }
    });
  });

  describe('myClusters', () => {
    it('pages newest first with the exact total', async () => {
      const one = await page(w.investigatorA, { first: 2 });
      expect(one.totalCount).toBe(3);
      expect(one.nodes).toHaveLength(2);
      expect(one.pageInfo.hasNextPage).toBe(true);
      const two = await page(w.investigatorA, { first: 2, after: one.pageInfo.endCursor });
      expect(two.nodes).toHaveLength(1);
      expect(two.pageInfo.hasNextPage).toBe(false);
      const ids = [...one.nodes, ...two.nodes].map((n) => n.id);
      expect(new Set(ids).size).toBe(3);
      expect(ids.at(-1)).toBe(clusterId); // the oldest last
    });

    it('lists a former party its old cluster, and nothing to other tenants', async () => {
      const former = await page(a3.investigator);
      expect(former.nodes.map((n) => [n.id, n.viewerAccess])).toEqual([[clusterId, 'former']]);
      expect((await page(w.investigatorB)).totalCount).toBe(0);
      expect((await page(w.coordinator1)).totalCount).toBe(0);
      const donor = await w.donorViewer.client.request(MY_CLUSTERS, { first: 50 });
      expect(donor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('filters by arrangement status', async () => {
      expect((await page(w.adminA, { status: ['open'] })).totalCount).toBe(3);
      expect((await page(w.adminA, { status: ['agreed', 'escalated'] })).totalCount).toBe(0);
    });

    it('refuses a cursor of another filter or a forged one', async () => {
      const one = await page(w.adminA, { first: 1 });
      const r = await w.adminA.client.request(MY_CLUSTERS, {
        first: 1,
        after: one.pageInfo.endCursor,
        status: ['open'],
      });
      expect(r.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
      const forged = Buffer.from(
        JSON.stringify({ l: 'clusters', f: JSON.stringify({ status: null }), k: ["x'", 'y'] }),
      ).toString('base64url');
      const f = await w.adminA.client.request(MY_CLUSTERS, { first: 1, after: forged });
      expect(f.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
    });
  });
}
