import { ClusterMessagesHeadDocument } from './gql/graphql.js';
import { send } from './operation.js';
import type { HubRequest } from './request.js';

/**
 * A cheap fingerprint of a conversation's state (how many messages, the
 * newest one and whether it was read): pollers compare it with the last one
 * and reload the whole conversation only when it moved. On a slow line this
 * keeps a poll to a few hundred bytes instead of the key directory and every
 * sealed copy.
 */
export async function clusterMessagesHead(request: HubRequest, clusterId: string): Promise<string> {
  const { clusterMessages } = await send(request, ClusterMessagesHeadDocument, { clusterId });
  const newest = clusterMessages.nodes[0];
  return `${clusterMessages.totalCount}:${newest?.id ?? ''}:${newest?.read ? 1 : 0}`;
}
