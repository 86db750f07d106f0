import { Button, Code, Table, Text } from '@mantine/core';
import { useCallback } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { AuditLogDocument, type AuditLogQuery } from '../../gql/graphql';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { QueryStatus } from '../../ui/QueryStatus';
import { formatDateTime } from '../../ui/format';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  organisationId: string | null;
  workingGroupId: string | null;
}

type Entry = AuditLogQuery['auditLog']['entries'][number];

/**
 * One page of entries (rows of a shared table body). The last page offers
 * "Load more", which appends the next page: older pages stay on screen.
 */
export function AuditEntries({
  filter,
  beforeSeq,
  isLast,
  onMore,
}: {
  filter: AuditFilter;
  beforeSeq: string | null;
  isLast: boolean;
  onMore: (beforeSeq: string) => void;
}) {
  const [page, reexecute] = useQuery({
    query: AuditLogDocument,
    variables: { ...filter, beforeSeq, limit: AUDIT_PAGE_SIZE },
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);

  return (
    <QueryStatus {...page} onRetry={refresh}>
      {({ auditLog }) => {
        const last = auditLog.entries.at(-1);
        return (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table data-testid="audit-entries" striped layout="fixed">
                {beforeSeq === null && <AuditHead />}
                <Table.Tbody>
                  {auditLog.entries.map((entry) => (
                    <AuditRow key={entry.seq} entry={entry} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {beforeSeq === null && auditLog.entries.length === 0 && (
              <Text c="dimmed" size="sm">
                <FormattedMessage id="audit.none" />
              </Text>
            )}
            {isLast && auditLog.hasMore && last && (
              <Button
                variant="default"
                onClick={() => onMore(last.seq)}
                style={{ alignSelf: 'center' }}
              >
                <FormattedMessage id="audit.loadMore" />
              </Button>
            )}
          </>
        );
      }}
    </QueryStatus>
  );
}

function AuditHead() {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>
          <FormattedMessage id="audit.seq" />
        </Table.Th>
        <Table.Th>
          <FormattedMessage id="audit.time" />
        </Table.Th>
        <Table.Th>
          <FormattedMessage id="audit.actionColumn" />
        </Table.Th>
        <Table.Th>
          <FormattedMessage id="audit.actor" />
        </Table.Th>
        <Table.Th>
          <FormattedMessage id="audit.subject" />
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

function AuditRow({ entry }: { entry: Entry }) {
  const intl = useIntl();
  return (
    <Table.Tr data-testid="audit-entry">
      <Table.Td>
        <Text size="sm" dir="ltr" ff="monospace">
          {entry.seq}
        </Text>
      </Table.Td>
      <Table.Td>{formatDateTime(intl, entry.occurredAt)}</Table.Td>
      <Table.Td>
        {/* Unknown (newer) actions fall back to their code. */}
        <FormattedMessage
          id="audit.action"
          values={{ action: entry.action.replace(/\./g, '_'), code: entry.action }}
        />
      </Table.Td>
      <Table.Td dir="auto">
        {entry.actorName ?? intl.formatMessage({ id: 'audit.system' })}
      </Table.Td>
      <Table.Td>
        {entry.subjectType && (
          <Code dir="ltr" title={entry.subjectId ?? undefined}>
            {entry.subjectType}
          </Code>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
