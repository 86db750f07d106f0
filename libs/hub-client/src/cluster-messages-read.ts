import {
  ClusterMessageError,
  openClusterMessage,
  type ClusterMessageAudience,
  type ClusterMessageBody,
  type GroupTrust,
  type KeyBundle,
} from '@parallax/identity';
import { fromBase64 } from './base64.js';
import { trustOf, type ClusterScope } from './cluster-messages.js';
import { ClusterMessagesDocument } from './gql/graphql.js';
import type { KeyOwner } from './key-owner.js';
import { send } from './operation.js';
import type { HubRequest } from './request.js';

/**
 * Reading a cluster's conversation on the device: every copy is opened and
 * checked against keys whose certificate chain this device verified; a copy
 * that fails is listed with its problem, never dropped.
 */
export type OpenedClusterMessage =
  | {
      id: string;
      /** The cluster it was sent in: this one, or one merged into it since. */
      clusterId: string;
      createdAt: string;
      sentAt: string;
      audience: ClusterMessageAudience;
      sender: { userId: string; organisationId: string };
      recipients: string[];
      body: ClusterMessageBody;
      read: boolean;
      verified: true;
    }
  | {
      id: string;
      createdAt: string;
      senderUserId: string;
      read: boolean;
      problem: 'unverified' | 'undecryptable';
    };

export interface OpenedClusterMessagePage {
  nodes: OpenedClusterMessage[];
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

async function openOne(
  node: {
    id: string | number;
    senderUserId: string | number;
    audience: ClusterMessageAudience;
    createdAt: string;
    sealed?: string | null;
    read: boolean;
  },
  owner: KeyOwner,
  scope: ClusterScope,
  trust: GroupTrust,
  me: KeyBundle,
): Promise<OpenedClusterMessage> {
  const id = String(node.id);
  const senderUserId = String(node.senderUserId);
  const base = { id, createdAt: node.createdAt, senderUserId, read: node.read };
  const sender = senderUserId === owner.userId ? me : trust.trusted.get(senderUserId);
  if (!node.sealed) return { ...base, problem: 'undecryptable' };
  if (!sender) return { ...base, problem: 'unverified' };
  try {
    const { payload } = await openClusterMessage(fromBase64(node.sealed), {
      clusterId: scope.clusterId,
      messageId: id,
      recipientUserId: owner.userId,
      recipientPrivateKey: owner.privateKey,
      sender,
    });
    if (payload.audience !== node.audience) return { ...base, problem: 'unverified' };
    return {
      id,
      clusterId: payload.clusterId,
      createdAt: node.createdAt,
      sentAt: payload.sentAt,
      audience: payload.audience,
      sender: { userId: sender.userId, organisationId: sender.organisationId },
      recipients: payload.recipients,
      body: payload.body,
      read: node.read,
      verified: true,
    };
  } catch (e) {
    if (e instanceof ClusterMessageError) return { ...base, problem: e.problem };
    return { ...base, problem: 'undecryptable' };
  }
}

/** A page of the conversation (newest first), each copy opened and checked on this device. */
export async function listClusterMessages(
  request: HubRequest,
  owner: KeyOwner,
  scope: ClusterScope & { first?: number; after?: string | null },
): Promise<OpenedClusterMessagePage> {
  const [{ clusterMessages }, { trust, me }] = await Promise.all([
    send(request, ClusterMessagesDocument, {
      clusterId: scope.clusterId,
      first: scope.first ?? null,
      after: scope.after ?? null,
    }),
    trustOf(request, owner, scope),
  ]);
  const nodes = await Promise.all(
    clusterMessages.nodes.map((n) =>
      // A message keeps the id of the cluster it was sent in (merged clusters' messages are listed too).
      openOne(n, owner, { ...scope, clusterId: String(n.clusterId) }, trust, me),
    ),
  );
  return { nodes, totalCount: clusterMessages.totalCount, pageInfo: clusterMessages.pageInfo };
}
