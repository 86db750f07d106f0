import { Chip, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  CLUSTER_FILTERS,
  CLUSTER_FILTER_LABELS,
  clusterFilterOf,
  matchesClusterFilter,
  type ClusterFilter,
} from '../utils/cluster-filter';
import type { CoordinatorPicture } from './types';

/** One choice among the dashboard's cluster filters, each with how many clusters it keeps. */
export function ClusterFilterChips({
  clusters,
  value,
  onChange,
}: {
  clusters: CoordinatorPicture['clusters'];
  value: ClusterFilter;
  onChange: (next: ClusterFilter) => void;
}) {
  const intl = useIntl();
  const id = useId();
  return (
    <Stack gap={4} role="group" aria-labelledby={id} data-testid="dashboard-filter">
      <Text id={id} size="sm" fw={500}>
        <FormattedMessage id="dashboard.filterLabel" />
      </Text>
      <Chip.Group
        multiple={false}
        value={value}
        onChange={(next) => onChange(clusterFilterOf(next))}
      >
        <Group gap={6} wrap="wrap">
          {CLUSTER_FILTERS.map((f) => (
            <Chip key={f} value={f} size="sm" data-value={f}>
              <span>
                <FormattedMessage id={CLUSTER_FILTER_LABELS[f]} />
              </span>
              <Text span size="xs" fw={700} ms={6} data-testid="dashboard-filter-count">
                {intl.formatNumber(clusters.filter((c) => matchesClusterFilter(c, f)).length)}
              </Text>
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}
