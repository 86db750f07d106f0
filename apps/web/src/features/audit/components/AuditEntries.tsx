import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/format';
import { ListFooter } from '../../../ui/pagination/ListFooter';
import { QueryStatus } from '../../../ui/QueryStatus';
import type { AuditEntry, useAuditLog } from '../hooks/useAuditLog';
import { actionLabel, subjectTypeLabel } from '../utils/labels';

const REDACTED = '[redacted]';

/** One recorded value, short: ids and tokens as they are, lists by count past a few. */
function shown(value: unknown, redacted: string): string {
  if (value === REDACTED) return redacted;
  if (Array.isArray(value)) {
    return value.length > 3 ? `[${value.length}]` : `[${value.map((v) => shown(v, redacted)).join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** What changed: field names and the non-identifying values the hub keeps (withheld ones say so). */
function ChangeCell({ change }: { change: unknown }) {
  const intl = useIntl();
  if (change === null || typeof change !== 'object' || Array.isArray(change)) return null;
  const redacted = intl.formatMessage({ id: 'audit.redacted' });
  const fields = Object.entries(change as Record<string, unknown>);
  if (fields.length === 0) return null;
  return (
    <Text size="xs" dir="ltr" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="audit-change">
      {fields.map(([field, value]) => `${field}: ${shown(value, redacted)}`).join(' · ')}
    </Text>
  );
}

function useAuditColumns(): Column<AuditEntry>[] {
  const intl = useIntl();
  return useMemo(
    () => [
      {
        key: 'seq',
        header: 'audit.seq',
        cell: (entry) => (
          <Text size="sm" dir="ltr" ff="monospace">
            {entry.seq}
          </Text>
        ),
      },
      {
        key: 'time',
        header: 'audit.time',
        cell: (entry) => formatDateTime(intl, entry.occurredAt),
      },
      {
        key: 'action',
        header: 'audit.actionColumn',
        // Unknown (newer) actions fall back to their code.
        cell: (entry) => actionLabel(intl, entry.action),
      },
      {
        key: 'actor',
        header: 'audit.actor',
        cell: (entry) => <bdi>{entry.actorName ?? intl.formatMessage({ id: 'audit.system' })}</bdi>,
      },
      {
        key: 'subject',
        header: 'audit.subject',
        cell: (entry) =>
          entry.subjectType && (
            <Text size="sm" title={entry.subjectId ?? undefined} data-testid="audit-subject">
              {subjectTypeLabel(intl, entry.subjectType)}
            </Text>
          ),
      },
      {
        key: 'change',
        header: 'audit.change',
        cell: (entry) => <ChangeCell change={entry.change} />,
      },
    ],
    [intl],
  );
}

/** The loaded audit entries as one table, the current page's status, and "Load more". */
export function AuditEntries({ log }: { log: ReturnType<typeof useAuditLog> }) {
  const columns = useAuditColumns();
  return (
    <Stack gap="sm">
      {log.loaded && (
        <DataTable
          columns={columns}
          rows={log.entries}
          rowKey={(entry) => entry.seq}
          rowTestId={() => 'audit-entry'}
          minWidth={820}
          data-testid="audit-entries"
        />
      )}
      <QueryStatus
        data={log.current}
        fetching={log.page.fetching}
        error={log.page.error}
        onRetry={log.refresh}
      >
        {() => (
          <>
            {log.empty && (
              <Text c="dimmed" size="sm">
                <FormattedMessage id="audit.none" />
              </Text>
            )}
            <ListFooter
              shown={log.entries.length}
              total={log.totalCount}
              hasMore={log.loadMore !== null}
              loadingMore={log.loadingMore}
              onMore={() => log.loadMore?.()}
              data-testid="audit-footer"
            />
          </>
        )}
      </QueryStatus>
    </Stack>
  );
}
