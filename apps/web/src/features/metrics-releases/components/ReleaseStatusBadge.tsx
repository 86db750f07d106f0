import { Badge } from '@mantine/core';
import { FormattedMessage } from 'react-intl';

const COLORS: Readonly<Record<string, string>> = {
  draft: 'blue',
  published: 'teal',
  withheld: 'gray',
};

/** Where a release stands, in words (colour only repeats them). */
export function ReleaseStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" data-testid="metrics-release-status">
      <FormattedMessage id="metricsReleases.status" values={{ status }} />
    </Badge>
  );
}
