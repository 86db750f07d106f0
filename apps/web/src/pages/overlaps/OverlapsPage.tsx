import { Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { useViewer } from '../../features/auth/hooks/session';
import { OverlapsDocument } from '../../gql/graphql';
import { fingerprintingGroups } from '../../features/group-keys/utils/eligibility';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { usePageTitle } from '../../shell/usePageTitle';
import { QueryStatus } from '../../ui/QueryStatus';
import { usePolling } from '../../ui/usePolling';
import { OverlapCard } from '../../features/overlaps/components/OverlapCard';

/**
 * The overlaps inbox: every case of ours that overlaps with another
 * organisation's, newest first, refreshed every few seconds while the tab is
 * visible so a new overlap shows up by itself. Retracted ones stay, greyed.
 */
export function OverlapsPage() {
  usePageTitle('nav.overlaps');
  const viewer = useViewer();
  const actingGroups = useMemo(() => new Set(fingerprintingGroups(viewer.actor)), [viewer]);
  const context = useMemo(() => ({ additionalTypenames: ['Overlap'] }), []);
  const [overlaps, reexecute] = useQuery({ query: OverlapsDocument, variables: {}, context });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  usePolling(refresh);

  return (
    <Stack gap="lg" maw={900} data-testid="overlaps-page">
      <Title order={1}>
        <FormattedMessage id="nav.overlaps" />
      </Title>
      <Text>
        <FormattedMessage id="overlaps.intro" />
      </Text>
      <QueryStatus {...overlaps} onRetry={refresh}>
        {({ overlaps: list }) => {
          if (list.length === 0) {
            return (
              <Text data-testid="overlaps-empty">
                <FormattedMessage id="overlaps.none" />
              </Text>
            );
          }
          // Open overlaps first, retracted ones after; newest first within each.
          const sorted = [...list].sort(
            (a, b) => Number(a.retractedAt !== null) - Number(b.retractedAt !== null),
          );
          return (
            <Stack gap="md" component="section" aria-live="polite">
              {sorted.map((overlap) => (
                <OverlapCard
                  key={overlap.id}
                  overlap={overlap}
                  mayAct={actingGroups.has(overlap.workingGroupId)}
                  onChanged={refresh}
                />
              ))}
            </Stack>
          );
        }}
      </QueryStatus>
    </Stack>
  );
}
