import {
  Anchor,
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import {
  CoordinatorPictureDocument,
  WorkingGroupDetailDocument,
  type CoordinatorPictureQuery,
} from '../../gql/graphql';
import { errorCode } from '../../graphql/errors';
import { useRetryOnReconnect } from '../../graphql/network-status';
import type { MessageId } from '../../i18n/messages';
import { usePageTitle } from '../../shell/usePageTitle';
import { BackIcon } from '../../ui/icons';
import { QueryStatus } from '../../ui/QueryStatus';
import { usePolling } from '../../ui/usePolling';
import { NotFoundPage } from '../NotFoundPage';
import { StrengthBadge } from '../overlaps/OverlapCard';

const REFRESH_MS = 10_000;

const AGEING_LABELS: Readonly<Record<string, MessageId>> = {
  under_7_days: 'dashboard.ageUnder7',
  '7_to_30_days': 'dashboard.age7to30',
  over_30_days: 'dashboard.ageOver30',
};

/**
 * Heat-map shades, lightest to darkest, with a text colour that keeps 4.5:1
 * contrast on each (the number is always written: colour is never the only cue).
 */
const SHADES: ReadonlyArray<{ background: string; color: string }> = [
  { background: 'var(--mantine-color-blue-1)', color: 'var(--mantine-color-black)' },
  { background: 'var(--mantine-color-blue-3)', color: 'var(--mantine-color-black)' },
  { background: 'var(--mantine-color-blue-8)', color: 'var(--mantine-color-white)' },
  { background: 'var(--mantine-color-blue-9)', color: 'var(--mantine-color-white)' },
];

export function shadeOf(value: number, max: number): (typeof SHADES)[number] | null {
  if (value <= 0 || max <= 0) return null;
  const index = Math.min(SHADES.length - 1, Math.ceil((value / max) * SHADES.length) - 1);
  return SHADES[index] ?? null;
}

/**
 * A coordinator's picture of duplicated effort in one working group:
 * clusters (one suspect tracked by several organisations), which pairs of
 * organisations overlap, and how long overlaps stay unresolved. Aggregates
 * only: never a case reference nor an identifier.
 */
export function DashboardPage() {
  usePageTitle('dashboard.title');
  const intl = useIntl();
  const { id = '' } = useParams();
  const [group] = useQuery({ query: WorkingGroupDetailDocument, variables: { id } });
  const [picture, reexecute] = useQuery({
    query: CoordinatorPictureDocument,
    variables: { workingGroupId: id },
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  usePolling(refresh, REFRESH_MS);

  if (!picture.data && errorCode(picture.error) === 'NOT_FOUND') return <NotFoundPage />;
  return (
    <Stack gap="lg" maw={1100} data-testid="dashboard-page">
      <Anchor component={Link} to={`/working-groups/${id}`} size="sm">
        <Group gap={4} wrap="nowrap">
          <BackIcon size={16} />
          <bdi>
            {group.data?.workingGroup.name ?? intl.formatMessage({ id: 'nav.workingGroups' })}
          </bdi>
        </Group>
      </Anchor>
      <Title order={1}>
        <FormattedMessage id="dashboard.title" />
      </Title>
      <Text>
        <FormattedMessage id="dashboard.intro" />
      </Text>
      <QueryStatus {...picture} onRetry={refresh}>
        {({ coordinatorPicture: p }) => <Picture picture={p} />}
      </QueryStatus>
    </Stack>
  );
}

type PictureData = CoordinatorPictureQuery['coordinatorPicture'];

function Picture({ picture }: { picture: PictureData }) {
  const intl = useIntl();
  const names = useMemo(
    () => new Map(picture.organisations.map((o) => [o.id, o.name])),
    [picture.organisations],
  );
  const cells = useMemo(() => {
    const map = new Map<string, number>();
    for (const c of picture.matrix) {
      map.set(`${c.a}/${c.b}`, c.overlaps);
      map.set(`${c.b}/${c.a}`, c.overlaps);
    }
    return map;
  }, [picture.matrix]);
  const max = Math.max(0, ...picture.matrix.map((c) => c.overlaps));
  const open = picture.ageing.reduce((sum, b) => sum + b.count, 0);
  const orgName = (orgId: string) =>
    names.get(orgId) ?? intl.formatMessage({ id: 'dashboard.formerMember' });

  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            <FormattedMessage id="dashboard.clusters" />
          </Text>
          <Text fz="xl" fw={700} data-testid="dashboard-cluster-count">
            {intl.formatNumber(picture.clusters.length)}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            <FormattedMessage id="dashboard.unresolved" />
          </Text>
          <Text fz="xl" fw={700}>
            {intl.formatNumber(open)}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            <FormattedMessage id="dashboard.organisations" />
          </Text>
          <Text fz="xl" fw={700}>
            {intl.formatNumber(picture.organisations.length)}
          </Text>
        </Paper>
      </SimpleGrid>

      <Stack gap="sm" component="section" aria-labelledby="clusters-title">
        <Title order={2} size="h3" id="clusters-title">
          <FormattedMessage id="dashboard.clustersTitle" />
        </Title>
        <Text size="sm">
          <FormattedMessage id="dashboard.clustersIntro" />
        </Text>
        {picture.clusters.length === 0 ? (
          <Text data-testid="dashboard-no-clusters">
            <FormattedMessage id="dashboard.noClusters" />
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">
                    <FormattedMessage id="dashboard.cluster" />
                  </Table.Th>
                  <Table.Th scope="col">
                    <FormattedMessage id="dashboard.organisations" />
                  </Table.Th>
                  <Table.Th scope="col">
                    <FormattedMessage id="dashboard.cases" />
                  </Table.Th>
                  <Table.Th scope="col">
                    <FormattedMessage id="dashboard.strongest" />
                  </Table.Th>
                  <Table.Th scope="col">
                    <FormattedMessage id="dashboard.unresolved" />
                  </Table.Th>
                  <Table.Th scope="col">
                    <FormattedMessage id="dashboard.oldest" />
                  </Table.Th>
                  <Table.Th scope="col">
                    <FormattedMessage id="dashboard.lead" />
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {picture.clusters.map((c) => (
                  <Table.Tr
                    key={c.index}
                    data-testid="dashboard-cluster"
                    data-organisations={c.organisationCount}
                  >
                    <Table.Td>{intl.formatNumber(c.index)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {intl.formatNumber(c.organisationCount)}
                      </Text>
                      <Text size="sm">
                        {intl.formatList(
                          c.organisationIds.map((o) => orgName(o)),
                          { type: 'unit' },
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td>{intl.formatNumber(c.caseCount)}</Table.Td>
                    <Table.Td>
                      <StrengthBadge strength={c.strongest} />
                    </Table.Td>
                    <Table.Td>{intl.formatNumber(c.unresolvedOverlaps)}</Table.Td>
                    <Table.Td>
                      {c.unresolvedOverlaps > 0 ? (
                        <FormattedMessage
                          id="dashboard.days"
                          values={{ count: c.oldestUnresolvedDays }}
                        />
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {c.leadStatus === 'none' ? (
                        <FormattedMessage id="dashboard.leadNone" />
                      ) : (
                        c.leadStatus
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="matrix-title">
        <Title order={2} size="h3" id="matrix-title">
          <FormattedMessage id="dashboard.matrixTitle" />
        </Title>
        <Text size="sm">
          <FormattedMessage id="dashboard.matrixIntro" />
        </Text>
        {picture.organisations.length < 2 ? (
          <Text>
            <FormattedMessage id="dashboard.matrixEmpty" />
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={200 + 120 * picture.organisations.length}>
            <Table withTableBorder withColumnBorders data-testid="overlap-matrix">
              <caption>
                <VisuallyHidden>
                  <FormattedMessage id="dashboard.matrixCaption" />
                </VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Td />
                  {picture.organisations.map((o) => (
                    <Table.Th key={o.id} scope="col">
                      <bdi>{o.name}</bdi>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {picture.organisations.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Th scope="row">
                      <bdi>{row.name}</bdi>
                      <Text size="xs" c="dimmed">
                        <FormattedMessage id="dashboard.caseCount" values={{ count: row.cases }} />
                      </Text>
                    </Table.Th>
                    {picture.organisations.map((col) => {
                      if (col.id === row.id) {
                        return (
                          <Table.Td key={col.id} ta="center" c="dimmed">
                            <span aria-hidden="true">—</span>
                            <VisuallyHidden>
                              <FormattedMessage id="dashboard.sameOrganisation" />
                            </VisuallyHidden>
                          </Table.Td>
                        );
                      }
                      const value = cells.get(`${row.id}/${col.id}`) ?? 0;
                      const shade = shadeOf(value, max);
                      return (
                        <Table.Td
                          key={col.id}
                          ta="center"
                          fw={value > 0 ? 700 : 400}
                          style={
                            shade
                              ? { backgroundColor: shade.background, color: shade.color }
                              : undefined
                          }
                          data-testid="matrix-cell"
                          data-a={row.id}
                          data-b={col.id}
                          data-row={row.name}
                          data-col={col.name}
                          data-value={value}
                        >
                          {intl.formatNumber(value)}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="ageing-title">
        <Title order={2} size="h3" id="ageing-title">
          <FormattedMessage id="dashboard.ageingTitle" />
        </Title>
        <Table maw={480} data-testid="ageing">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <FormattedMessage id="dashboard.age" />
              </Table.Th>
              <Table.Th scope="col">
                <FormattedMessage id="dashboard.unresolved" />
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {picture.ageing.map((b) => {
              const label = AGEING_LABELS[b.bucket];
              return (
                <Table.Tr key={b.bucket}>
                  <Table.Td>{label ? <FormattedMessage id={label} /> : b.bucket}</Table.Td>
                  <Table.Td>
                    {b.count > 0 && b.bucket === 'over_30_days' ? (
                      <Badge color="red" variant="light">
                        {intl.formatNumber(b.count)}
                      </Badge>
                    ) : (
                      intl.formatNumber(b.count)
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  );
}
