import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useViewer } from '../../auth/session';
import { CasesDocument } from '../../gql/graphql';
import { fingerprintingGroups } from '../../group-keys/eligibility';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { usePageTitle } from '../../shell/usePageTitle';
import { formatDateTime } from '../../ui/format';
import { PlusIcon, UploadIcon } from '../../ui/icons';
import { QueryStatus } from '../../ui/QueryStatus';
import { statusLabel, tagsText } from './labels';
import { useWorkingGroups } from './use-working-groups';

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
        {({ cases: list }) =>
          list.length === 0 ? (
            <Text data-testid="cases-empty">
              <FormattedMessage id="cases.none" />
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      <FormattedMessage id="cases.reference" />
                    </Table.Th>
                    <Table.Th>
                      <FormattedMessage id="cases.workingGroup" />
                    </Table.Th>
                    <Table.Th>
                      <FormattedMessage id="cases.status" />
                    </Table.Th>
                    <Table.Th>
                      <FormattedMessage id="cases.tags" />
                    </Table.Th>
                    <Table.Th>
                      <FormattedMessage id="cases.fingerprints" />
                    </Table.Th>
                    <Table.Th>
                      <FormattedMessage id="cases.registeredAt" />
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((c) => (
                    <Table.Tr key={c.id} data-testid="case-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/cases/${c.id}`} dir="auto">
                          {c.reference}
                        </Anchor>
                      </Table.Td>
                      <Table.Td dir="auto">{groups.names.get(c.workingGroupId) ?? '—'}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {c.withdrawnAt ? (
                            <Badge color="gray" variant="light" tt="none">
                              <FormattedMessage id="cases.withdrawn" />
                            </Badge>
                          ) : (
                            <Text size="sm">{statusLabel(intl, c.status)}</Text>
                          )}
                          {c.needsRefingerprint && !c.withdrawnAt && (
                            <Badge color="orange" variant="light" tt="none">
                              <FormattedMessage id="cases.needsRefingerprintBadge" />
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{tagsText(intl, c.situationTags, c.crimeTags)}</Text>
                      </Table.Td>
                      <Table.Td>{intl.formatNumber(c.fingerprintCount)}</Table.Td>
                      <Table.Td>{formatDateTime(intl, c.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryStatus>
    </Stack>
  );
}
