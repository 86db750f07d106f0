import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { OverlapGroupsQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../../ui/format';
import type { OverlapFilterVariables } from '../hooks/useOverlapFilter';
import { CaseOverlapList } from './CaseOverlapList';

export type OverlapGroupNode = OverlapGroupsQuery['overlapGroups']['nodes'][number];

/**
 * One of our cases with overlaps: how many and how strong, how many wait for
 * our answer, and — when other cases of ours overlap the same case of
 * another organisation — the cluster they form (maybe one person registered
 * twice). Expanding it lists the case's overlaps with their actions.
 */
export function OverlapGroupItem({
  group,
  filter,
  actingGroups,
  onChanged,
}: {
  group: OverlapGroupNode;
  filter: OverlapFilterVariables;
  actingGroups: ReadonlySet<string>;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const { strong, probable, possible } = group.byStrength;
  return (
    <Paper withBorder p="md" data-testid="overlap-group" data-case-id={group.myCase.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/cases/${group.myCase.id}`} fw={600}>
              <bdi>{group.myCase.reference}</bdi>
            </Anchor>
            {group.clusterNumber !== null && group.clusterNumber !== undefined && (
              <Badge
                color="grape"
                variant="light"
                tt="none"
                data-testid="overlap-group-cluster"
                data-cluster={group.clusterKey}
              >
                <FormattedMessage
                  id="overlaps.cluster.badge"
                  values={{ number: group.clusterNumber, size: group.clusterSize }}
                />
              </Badge>
            )}
            {group.needsAnswer > 0 && (
              <Badge color="orange" variant="light" tt="none" data-testid="overlap-group-pending">
                <FormattedMessage
                  id="overlaps.group.needsAnswer"
                  values={{ count: group.needsAnswer }}
                />
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="overlaps.group.newest"
              values={{ date: formatDateTime(intl, group.newestAt) }}
            />
          </Text>
        </Group>
        <Text size="sm" data-testid="overlap-group-counts">
          <FormattedMessage
            id="overlaps.group.counts"
            values={{ total: group.total, strong, probable, possible }}
          />
        </Text>
        {group.clusterNumber !== null && group.clusterNumber !== undefined && (
          <Text size="sm" c="dimmed" data-testid="overlap-group-cluster-hint">
            <FormattedMessage
              id="overlaps.cluster.hint"
              values={{ others: group.clusterSize - 1 }}
            />
          </Text>
        )}
        <Group>
          <Button
            variant="default"
            size="compact-sm"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((o) => !o)}
            data-testid="overlap-group-toggle"
          >
            <FormattedMessage
              id={open ? 'overlaps.group.hide' : 'overlaps.group.show'}
              values={{ total: group.total }}
            />
          </Button>
        </Group>
        {open && (
          <Stack id={panelId} gap="md" ps={{ base: 0, sm: 'md' }} pt="xs">
            <CaseOverlapList
              caseId={group.myCase.id}
              filter={filter}
              actingGroups={actingGroups}
              poll
              onChanged={onChanged}
            />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
