import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { useViewer } from '../../features/auth/hooks/session';
import { CaseListFilters } from '../../features/cases/components/CaseListFilters';
import { CasesTable } from '../../features/cases/components/CasesTable';
import { useCaseListParams } from '../../features/cases/hooks/useCaseListParams';
import { fingerprintingGroups } from '../../features/group-keys/utils/eligibility';
import { useWorkingGroups } from '../../features/working-groups/hooks/useWorkingGroups';
import { CasesDocument } from '../../gql/graphql';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { usePageTitle } from '../../shell/usePageTitle';
import { PlusIcon, UploadIcon } from '../../ui/icons';
import { ListFooter } from '../../ui/pagination/ListFooter';
import { useCursorList } from '../../ui/pagination/useCursorList';
import { QueryStatus } from '../../ui/QueryStatus';

/** The organisation's tracking cases: labels, tags and counts — never an identifier. */
export function CasesPage() {
  usePageTitle('nav.cases');
  const viewer = useViewer();
  const groups = useWorkingGroups();
  const filters = useCaseListParams();
  const context = useMemo(() => ({ additionalTypenames: ['TrackingCase'] }), []);
  const list = useCursorList({
    query: CasesDocument,
    variables: filters.variables,
    select: (data) => data.cases,
    context,
  });
  useRetryOnReconnect(list.refresh);
  const mayRegister = fingerprintingGroups(viewer.actor).length > 0;
  const filtered = Object.values(filters.variables).some((v) => v !== null);

  return (
    <Stack gap="lg" maw={1100} data-testid="cases-page">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>
          <FormattedMessage id="nav.cases" />
        </Title>
        {mayRegister && (
          <Group gap="sm">
            <Button component={Link} to="/cases/new" leftSection={<PlusIcon size={16} />}>
              <FormattedMessage id="cases.register" />
            </Button>
            <Button
              component={Link}
              to="/cases/import"
              variant="default"
              leftSection={<UploadIcon size={16} />}
            >
              <FormattedMessage id="cases.import" />
            </Button>
          </Group>
        )}
      </Group>
      <Text>
        <FormattedMessage id="cases.intro" />
      </Text>
      <CaseListFilters filters={filters} groupNames={groups.names} />
      <QueryStatus
        data={list.totalCount === null ? undefined : list.nodes}
        fetching={list.result.fetching}
        error={list.result.error}
        onRetry={list.refresh}
      >
        {(nodes) => (
          <Stack gap="sm">
            <CasesTable cases={nodes} groupNames={groups.names} filtered={filtered} />
            <ListFooter
              shown={nodes.length}
              total={list.totalCount}
              hasMore={list.hasMore}
              loadingMore={list.loadingMore}
              onMore={list.loadMore}
              data-testid="cases-footer"
            />
          </Stack>
        )}
      </QueryStatus>
    </Stack>
  );
}
