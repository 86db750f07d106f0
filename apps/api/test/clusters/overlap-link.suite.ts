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
 * The overlap card's "Open coordination" link: an overlap names my case's cluster once revealed, never before.
 *
 * Its own cases (and organisation K3): the overlaps it reads are of those cases only.
 */
export function overlapLinkSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let a3: { org: string; investigator: Person };
  let caseA = '';
  let caseA2 = '';
  let caseA3 = '';
  let revealed = '';
  let pending = '';

  const OVERLAPS = `query($caseId: ID) { overlaps(includeRetracted: true, caseId: $caseId) {
    nodes { id revealed clusterId } } }`;
  const overlapsOf = async (p: Person, caseId: string) =>
    (
      await p.client.ok<{
        overlaps: { nodes: Array<{ id: string; revealed: boolean; clusterId: string | null }> };
      }>(OVERLAPS, { caseId })
    ).overlaps.nodes;

  describe('an overlap and its cluster', () => {
    beforeAll(async () => {
      ({ t, w } = ctx());
      a3 = await memberOrganisation(t, w.wg1, 'Org K3');
      caseA = await oneCase(t, w.wg1, w.orgA, 'LINK-A');
      caseA2 = await oneCase(t, w.wg1, w.orgA2, 'LINK-A2');
      caseA3 = await oneCase(t, w.wg1, a3.org, 'LINK-A3');
      revealed = await overlapBetween(
        t,
        w.wg1,
        { org: w.orgA, caseId: caseA },
        { org: w.orgA2, caseId: caseA2 },
      );
      pending = await overlapBetween(
        t,
        w.wg1,
        { org: w.orgA, caseId: caseA },
        { org: a3.org, caseId: caseA3 },
      );
    });

    it('names no cluster before the reveal', async () => {
      expect(await overlapsOf(w.investigatorA, caseA)).toEqual(
        expect.arrayContaining([
          { id: revealed, revealed: false, clusterId: null },
          { id: pending, revealed: false, clusterId: null },
        ]),
      );
    });

    it('names the same cluster to both sides once revealed, and only on the revealed overlap', async () => {
      await reveal(w.investigatorA, w.investigatorA2, revealed);
      const clusterId = await clusterOf(t, caseA);
      expect(clusterId).toBeTruthy();
      const mine = await overlapsOf(w.investigatorA, caseA);
      expect(mine.find((o) => o.id === revealed)).toEqual({
        id: revealed,
        revealed: true,
        clusterId,
      });
      // Same case, same cluster, but this overlap is not revealed: it links nowhere.
      expect(mine.find((o) => o.id === pending)?.clusterId).toBeNull();
      expect((await overlapsOf(w.investigatorA2, caseA2))[0]?.clusterId).toBe(clusterId);
      // The third organisation's case is in no cluster: nothing to link, nothing learnt.
      expect((await overlapsOf(a3.investigator, caseA3))[0]?.clusterId).toBeNull();
    });
  });
}
