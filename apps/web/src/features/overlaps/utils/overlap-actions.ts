import type { OverlapFieldsFragment } from '../../../gql/graphql';

type OverlapAction =
  'confirm' | 'markFalseMatch' | 'requestContact' | 'acceptContact' | 'declineContact';

type OverlapState = Pick<
  OverlapFieldsFragment,
  'retractedAt' | 'myVerdict' | 'contactStatus' | 'contactRequestedByMe'
>;

/**
 * What the viewer may do about an overlap in its current state. Nothing on a
 * retracted overlap, nor for people who do not act on overlaps (viewers,
 * coordinators outside the organisation). A verdict is given once. Contact
 * is requested by either side; the other side answers. After the other side
 * declined our request we do not ask again; after we declined theirs we may
 * still ask ourselves.
 */
export function overlapActions(overlap: OverlapState, mayAct: boolean): OverlapAction[] {
  if (!mayAct || overlap.retractedAt) return [];
  const actions: OverlapAction[] = [];
  if (overlap.myVerdict === null) actions.push('confirm', 'markFalseMatch');
  const { contactStatus, contactRequestedByMe } = overlap;
  if (contactStatus === 'requested' && !contactRequestedByMe) {
    actions.push('acceptContact', 'declineContact');
  }
  const mayAsk =
    contactStatus === 'none' || (contactStatus === 'declined' && !contactRequestedByMe);
  if (mayAsk && overlap.myVerdict !== 'false_match') actions.push('requestContact');
  return actions;
}
