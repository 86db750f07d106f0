import { Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { useViewer } from '../../features/auth/hooks/session';
import { fingerprintingGroups } from '../../features/group-keys/utils/eligibility';
import { OverlapFilters } from '../../features/overlaps/components/OverlapFilters';
import { OverlapGroupList } from '../../features/overlaps/components/OverlapGroupList';
import { useOverlapFilter } from '../../features/overlaps/hooks/useOverlapFilter';
import { usePageTitle } from '../../shell/usePageTitle';

/**
 * The overlaps inbox at any size: our cases that overlap another
 * organisation's, grouped by case and marked when they form a cluster,
 * filtered (kept in the URL) and read page by page with exact totals.
 */
export function OverlapsPage() {
  usePageTitle('nav.overlaps');
  const viewer = useViewer();
  const actingGroups = useMemo(() => new Set(fingerprintingGroups(viewer.actor)), [viewer]);
  const filter = useOverlapFilter();

  return (
    <Stack gap="lg" maw={900} data-testid="overlaps-page">
      <Title order={1}>
        <FormattedMessage id="nav.overlaps" />
      </Title>
      <Text>
        <FormattedMessage id="overlaps.intro" />
      </Text>
      <OverlapFilters filter={filter} />
      <OverlapGroupList filter={filter} actingGroups={actingGroups} />
    </Stack>
  );
}
