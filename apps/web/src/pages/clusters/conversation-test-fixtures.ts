import { prepareClusterMessage, type HubRequest } from '@parallax/hub-client';
import { pinOf, type ClusterMessageBody } from '@parallax/identity';
import { browserPinStore } from '../../features/group-keys/utils/pin-store';
import type { Handler } from '../../test/fake-server';
import { keyedViewer } from '../../test/keys-fixture';
import { keyWorld, type WorldUser } from '../../test/key-world';

// A conversation hub for the cluster page's specs: real keys and real
// sealing (hub-client), stored and relayed as the API does — ciphertext only.

type Variables = Record<string, unknown>;

interface Stored {
  id: string;
  clusterId: string;
  senderUserId: string;
  senderOrganisationId: string;
  audience: string;
  createdAt: string;
  copies: Map<string, string>;
  readBy: Set<string>;
}

/**
 * The viewer (Amal, org-1 admin) and Bashir (org-2 admin), certified by the
 * group's coordinator, whom the viewer's device has pinned; Mallory (org-2)
 * is listed as a participant but certified by nobody.
 */
export async function conversationWorld(clusterId = 'cluster-1') {
  const world = keyWorld('group-1');
  const keyed = keyedViewer();
  const C = world.addUser({ id: 'coord-1', organisationId: 'org-9', isCoordinator: true });
  const A = world.addUser({
    id: 'user-1',
    displayName: 'Amal',
    organisationId: 'org-1',
    role: 'org_admin',
    keys: keyed,
  });
  const B = world.addUser({
    id: 'user-2',
    displayName: 'Bashir',
    organisationId: 'org-2',
    role: 'org_admin',
  });
  const M = world.addUser({
    id: 'user-3',
    displayName: 'Mallory',
    organisationId: 'org-2',
    role: 'investigator',
  });
  world.certify('org_admin', A, C);
  world.certify('org_admin', B, C);
  await browserPinStore().save(A.id, 'group-1', { [C.id]: pinOf(world.bundle(C), true) });

  const messages: Stored[] = [];
  const participants = [A, B, M];

  function answer(u: WorldUser, name: string, v: Variables): unknown {
    switch (name) {
      case 'ClusterRecipients':
        return {
          clusterRecipients: participants.map((p) => ({
            __typename: 'ClusterRecipient',
            userId: p.id,
            organisationId: p.organisationId,
            isCoordinator: false,
          })),
        };
      case 'SendClusterMessage': {
        const m = v['message'] as {
          messageId: string;
          audience: string;
          copies: Array<{ userId: string; sealed: string }>;
        };
        const stored: Stored = {
          id: m.messageId,
          clusterId: v['clusterId'] as string,
          senderUserId: u.id,
          senderOrganisationId: u.organisationId,
          audience: m.audience,
          createdAt: new Date(Date.UTC(2025, 2, 10, 9, messages.length)).toISOString(),
          copies: new Map(m.copies.map((c) => [c.userId, c.sealed])),
          readBy: new Set([u.id]),
        };
        messages.push(stored);
        return { sendClusterMessage: node(stored, u.id) };
      }
      case 'ClusterMessagesHead':
      case 'ClusterMessages': {
        const nodes = messages
          .filter((m) => m.copies.has(u.id) || m.senderUserId === u.id)
          .reverse()
          .map((m) => node(m, u.id));
        return {
          clusterMessages: {
            __typename: 'ClusterMessagePage',
            nodes,
            totalCount: nodes.length,
            pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          },
        };
      }
      case 'MarkClusterMessagesRead': {
        let n = 0;
        for (const m of messages) {
          if (m.readBy.has(u.id)) continue;
          m.readBy.add(u.id);
          n += 1;
        }
        return { markClusterMessagesRead: n };
      }
      default:
        return undefined;
    }
  }

  const node = (m: Stored, viewerId: string) => ({
    __typename: 'ClusterMessage',
    id: m.id,
    clusterId: m.clusterId,
    senderUserId: m.senderUserId,
    senderOrganisationId: m.senderOrganisationId,
    audience: m.audience,
    createdAt: m.createdAt,
    recipientUserIds: [...m.copies.keys()],
    sealed: m.copies.get(viewerId) ?? null,
    read: m.readBy.has(viewerId),
  });

  const OPERATIONS = [
    'ClusterRecipients',
    'SendClusterMessage',
    'ClusterMessages',
    'ClusterMessagesHead',
    'MarkClusterMessagesRead',
  ];

  /** hub-client's request as `u` (another party's device, without a browser). */
  const request =
    (u: WorldUser): HubRequest =>
    <T>(query: string, variables: Variables = {}): Promise<T> => {
      const name = /^\s*(?:query|mutation)\s+(\w+)/u.exec(query)?.[1] ?? '';
      const own = OPERATIONS.includes(name) ? answer(u, name, variables) : undefined;
      return own !== undefined
        ? Promise.resolve(own as T)
        : world.request(u.id)<T>(query, variables);
    };

  /** `u` sends `body` from their own device: sealed to those it trusts. */
  async function sendAs(u: WorldUser, body: ClusterMessageBody): Promise<void> {
    const owner = {
      userId: u.id,
      privateKey: u.privateKey,
      signingPrivateKey: u.signingPrivateKey,
    };
    const pins = { [C.id]: pinOf(world.bundle(C), true) };
    const { input } = await prepareClusterMessage(request(u), owner, {
      clusterId,
      workingGroupId: 'group-1',
      pins,
      audience: 'parties',
      body,
    });
    answer(u, 'SendClusterMessage', { clusterId, message: input });
  }

  /** Fake-server handlers answering as the hub does to the viewer. */
  const handlers: Record<string, Handler> = {
    ...world.handlers(A.id),
    ...Object.fromEntries(
      OPERATIONS.map((name) => [name, (v: Variables) => ({ data: answer(A, name, v) })]),
    ),
  };

  return { world, keyed, viewer: world.viewerOf(A), A, B, C, M, messages, sendAs, handlers };
}
