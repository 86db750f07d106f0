import { Badge } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';

export type BadgeStatus = 'verified' | 'unverified' | 'changed' | 'noKey' | 'pinned' | 'unseen';

const LOOK: Record<BadgeStatus, { color: string; label: MessageId }> = {
  verified: { color: 'teal', label: 'verify.status.verified' },
  unverified: { color: 'gray', label: 'verify.status.unverified' },
  changed: { color: 'red', label: 'verify.status.changed' },
  noKey: { color: 'gray', label: 'verify.status.noKey' },
  pinned: { color: 'blue', label: 'verify.status.pinned' },
  unseen: { color: 'gray', label: 'verify.status.unseen' },
};

export function VerificationBadge({ status }: { status: BadgeStatus }) {
  const { color, label } = LOOK[status];
  return (
    <Badge
      variant="light"
      color={color}
      tt="none"
      data-testid="verification-status"
      data-status={status}
    >
      <FormattedMessage id={label} />
    </Badge>
  );
}
