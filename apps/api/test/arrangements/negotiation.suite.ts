import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  arrangementOf,
  freshCluster,
  inHours,
  note,
  ok,
  roles,
} from '../support/arrangement-fixtures.js';
import { eventually, registerPersons } from '../support/hub.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { TestApp } from '../support/test-app.js';
import { PERSON_CYRILLIC, PERSON_LATIN, type World } from '../support/world.js';

/**
 * Who leads a cluster (issue 11), through the API: the parties negotiate
 * (propose, counter, accept, reject with a reason) on the version they read;
 * every act writes its event, audit entries and notifications together.
 */
export function negotiationSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let db: DataSource;

  const cluster = () => freshCluster(t, w.wg2, [w.orgB, w.orgB2]);

  describe('negotiating the lead', () => {
    beforeAll(() => {
      ({ t, w, db } = ctx());
    });

    it('starts open on the cluster an accepted contact request forms, and is agreed by its parties', async () => {
      await registerPersons(t, w.investigatorA, w.wg1, [PERSON_LATIN]);
      await registerPersons(t, w.investigatorA2, w.wg1, [PERSON_CYRILLIC]);
      const OVERLAPS = '{ overlaps { nodes { id clusterId } } }';
      type Overlaps = { overlaps: { nodes: Array<{ id: string; clusterId: string | null }> } };
      const [o] = (
        await eventually(
          () => w.investigatorA.client.ok<Overlaps>(OVERLAPS),
          (d) => d.overlaps.nodes.length > 0,
        )
      ).overlaps.nodes;
      await w.investigatorA.client.ok(
        'mutation($id: ID!) { requestContact(overlapId: $id) { id } }',
        { id: o?.id },
      );
      await w.investigatorA2.client.ok(
        'mutation($id: ID!) { respondToContact(overlapId: $id, accept: true) { id } }',
        { id: o?.id },
      );
      const c =
        (await w.investigatorA.client.ok<Overlaps>(OVERLAPS)).overlaps.nodes[0]?.clusterId ?? '';
      expect(c).not.toBe('');
      const start = await arrangementOf(w.adminA, c);
      expect(start).toMatchObject({ status: 'open', version: 0 });
      expect(start.parties.sort()).toEqual([w.orgA, w.orgA2].sort());
      await ok(w.adminA, 'propose', {
        clusterId: c,
        expectedVersion: 0,
        roles: roles(w.orgA, w.orgA2),
        deadline: inHours(72),
        note: note(w.adminA),
      });
      const agreed = await ok(w.adminA2, 'respond', {
        clusterId: c,
        expectedVersion: 1,
        proposalNumber: 1,
        accept: true,
        note: note(w.adminA2),
      });
      expect(agreed).toMatchObject({ status: 'agreed', inForceBy: 'agreement' });
    });

    it('propose -> counter -> accept: agreed, with its history, audit entries and notifications', async () => {
      const c = await cluster();
      const start = await arrangementOf(w.adminB, c);
      expect(start).toMatchObject({ status: 'open', version: 0, inForce: null });
      expect(start.availableActions).toEqual(['propose']);

      const proposalNote = note(w.adminB);
      const p1 = await ok(w.adminB, 'propose', {
        clusterId: c,
        expectedVersion: 0,
        roles: roles(w.orgB, w.orgB2),
        deadline: inHours(48),
        note: proposalNote,
      });
      expect(p1).toMatchObject({ status: 'proposed', version: 1 });
      expect(p1.proposal).toMatchObject({
        number: 1,
        proposedBy: w.orgB,
        mustAnswer: [w.orgB2],
        counterTo: null,
      });
      expect(p1.availableActions).toEqual([]);
      expect((await arrangementOf(w.adminB2, c)).availableActions.sort()).toEqual([
        'accept',
        'counter',
        'reject',
      ]);

      const p2 = await ok(w.adminB2, 'propose', {
        clusterId: c,
        expectedVersion: 1,
        counterTo: 1,
        roles: roles(w.orgB2, w.orgB),
        deadline: inHours(24),
      });
      expect(p2.proposal).toMatchObject({
        number: 2,
        proposedBy: w.orgB2,
        counterTo: 1,
        mustAnswer: [w.orgB],
      });

      const agreed = await ok(w.adminB, 'respond', {
        clusterId: c,
        expectedVersion: 2,
        proposalNumber: 2,
        accept: true,
      });
      expect(agreed).toMatchObject({
        status: 'agreed',
        version: 3,
        inForceBy: 'agreement',
        proposal: null,
      });
      expect(agreed.inForce).toEqual(
        [
          { organisationId: w.orgB2, role: 'lead', mayRefer: true },
          { organisationId: w.orgB, role: 'supporting', mayRefer: false },
        ].sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1)),
      );
      expect(agreed.history.map((e) => [e.kind, e.version, e.actorOrganisationId])).toEqual([
        ['proposed', 1, w.orgB],
        ['countered', 2, w.orgB2],
        ['accepted', 3, w.orgB],
      ]);
      expect(agreed.history[0]?.noteMessageId).toBe(proposalNote.messageId);
      expect(agreed.history[1]?.proposalNumber).toBe(2);

      const audit = await db.query<Array<{ action: string }>>(
        `SELECT action FROM audit_log WHERE subject_id = $1 AND action LIKE 'arrangement.%' ORDER BY seq`,
        [c],
      );
      expect(audit.map((a) => a.action)).toEqual([
        'arrangement.proposed',
        'arrangement.countered',
        'arrangement.accepted',
        'arrangement.agreed',
      ]);
      const notes = await db.query<Array<{ kind: string; recipient_organisation_id: string }>>(
        `SELECT kind, recipient_organisation_id FROM notification WHERE payload->>'clusterId' = $1 ORDER BY created_at, kind`,
        [c],
      );
      expect(
        notes
          .filter((n) => n.kind === 'arrangement.proposed')
          .map((n) => n.recipient_organisation_id),
      ).toEqual([w.orgB2]);
      expect(
        notes
          .filter((n) => n.kind === 'arrangement.agreed')
          .map((n) => n.recipient_organisation_id)
          .sort(),
      ).toEqual([w.orgB, w.orgB2].sort());
    });
  });
}
