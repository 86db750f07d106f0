import { prepareClusterMessage } from '@parallax/hub-client';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshCluster } from '../support/arrangement-fixtures.js';
import {
  MARK_READ,
  memberOrganisation,
  MESSAGES,
  pinsOf,
  read,
  RECIPIENTS,
  say,
  SEND,
  textsOf,
  UNREAD,
} from '../support/conversations.js';
import { hubRequest, keysOf } from '../support/hub.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { TestApp } from '../support/test-app.js';
import type { Person, World } from '../support/world.js';

/**
 * Issue 11, the conversation over time: who joins reads from then on, who
 * leaves gets nothing new; unread counts, read marks, pages, and the
 * messages of a cluster merged into another.
 *
 * Its own cluster of orgs B and B2 (the world's cluster B is the other
 * suite's) and its own third organisation. It runs before the other suite:
 * the unread count it reads is adminB2's over every cluster.
 */
export function membershipSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let cluster: { clusterId: string; workingGroupId: string };
  let third: { organisationId: string; admin: Person };

  const codeOf = (r: { errors?: ReadonlyArray<{ extensions?: { code?: string } }> }) =>
    r.errors?.[0]?.extensions?.code;

  describe('the conversation as its participants change', () => {
    beforeAll(async () => {
      ({ t, w } = ctx());
      cluster = {
        clusterId: await freshCluster(t, w.wg2, [w.orgB, w.orgB2]),
        workingGroupId: w.wg2,
      };
      third = await memberOrganisation(t, 'Org C', w.wg2, w.coordinator2);
    });

    it('shows a later joiner the messages from then on, and nothing new to one who left', async () => {
      const ds = t.app.get(DataSource);
      await ds.query('INSERT INTO cluster_party (cluster_id, organisation_id) VALUES ($1, $2)', [
        cluster.clusterId,
        third.organisationId,
      ]);
      expect(await read(t, third.admin, cluster)).toEqual([]);
      const welcome = await say(t, w.investigatorB, cluster, {
        kind: 'text',
        text: 'Welcome, Org C.',
      });
      expect(welcome.message.recipientUserIds).toContain(third.admin.id);
      expect(textsOf(await read(t, third.admin, cluster))).toEqual(['Welcome, Org C.']);

      // An investigator made a viewer is no participant any more: not listed, not sealed to, no copy accepted.
      await ds.query(`UPDATE app_user SET role = 'viewer' WHERE id = $1`, [w.investigatorB2.id]);
      const listed = await w.investigatorB.client.ok<{
        clusterRecipients: Array<{ userId: string }>;
      }>(RECIPIENTS, {
        c: cluster.clusterId,
        a: 'parties',
      });
      expect(listed.clusterRecipients.map((r) => r.userId)).not.toContain(w.investigatorB2.id);
      const quiet = await say(t, w.investigatorB, cluster, {
        kind: 'text',
        text: 'B2 was made a viewer.',
      });
      expect(quiet.message.recipientUserIds).not.toContain(w.investigatorB2.id);
      const forced = await prepareClusterMessage(
        hubRequest(w.investigatorB.client),
        await keysOf(t, w.investigatorB),
        {
          ...cluster,
          audience: 'parties',
          body: { kind: 'text', text: 'x' },
          pins: await pinsOf(t, w.investigatorB, w.wg2),
        },
      );
      const withB2 = {
        ...forced.input,
        copies: [
          ...forced.input.copies,
          { userId: w.investigatorB2.id, sealed: forced.input.copies[0]?.sealed ?? '' },
        ],
      };
      expect(
        codeOf(await w.investigatorB.client.request(SEND, { c: cluster.clusterId, m: withB2 })),
      ).toBe('MESSAGE_RECIPIENTS_INVALID');
      await ds.query(`UPDATE app_user SET role = 'investigator' WHERE id = $1`, [
        w.investigatorB2.id,
      ]);
      expect(textsOf(await read(t, w.investigatorB2, cluster))).not.toContain(
        'B2 was made a viewer.',
      );

      // Org C leaves the cluster: it keeps what it was sent, gets nothing new, and may not write.
      await ds.query(
        'UPDATE cluster_party SET left_at = now() WHERE cluster_id = $1 AND organisation_id = $2',
        [cluster.clusterId, third.organisationId],
      );
      const after = await say(t, w.investigatorB, cluster, {
        kind: 'text',
        text: 'Org C has left.',
      });
      expect(after.message.recipientUserIds).not.toContain(third.admin.id);
      expect(textsOf(await read(t, third.admin, cluster))).toEqual([
        'B2 was made a viewer.',
        'Welcome, Org C.',
      ]);
      expect(
        codeOf(
          await third.admin.client.request(RECIPIENTS, { c: cluster.clusterId, a: 'parties' }),
        ),
      ).toBe('FORBIDDEN');
      const fromC = await ds.query<unknown[]>(
        'SELECT 1 FROM cluster_message WHERE sender_user_id = $1',
        [third.admin.id],
      );
      expect(fromC).toEqual([]);
    });

    it('counts unread messages per user and cluster, and marks them read', async () => {
      const unread = async (p: Person) =>
        (await p.client.ok<{ unreadMessageCount: number }>(UNREAD)).unreadMessageCount;
      await w.adminB2.client.ok(MARK_READ, { c: cluster.clusterId });
      expect(await unread(w.adminB2)).toBe(0);
      const mine = await unread(w.investigatorB);
      const { message } = await say(t, w.investigatorB, cluster, {
        kind: 'text',
        text: 'Please confirm.',
      });
      expect(await unread(w.adminB2)).toBe(1);
      expect(await unread(w.investigatorB)).toBe(mine);
      const inCluster = await w.adminB2.client.request<{ cluster: { unreadMessages: number } }>(
        'query($id: ID!) { cluster(id: $id) { unreadMessages } }',
        { id: cluster.clusterId },
      );
      expect(inCluster.data?.cluster.unreadMessages ?? inCluster.errors).toBe(1);
      expect((await read(t, w.adminB2, cluster))[0]).toMatchObject({ id: message.id, read: false });
      expect(
        (
          await w.adminB2.client.ok<{ markClusterMessagesRead: number }>(MARK_READ, {
            c: cluster.clusterId,
          })
        ).markClusterMessagesRead,
      ).toBe(1);
      expect(await unread(w.adminB2)).toBe(0);
      expect((await read(t, w.adminB2, cluster))[0]).toMatchObject({ id: message.id, read: true });
      // The alert names the message, never its text.
      const [alert] = await t.app
        .get(DataSource)
        .query<Array<{ payload: unknown }>>(
          `SELECT payload FROM notification WHERE kind = 'cluster.message' AND recipient_organisation_id = $1 ORDER BY created_at DESC LIMIT 1`,
          [w.orgB2],
        );
      expect(alert?.payload).toEqual({
        clusterId: cluster.clusterId,
        workingGroupId: w.wg2,
        messageId: message.id,
      });
      // Marking another tenant's cluster read is NOT_FOUND.
      expect(codeOf(await w.adminA.client.request(MARK_READ, { c: cluster.clusterId }))).toBe(
        'NOT_FOUND',
      );
    });

    it('pages newest first, and lists the messages of a cluster merged into this one', async () => {
      const ds = t.app.get(DataSource);
      const [older] = await ds.query<Array<{ id: string }>>(
        `INSERT INTO cluster (working_group_id, created_at) VALUES ($1, now() - interval '1 day') RETURNING id`,
        [w.wg2],
      );
      const merged = { clusterId: older?.id ?? '', workingGroupId: w.wg2 };
      await ds.query(
        `INSERT INTO cluster_party (cluster_id, organisation_id) VALUES ($1, $2), ($1, $3)`,
        [merged.clusterId, w.orgB, w.orgB2],
      );
      await say(t, w.adminB, merged, { kind: 'text', text: 'Before the merge.' });
      await ds.query(`UPDATE cluster_party SET left_at = now() WHERE cluster_id = $1`, [
        merged.clusterId,
      ]);
      await ds.query(`UPDATE cluster SET merged_into = $2, merged_at = now() WHERE id = $1`, [
        merged.clusterId,
        cluster.clusterId,
      ]);
      const all = await read(t, w.investigatorB2, cluster);
      expect(all[0]).toMatchObject({
        verified: true,
        clusterId: merged.clusterId,
        body: { text: 'Before the merge.' },
      });

      type Page = {
        clusterMessages: {
          nodes: Array<{ id: string }>;
          totalCount: number;
          pageInfo: { endCursor: string; hasNextPage: boolean };
        };
      };
      const first = await w.investigatorB2.client.ok<Page>(MESSAGES, {
        c: cluster.clusterId,
        first: 2,
      });
      expect(first.clusterMessages.totalCount).toBe(all.length);
      expect(first.clusterMessages.pageInfo.hasNextPage).toBe(true);
      const next = await w.investigatorB2.client.ok<Page>(MESSAGES, {
        c: cluster.clusterId,
        first: 2,
        after: first.clusterMessages.pageInfo.endCursor,
      });
      expect(
        [...first.clusterMessages.nodes, ...next.clusterMessages.nodes].map((n) => n.id),
      ).toEqual(all.slice(0, 4).map((m) => m.id));
      const forged = Buffer.from(
        JSON.stringify({
          l: 'clusterMessages',
          f: JSON.stringify({ clusterId: cluster.clusterId }),
          k: ['x', 'y'],
        }),
      ).toString('base64url');
      expect(
        codeOf(
          await w.investigatorB2.client.request(MESSAGES, { c: cluster.clusterId, after: forged }),
        ),
      ).toBe('INVALID_CURSOR');
      // A merged cluster takes no new messages: they go to the cluster it was merged into.
      const late = await prepareClusterMessage(
        hubRequest(w.adminB.client),
        await keysOf(t, w.adminB),
        {
          ...cluster,
          audience: 'parties',
          body: { kind: 'text', text: 'late' },
          pins: await pinsOf(t, w.adminB, w.wg2),
        },
      );
      expect(
        codeOf(await w.adminB.client.request(SEND, { c: merged.clusterId, m: late.input })),
      ).toBe('NOT_FOUND');
    });
  });
}
