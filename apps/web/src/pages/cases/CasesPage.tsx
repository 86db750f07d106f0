import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useViewer } from '../../features/auth/hooks/session';
import { CasesDocument } from '../../gql/graphql';
import { fingerprintingGroups } from '../../features/group-keys/utils/eligibility';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { usePageTitle } from '../../shell/usePageTitle';
import { PlusIcon, UploadIcon } from '../../ui/icons';
import { QueryStatus } from '../../ui/QueryStatus';
import { CasesTable } from '../../features/cases/components/CasesTable';
import { useWorkingGroups } from '../../features/working-groups/hooks/useWorkingGroups';

/** The organisation's tracking cases: labels, tags and counts — never an identifier. */
export function CasesPage() {
  usePageTitle('nav.cases');
  const intl = useIntl();
  const viewer = useViewer();
  const groups = useWorkingGroups();
  const [groupFilter, setGroupFilter] = useState('');
  const variables = useMemo(() => ({ workingGroupId: groupFilter || null }), [groupFilter]);
  const context = useMemo(() => ({ additionalTypenames: ['TrackingCase'] }), []);
  const [cases, reexecute] = useQuery({ query: CasesDocument, variables, context });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  const mayRegister = fingerprintingGroups(viewer.actor).length > 0;

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
      {groups.names.size > 1 && (
        <NativeSelect
          label={intl.formatMessage({ id: 'cases.filterGroup' })}
          value={groupFilter}
          onChange={(event) => setGroupFilter(event.currentTarget.value)}
          data={[
            { value: '', label: intl.formatMessage({ id: 'audit.all' }) },
            ...[...groups.names].map(([value, label]) => ({ value, label })),
          ]}
          maw={360}
        />
      )}
      <QueryStatus {...cases} onRetry={refresh}>
        {({ cases: list }) => <CasesTable cases={list} groupNames={groups.names} />}
      </QueryStatus>
    </Stack>
  );
}
