import { Stack, Text } from '@mantine/core';
import { useCallback, useMemo, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { OverlapListDocument } from '../../../gql/graphql';
import { useRetryOnReconnect } from '../../../graphql/network-status';
import { ListFooter } from '../../../ui/pagination/ListFooter';
import { useCursorList } from '../../../ui/pagination/useCursorList';
import { QueryStatus } from '../../../ui/QueryStatus';
import { usePolling } from '../../../ui/usePolling';
import type { OverlapFilterVariables } from '../hooks/useOverlapFilter';
import { OverlapCard } from './OverlapCard';

const PAGE = 20;
const NO_FILTER: OverlapFilterVariables = {
  strengths: null,
  verdicts: null,
  statuses: null,
  createdFrom: null,
  createdTo: null,
  search: null,
};

/**
 * One of our cases' overlaps, newest first, page by page with the exact
 * total: under a group of the overlaps page (with its filters) and on the
 * case's own page (kept fresh by polling, in one list per group of
 * strengths: see CaseOverlapGroups). `empty` replaces the "no overlaps"
 * text (null: show nothing), `header` heads a list that has overlaps.
 */
export function CaseOverlapList({
  caseId,
  filter = NO_FILTER,
  actingGroups,
  poll = false,
  onChanged,
  empty,
  header,
  testId = 'case-overlaps',
}: {
  caseId: string;
  filter?: OverlapFilterVariables;
  actingGroups: ReadonlySet<string>;
  poll?: boolean;
  onChanged?: () => void;
  empty?: ReactNode;
  header?: ReactNode;
  testId?: string;
}) {
  const context = useMemo(() => ({ additionalTypenames: ['Overlap'] }), []);
  const variables = useMemo(() => ({ ...filter, caseId }), [filter, caseId]);
  const list = useCursorList({
    query: OverlapListDocument,
    variables,
    select: (data) => data.overlaps,
    pageSize: PAGE,
    context,
  });
  const { refresh, nodes } = list;
  const changed = useCallback(() => {
    refresh();
    onChanged?.();
  }, [refresh, onChanged]);
  useRetryOnReconnect(refresh);
  // Only while the first page is all that is shown: a refresh starts again from it.
  usePolling(refresh, undefined, poll && nodes.length <= PAGE);

  return (
    <QueryStatus
      data={list.totalCount === null ? undefined : nodes}
      fetching={list.result.fetching}
      error={list.result.error}
      onRetry={refresh}
    >
      {(overlaps) =>
        overlaps.length === 0 ? (
          empty === undefined ? (
            <Text data-testid="case-no-overlaps">
              <FormattedMessage id="cases.noOverlaps" />
            </Text>
          ) : (
            empty
          )
        ) : (
          <Stack gap="md" data-testid={testId}>
            {header}
            {overlaps.map((o) => (
              <OverlapCard
                key={o.id}
                overlap={o}
                mayAct={actingGroups.has(o.workingGroupId)}
                onChanged={changed}
              />
            ))}
            <ListFooter
              shown={overlaps.length}
              total={list.totalCount}
              hasMore={list.hasMore}
              loadingMore={list.loadingMore}
              onMore={list.loadMore}
              data-testid="case-overlaps-footer"
            />
          </Stack>
        )
      }
    </QueryStatus>
  );
}
