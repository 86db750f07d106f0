import { pinOf, type GroupPins } from '@parallax/identity';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64.js';
import { certifyOrgAdmin } from './certify.js';
import { sealNote, sendClusterMessage } from './cluster-messages.js';
import { listClusterMessages } from './cluster-messages-read.js';
import { fetchKeyDirectory, keyBundleOf } from './key-directory.js';
import type { HubRequest } from './request.js';
import { fakeKeyHub, type FakeUser } from './test/fake-key-hub.js';

const WG = 'wg-1';
const CLUSTER = 'c0000000-0000-4000-8000-000000000001';

interface Stored {
  id: string;
  clusterId: string;
  senderUserId: string;
  audience: string;
  createdAt: string;
  copies: Map<string, string>;
}

/**
 * The key hub plus a conversation: honest storage, and a recipients list a
 * test may rig (a malicious hub listing a coordinator or a stranger).
 */
async function world() {
  const keys = fakeKeyHub(WG);
  const C = keys.addUser({ id: 'coordinator', organisationId: 'secretariat', isCoordinator: true });
  const A = keys.addUser({ id: 'admin-a', organisationId: 'org-a', role: 'org_admin' });
  const B = keys.addUser({ id: 'admin-b', organisationId: 'org-b', role: 'org_admin' });
  const M = keys.addUser({ id: 'mallory', organisationId: 'org-b', role: 'investigator' });
  for (const u of [A, B]) {
    const entry = (await fetchKeyDirectory(keys.as(C.id), WG)).holders.find(
      (h) => h.userId === u.id,
    );
    if (!entry) throw new Error('missing');
    await certifyOrgAdmin(keys.as(C.id), { workingGroupId: WG, subject: entry, me: C.owner });
  }
  const coordinatorBundle = keyBundleOf(
    (await fetchKeyDirectory(keys.as(C.id), WG)).holders[0] ?? ({} as never),
  );
  if (!coordinatorBundle) throw new Error('no coordinator bundle');
  const pins: GroupPins = { coordinator: pinOf(coordinatorBundle, true) };
  const messages: Stored[] = [];
  let listed = (audience: string) =>
    [A, B, M, ...(audience === 'parties_and_coordinators' ? [C] : [])].map((u) => ({
      userId: u.id,
      organisationId: u.organisationId,
      isCoordinator: u.isCoordinator,
    }));
  const as =
    (u: FakeUser): HubRequest =>
    async <T>(query: string, v: Record<string, unknown> = {}): Promise<T> => {
      const name = /(?:query|mutation)\s+(\w+)/u.exec(query)?.[1];
      if (name === 'ClusterRecipients')
        return { clusterRecipients: listed(v['audience'] as string) } as T;
      if (name === 'SendClusterMessage') {
        const m = v['message'] as {
          messageId: string;
          audience: string;
          copies: Array<{ userId: string; sealed: string }>;
        };
        const stored: Stored = {
          id: m.messageId,
          clusterId: v['clusterId'] as string,
          senderUserId: u.id,
          audience: m.audience,
          createdAt: new Date(Date.now() + messages.length).toISOString(),
          copies: new Map(m.copies.map((c) => [c.userId, c.sealed])),
        };
        messages.push(stored);
        return {
          sendClusterMessage: { id: stored.id, recipientUserIds: [...stored.copies.keys()] },
        } as T;
      }
      if (name === 'ClusterMessages') {
        const nodes = messages
          .filter((m) => m.copies.has(u.id))
          .reverse()
          .map((m) => ({
            ...m,
            sealed: m.copies.get(u.id) ?? null,
            read: false,
            recipientUserIds: [...m.copies.keys()],
          }));
        return {
          clusterMessages: {
            nodes,
            totalCount: nodes.length,
            pageInfo: { endCursor: null, hasNextPage: false },
          },
        } as T;
      }
      return keys.as(u.id)<T>(query, v);
    };
  const scope = { clusterId: CLUSTER, workingGroupId: WG, pins };
  return {
    keys,
    C,
    A,
    B,
    M,
    as,
    scope,
    messages,
    rig: (f: typeof listed) => {
      listed = f;
    },
  };
}

const text = (t: string) => ({ kind: 'text', text: t }) as const;

