import { Button, Group, Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';

export interface ListFooterProps {
  shown: number;
  total: number | null;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  'data-testid'?: string;
}

/**
 * "Showing 50 of 1,234" and a button for the next page, under every list the
 * hub paginates: a list never stops without saying so.
 */
export function ListFooter({ shown, total, hasMore, loadingMore, onMore, ...rest }: ListFooterProps) {
  if (total === null) return null;
  const testId = rest['data-testid'] ?? 'list-footer';
  return (
    <Group justify="space-between" wrap="wrap" gap="sm" data-testid={testId}>
      <Text size="sm" c="dimmed" aria-live="polite" data-testid={`${testId}-count`} data-shown={shown} data-total={total}>
        <FormattedMessage id="list.shown" values={{ shown, total }} />
      </Text>
      {hasMore && (
        <Button variant="default" size="sm" onClick={onMore} loading={loadingMore} data-testid={`${testId}-more`}>
          <FormattedMessage id="list.more" />
        </Button>
      )}
    </Group>
  );
}
