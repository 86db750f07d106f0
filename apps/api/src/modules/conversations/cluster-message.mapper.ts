import { b64 } from '../../common/graphql/validators.js';
import type { MessageRow } from './conversations.repository.js';
import type { ClusterMessage } from './models/cluster-message.model.js';

export function toClusterMessage(r: MessageRow): ClusterMessage {
  return {
    id: r.id,
    clusterId: r.cluster_id,
    senderUserId: r.sender_user_id,
    senderOrganisationId: r.sender_organisation_id,
    audience: r.audience,
    createdAt: r.created_at,
    recipientUserIds: r.recipient_user_ids ?? [],
    sealed: r.sealed ? b64(r.sealed) : null,
    read: r.read_at !== null,
  };
}