describe('cluster messages on the device', () => {
  it('seals only to recipients whose certificates it verified (and the sender), and reports the rest', async () => {
    const w = await world();
    const { message, skipped } = await sendClusterMessage(w.as(w.A), w.A.owner, {
      ...w.scope,
      audience: 'parties',
      body: text('Our witness list matches yours.'),
    });
    expect(message.recipientUserIds).toEqual(['admin-a', 'admin-b']);
    expect(skipped).toEqual([{ userId: 'mallory', reason: 'uncertified' }]);

    const seen = await listClusterMessages(w.as(w.B), w.B.owner, w.scope);
    expect(seen.nodes).toHaveLength(1);
    expect(seen.nodes[0]).toMatchObject({
      verified: true,
      sender: { userId: 'admin-a', organisationId: 'org-a' },
      body: text('Our witness list matches yours.'),
      recipients: ['admin-a', 'admin-b'],
    });
    // The sender reads its own history.
    expect((await listClusterMessages(w.as(w.A), w.A.owner, w.scope)).nodes[0]).toMatchObject({
      verified: true,
    });
  });

  it('never seals the conversation to a coordinator, even when the hub lists one', async () => {
    const w = await world();
    w.rig(() =>
      [w.A, w.B, w.C].map((u) => ({
        userId: u.id,
        organisationId: u.organisationId,
        isCoordinator: false,
      })),
    );
    const { message, skipped } = await sendClusterMessage(w.as(w.A), w.A.owner, {
      ...w.scope,
      audience: 'parties',
      body: text('hi'),
    });
    expect(message.recipientUserIds).toEqual(['admin-a', 'admin-b']);
    expect(skipped).toEqual([{ userId: 'coordinator', reason: 'coordinator_for_parties' }]);
  });

  it('skips a recipient whose listed keys the hub swapped', async () => {
    const w = await world();
    const fake = fakeKeyHub(WG).addUser({ id: 'admin-b', organisationId: 'org-b' });
    w.B.listedEncryptionKey = fake.listedEncryptionKey;
    const { message, skipped } = await sendClusterMessage(w.as(w.A), w.A.owner, {
      ...w.scope,
      audience: 'parties',
      body: text('hi'),
    });
    expect(message.recipientUserIds).toEqual(['admin-a']);
    expect(skipped.map((s) => s.userId).sort()).toEqual(['admin-b', 'mallory']);
  });

  it('shows tampered copies and unverifiable senders as such, never dropping them', async () => {
    const w = await world();
    await sendClusterMessage(w.as(w.A), w.A.owner, {
      ...w.scope,
      audience: 'parties',
      body: text('first'),
    });
    // Mallory (no certificate) writes straight to the hub, sealed with her own keys.
    await sendClusterMessage(w.as(w.M), w.M.owner, {
      ...w.scope,
      audience: 'parties',
      body: text('trust me'),
    });
    const copy = w.messages[0]?.copies.get('admin-b') ?? '';
    const bytes = fromBase64(copy);
    bytes[60] = (bytes[60] ?? 0) ^ 1;
    w.messages[0]?.copies.set('admin-b', toBase64(bytes));
    const seen = await listClusterMessages(w.as(w.B), w.B.owner, w.scope);
    expect(seen.nodes.map((n) => ('problem' in n ? n.problem : 'ok'))).toEqual([
      'unverified',
      'undecryptable',
    ]);
    expect(seen.totalCount).toBe(2);
  });

  it('seals notes to the parties and the coordinators, who open them', async () => {
    const w = await world();
    const note = await sealNote(w.as(w.A), w.A.owner, {
      ...w.scope,
      text: 'We propose to lead.',
      about: 'proposal',
    });
    expect(note.audience).toBe('parties_and_coordinators');
    expect(note.copies.map((c) => c.userId).sort()).toEqual(['admin-a', 'admin-b', 'coordinator']);
    // Stored as the arrangement mutation would, then read by the coordinator.
    w.messages.push({
      id: String(note.messageId),
      clusterId: CLUSTER,
      senderUserId: 'admin-a',
      audience: note.audience,
      createdAt: new Date().toISOString(),
      copies: new Map(note.copies.map((c) => [String(c.userId), c.sealed])),
    });
    const seen = await listClusterMessages(w.as(w.C), w.C.owner, w.scope);
    expect(seen.nodes[0]).toMatchObject({
      verified: true,
      body: { kind: 'note', text: 'We propose to lead.', about: 'proposal' },
    });
  });
});
