import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { CasesQuery } from '../../../gql/graphql';
import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/format';
import { statusLabel, tagsText } from '../utils/labels';

type CaseRow = CasesQuery['cases']['nodes'][number];

function CaseStatus({ kase: c }: { kase: CaseRow }) {
  const intl = useIntl();
  return (
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
      {c.frozenAt && !c.withdrawnAt && (
        <Badge color="gray" variant="outline" tt="none" data-testid="case-frozen">
          <FormattedMessage id="cases.frozenBadge" />
        </Badge>
      )}
    </Group>
  );
}

/** The organisation's cases: labels, tags and counts — never an identifier. */
export function CasesTable({
  cases,
  groupNames,
  filtered = false,
}: {
  cases: readonly CaseRow[];
  groupNames: ReadonlyMap<string, string>;
  /** Whether a search or filter is on: "no case matches" rather than "no cases yet". */
  filtered?: boolean;
}) {
  const intl = useIntl();
  const columns = useMemo<Column<CaseRow>[]>(
    () => [
      {
        key: 'reference',
        header: 'cases.reference',
        cell: (c) => (
          <Anchor component={Link} to={`/cases/${c.id}`} dir="auto">
            {c.reference}
          </Anchor>
        ),
      },
      {
        key: 'workingGroup',
        header: 'cases.workingGroup',
        cell: (c) => <bdi>{groupNames.get(c.workingGroupId) ?? '—'}</bdi>,
      },
      { key: 'status', header: 'cases.status', cell: (c) => <CaseStatus kase={c} /> },
      {
        key: 'tags',
        header: 'cases.tags',
        cell: (c) => <Text size="sm">{tagsText(intl, c.situationTags, c.crimeTags)}</Text>,
      },
      {
        key: 'fingerprints',
        header: 'cases.fingerprints',
        cell: (c) => intl.formatNumber(c.fingerprintCount),
      },
      {
        key: 'registeredAt',
        header: 'cases.registeredAt',
        cell: (c) => formatDateTime(intl, c.createdAt),
      },
    ],
    [intl, groupNames],
  );
  if (cases.length === 0) {
    return (
      <Text data-testid="cases-empty">
        <FormattedMessage id={filtered ? 'cases.noneMatching' : 'cases.none'} />
      </Text>
    );
  }
  return (
    <DataTable
      columns={columns}
      rows={cases}
      rowKey={(c) => c.id}
      rowTestId={() => 'case-row'}
      minWidth={760}
    />
  );
}
