import type { OverlapFieldsFragment } from '../../../gql/graphql';
import type { MessageId } from '../../../i18n/messages';

/** The sentence describing where the contact request between both sides stands. */
export function contactLine(overlap: OverlapFieldsFragment): MessageId | null {
  switch (overlap.contactStatus) {
    case 'requested':
      return overlap.contactRequestedByMe
        ? 'overlap.contactRequestedByUs'
        : 'overlap.contactRequestedByThem';
    case 'accepted':
      return 'overlap.contactAccepted';
    case 'declined':
      return overlap.contactRequestedByMe
        ? 'overlap.contactDeclinedByThem'
        : 'overlap.contactDeclinedByUs';
    default:
      return null;
  }
}
