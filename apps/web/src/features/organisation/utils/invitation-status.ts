import type { OrganisationInvitationsQuery } from '../../../gql/graphql';
import type { MessageId } from '../../../i18n/messages';

export type Invitation = OrganisationInvitationsQuery['invitations'][number];

/** Where an invitation stands: used, revoked, expired or still pending. */
export function invitationStatus(invitation: Invitation): {
  id: MessageId;
  color: string;
  pending: boolean;
} {
  if (invitation.usedAt) return { id: 'invitations.used', color: 'teal', pending: false };
  if (invitation.revokedAt) return { id: 'invitations.revoked', color: 'gray', pending: false };
  if (new Date(invitation.expiresAt).getTime() <= Date.now()) {
    return { id: 'invitations.expired', color: 'gray', pending: false };
  }
  return { id: 'invitations.pending', color: 'blue', pending: true };
}
