import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { OverlapGroupsDocument } from '../../../gql/graphql';
import { useRetryOnReconnect } from '../../../graphql/network-status';
import { ListFooter } from '../../../ui/pagination/ListFooter';
import { useCursorList } from '../../../ui/pagination/useCursorList';
import { QueryStatus } from '../../../ui/QueryStatus';
import { usePolling } from '../../../ui/usePolling';
import type { OverlapFilterState } from '../hooks/useOverlapFilter';
import { OverlapGroupItem } from './OverlapGroupItem';

const PAGE = 25;

/**
 * Our cases that have overlaps matching the filters, newest overlap first,
 * with the exact numbers of overlaps and of cases and a way to the next page.
 * Refreshed every few seconds while only the first page is shown, so a new
 * overlap shows up by itself without losing the user's place further down.
 */
export function OverlapGroupList({
  filter,
  actingGroups,
}: {
  filter: OverlapFilterState;
  actingGroups: ReadonlySet<string>;
}) {
  const context = useMemo(() => ({ additionalTypenames: ['Overlap'] }), []);
  const list = useCursorList({
    query: OverlapGroupsDocument,
    variables: filter.variables,
    select: (data) => data.overlapGroups,
    pageSize: PAGE,
    context,
  });
  const overlapTotal = list.result.data?.overlapTotal.totalCount ?? null;
  useRetryOnReconnect(list.refresh);
  usePolling(list.refresh, undefined, list.nodes.length <= PAGE);

  return (
    <QueryStatus
      data={list.totalCount === null ? undefined : list.nodes}
      fetching={list.result.fetching}
      error={list.result.error}
      onRetry={list.refresh}
    >
      {(groups) => {
        if (groups.length === 0) {
          return (
            <Text data-testid="overlaps-empty">
              <FormattedMessage id={filter.active ? 'overlaps.noneMatching' : 'overlaps.none'} />
            </Text>
          );
        }
        return (
          <Stack gap="md" component="section" aria-live="polite">
            {overlapTotal !== null && (
              <Text
                fw={500}
                data-testid="overlaps-total"
                data-total={overlapTotal}
                data-cases={list.totalCount}
              >
                <FormattedMessage
                  id="overlaps.total"
                  values={{ overlaps: overlapTotal, cases: list.totalCount ?? 0 }}
                />
              </Text>
            )}
            {groups.map((g) => (
              <OverlapGroupItem
                key={g.myCase.id}
                group={g}
                filter={filter.variables}
                actingGroups={actingGroups}
                onChanged={list.refresh}
              />
            ))}
            <ListFooter
              shown={groups.length}
              total={list.totalCount}
              hasMore={list.hasMore}
              loadingMore={list.loadingMore}
              onMore={list.loadMore}
              data-testid="overlaps-footer"
            />
          </Stack>
        );
      }}
    </QueryStatus>
  );
}
