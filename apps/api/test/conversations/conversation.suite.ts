import { prepareClusterMessage } from '@parallax/hub-client';
import { openClusterMessage } from '@parallax/identity';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  memberOrganisation,
  MESSAGES,
  messageFootprint,
  note,
  pinsOf,
  read,
  RECIPIENTS,
  say,
  SEND,
  textsOf,
} from '../support/conversations.js';
import { hubRequest, keysOf } from '../support/hub.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { TestApp } from '../support/test-app.js';
import type { Person, World } from '../support/world.js';

/**
 * Issue 11, the conversation: messages sealed on the sender's device to
 * each participant's certified key, relayed as ciphertext. Real keys, real
 * client library, real hub.
 *
 * The conversation of the world's cluster B, which no other suite writes to;
 * the third organisation (an outsider here) is its own.
 */
export function conversationSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let cluster: { clusterId: string; workingGroupId: string };
  let third: { organisationId: string; admin: Person };

  const FIRST = 'Witness 4 will talk to you on Thursday.';
  const ARABIC = 'الشاهد مستعد للحديث يوم الخميس.';

  const codeOf = (r: { errors?: ReadonlyArray<{ extensions?: { code?: string } }> }) =>
    r.errors?.[0]?.extensions?.code;
  const sorted = (ids: string[]) => [...ids].sort();

  describe('the conversation of a cluster', () => {
    beforeAll(async () => {
      ({ t, w } = ctx());
      cluster = { clusterId: w.clusterB, workingGroupId: w.wg2 };
      third = await memberOrganisation(t, 'Org D', w.wg2, w.coordinator2);
    });

    it('lets two parties exchange messages sealed on their devices, and open them', async () => {
      const sent = await say(t, w.investigatorB, cluster, { kind: 'text', text: FIRST });
      expect(sent.skipped).toEqual([]);
      const participants = sorted([
        w.adminB.id,
        w.investigatorB.id,
        w.adminB2.id,
        w.investigatorB2.id,
      ]);
      expect(sorted(sent.message.recipientUserIds.map(String))).toEqual(participants);
      expect(sent.message.read).toBe(true);

      const atB2 = await read(t, w.investigatorB2, cluster);
      expect(atB2[0]).toMatchObject({
        verified: true,
        sender: { userId: w.investigatorB.id, organisationId: w.orgB },
        body: { kind: 'text', text: FIRST },
        recipients: participants,
      });
      await say(t, w.adminB2, cluster, {
        kind: 'contact_card',
        name: 'Dana Roe',
        role: 'Lead analyst',
        channel: 'Signal',
      });
      await say(t, w.adminB2, cluster, { kind: 'text', text: ARABIC });
      expect(textsOf(await read(t, w.investigatorB, cluster))).toEqual([
        ARABIC,
        'card:Dana Roe',
        FIRST,
      ]);
      expect(textsOf(await read(t, w.adminB, cluster))).toEqual([ARABIC, 'card:Dana Roe', FIRST]);
    });

    it('is read by no one else: a third organisation, the coordinator, a donor, another tenant, the operator', async () => {
      const ds = t.app.get(DataSource);
      await ds.query(
        'INSERT INTO working_group_donor (working_group_id, organisation_id) VALUES ($1, $2)',
        [w.wg2, w.donor],
      );
      for (const p of [third.admin, w.donorViewer, w.adminA]) {
        // A donor account is refused outright (deny by default), the others as for no cluster.
        const refusal = p === w.donorViewer ? 'FORBIDDEN' : 'NOT_FOUND';
        expect(codeOf(await p.client.request(MESSAGES, { c: cluster.clusterId }))).toBe(refusal);
        expect(
          codeOf(await p.client.request(RECIPIENTS, { c: cluster.clusterId, a: 'parties' })),
        ).toBe(refusal);
      }
      // The coordinator sees the cluster, but holds no copy of the parties' conversation.
      const atCoordinator = await w.coordinator2.client.ok<{
        clusterMessages: { totalCount: number };
      }>(MESSAGES, {
        c: cluster.clusterId,
      });
      expect(atCoordinator.clusterMessages.totalCount).toBe(0);
      expect(await read(t, w.coordinator2, cluster)).toEqual([]);
      const coordinatorList = await w.coordinator2.client.request(RECIPIENTS, {
        c: cluster.clusterId,
        a: 'parties',
      });
      expect(codeOf(coordinatorList)).toBe('FORBIDDEN');

      // The operator hands every stored copy to the coordinator and the third organisation: none opens.
      const copies = await ds.query<
        Array<{
          message_id: string;
          recipient_user_id: string;
          sealed: Buffer;
          sender_user_id: string;
        }>
      >('SELECT message_id, recipient_user_id, sealed, sender_user_id FROM cluster_message_copy');
      expect(copies.length).toBeGreaterThan(0);
      const sender = await keysOf(t, w.investigatorB);
      for (const outsider of [w.coordinator2, third.admin]) {
        const keys = await keysOf(t, outsider);
        for (const c of copies.filter((k) => k.sender_user_id === w.investigatorB.id)) {
          await expect(
            openClusterMessage(new Uint8Array(c.sealed), {
              clusterId: cluster.clusterId,
              messageId: c.message_id,
              recipientUserId: outsider.id,
              recipientPrivateKey: keys.privateKey,
              sender: {
                userId: sender.userId,
                organisationId: w.orgB,
                encryptionPublicKey: sender.publicKey,
                signingPublicKey: new Uint8Array(32),
              },
            }),
          ).rejects.toThrow();
        }
      }
      // And the database holds no message text (the canary spec searches every table and the logs).
      const dump = await ds.query<Array<{ j: string }>>(
        `SELECT row_to_json(m)::text AS j FROM cluster_message m`,
      );
      expect(JSON.stringify(dump)).not.toContain('Witness');
    });

    it('delivers notes to the coordinators too, and lets them write notes', async () => {
      const input = await note(t, w.adminB, cluster, 'We propose that Org B leads.', 'proposal');
      expect(sorted(input.copies.map((c) => String(c.userId)))).toContain(w.coordinator2.id);
      await w.adminB.client.ok(SEND, { c: cluster.clusterId, m: input });
      const atCoordinator = await read(t, w.coordinator2, cluster);
      expect(atCoordinator).toHaveLength(1);
      expect(atCoordinator[0]).toMatchObject({
        verified: true,
        body: { kind: 'note', about: 'proposal' },
      });

      const reply = await note(t, w.coordinator2, cluster, 'Noted; decide by Friday.', 'comment');
      const sent = await w.coordinator2.client.ok<{ sendClusterMessage: { id: string } }>(SEND, {
        c: cluster.clusterId,
        m: reply,
      });
      expect(sent.sendClusterMessage.id).toBe(reply.messageId);
      expect(textsOf(await read(t, w.investigatorB2, cluster)).slice(0, 2)).toEqual([
        'Noted; decide by Friday.',
        'We propose that Org B leads.',
      ]);
    });

    it('refuses a bad message with its code and writes nothing', async () => {
      const prepare = async (
        p: Person,
        audience: 'parties' | 'parties_and_coordinators' = 'parties',
      ) =>
        (
          await prepareClusterMessage(hubRequest(p.client), await keysOf(t, p), {
            ...cluster,
            audience,
            body: { kind: 'text', text: 'refused' },
            pins: await pinsOf(t, p, w.wg2),
          })
        ).input;
      const good = await prepare(w.investigatorB);
      const junk = Buffer.alloc(200, 7).toString('base64');
      const refusals: Array<[string, Person, unknown, string]> = [
        [
          'a copy for a non-participant',
          w.investigatorB,
          { ...good, copies: [...good.copies, { userId: third.admin.id, sealed: junk }] },
          'MESSAGE_RECIPIENTS_INVALID',
        ],
        [
          'a copy of the conversation for a coordinator',
          w.investigatorB,
          { ...good, copies: [...good.copies, { userId: w.coordinator2.id, sealed: junk }] },
          'MESSAGE_RECIPIENTS_INVALID',
        ],
        [
          'two copies for one user',
          w.investigatorB,
          { ...good, copies: [...good.copies, good.copies[1]] },
          'MESSAGE_RECIPIENTS_INVALID',
        ],
        [
          'no copy for the sender',
          w.investigatorB,
          { ...good, copies: good.copies.filter((c) => c.userId !== w.investigatorB.id) },
          'MESSAGE_RECIPIENTS_INVALID',
        ],
        [
          'a copy that is not base64',
          w.investigatorB,
          { ...good, copies: good.copies.map((c) => ({ ...c, sealed: 'not*base64!' })) },
          'BAD_USER_INPUT',
        ],
        [
          'a copy too small to be one',
          w.investigatorB,
          { ...good, copies: good.copies.map((c) => ({ ...c, sealed: 'AAAA' })) },
          'BAD_USER_INPUT',
        ],
        [
          'a coordinator writing to the parties only',
          w.coordinator2,
          await prepare(w.coordinator2, 'parties_and_coordinators').then((m) => ({
            ...m,
            audience: 'parties',
          })),
          'FORBIDDEN',
        ],
        ['an organisation outside the cluster', third.admin, good, 'NOT_FOUND'],
        ['another tenant', w.adminA, good, 'NOT_FOUND'],
      ];
      for (const [why, p, m, code] of refusals) {
        const before = await messageFootprint(t);
        const r = await p.client.request(SEND, { c: cluster.clusterId, m });
        expect(codeOf(r), why).toBe(code);
        expect(await messageFootprint(t), why).toEqual(before);
      }
      // A message id is used once, whoever reuses it.
      await w.investigatorB.client.ok(SEND, { c: cluster.clusterId, m: good });
      const after = await messageFootprint(t);
      const again = await prepare(w.adminB2);
      for (const [p, m] of [
        [w.investigatorB, good],
        [w.adminB2, { ...again, messageId: good.messageId }],
      ] as const) {
        expect(codeOf(await p.client.request(SEND, { c: cluster.clusterId, m }))).toBe(
          'MESSAGE_ID_REUSED',
        );
        expect(await messageFootprint(t)).toEqual(after);
      }
    });
  });
}
