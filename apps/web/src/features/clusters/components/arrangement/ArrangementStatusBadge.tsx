import { Badge } from '@mantine/core';
import { useIntl } from 'react-intl';
import { arrangementStatusLabel } from '../../utils/cluster-labels';

const COLORS: Readonly<Record<string, string>> = {
  open: 'gray',
  proposed: 'blue',
  agreed: 'teal',
  escalated: 'orange',
  decided: 'green',
  reopen_requested: 'yellow',
  merged: 'gray',
};

/** Where the arrangement stands, in words (colour only repeats them). */
export function ArrangementStatusBadge({ status }: { status: string }) {
  const intl = useIntl();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" data-testid="arrangement-status">
      {arrangementStatusLabel(intl, status)}
    </Badge>
  );
}
