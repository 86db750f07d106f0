import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { escalationViews, type EscalatedCluster } from '../utils/escalation-view';
import { EscalationCard } from './EscalationCard';

/** The escalated and reopen-requested arrangements of a group, longest waiting first. */
export function EscalationsList({ clusters }: { clusters: readonly EscalatedCluster[] }) {
  const views = useMemo(() => escalationViews(clusters), [clusters]);
  if (views.length === 0) {
    return (
      <Text data-testid="escalations-none">
        <FormattedMessage id="escalations.none" />
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="escalations">
      {views.map((v) => (
        <EscalationCard key={v.cluster.id} view={v} />
      ))}
    </Stack>
  );
}
