import { Badge } from '@mantine/core';
import { useIntl } from 'react-intl';
import { strengthLabel } from '../../notifications/utils/notification-text';

const STRENGTH_COLOR: Record<string, string> = {
  strong: 'red',
  probable: 'orange',
  possible: 'blue',
};

export function StrengthBadge({ strength }: { strength: string }) {
  const intl = useIntl();
  return (
    <Badge
      color={STRENGTH_COLOR[strength] ?? 'gray'}
      variant="light"
      tt="none"
      data-strength={strength}
    >
      {strengthLabel(intl, strength)}
    </Badge>
  );
}
