import { Alert, Anchor, Stack } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { useClusterFilter } from '../hooks/useClusterFilter';
import { matchesClusterFilter } from '../utils/cluster-filter';
import { ClusterFilterChips } from './ClusterFilterChips';
import { ClustersTable } from './ClustersTable';
import type { CoordinatorPicture } from './types';

/** Where a coordinator sees the arrangements that wait on the coordinators. */
export const escalationsPath = (workingGroupId: string) =>
  `/coordination/${workingGroupId}/escalations`;

/**
 * The clusters of the picture under the filter kept in the URL, and a
 * pointer to the escalations when some arrangements wait on a coordinator.
 */
export function ClustersSection({
  picture,
  orgName,
}: {
  picture: CoordinatorPicture;
  orgName: (organisationId: string) => string;
}) {
  const [filter, setFilter] = useClusterFilter();
  const waiting = picture.clusters.filter((c) => matchesClusterFilter(c, 'escalated')).length;
  const shown = picture.clusters.filter((c) => matchesClusterFilter(c, filter));
  return (
    <Stack gap="sm">
      {waiting > 0 && (
        <Alert color="orange" variant="light" role="note" data-testid="dashboard-escalations">
          <FormattedMessage id="dashboard.escalationsWaiting" values={{ count: waiting }} />{' '}
          <Anchor component={Link} to={escalationsPath(picture.workingGroupId)}>
            <FormattedMessage id="dashboard.openEscalations" />
          </Anchor>
        </Alert>
      )}
      {picture.clusters.length > 0 && (
        <ClusterFilterChips clusters={picture.clusters} value={filter} onChange={setFilter} />
      )}
      <ClustersTable
        clusters={shown}
        orgName={orgName}
        empty={
          picture.clusters.length > 0 ? 'dashboard.noClustersFiltered' : 'dashboard.noClusters'
        }
      />
    </Stack>
  );
}
