import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { FormattedMessage } from 'react-intl';

/** Placeholder shapes while a page or its data loads; announced as "Loading…". */
export function PageSkeleton() {
  return (
    <Stack gap="md" role="status" aria-busy="true" data-testid="page-skeleton">
      <VisuallyHidden>
        <FormattedMessage id="app.loading" />
      </VisuallyHidden>
      <Skeleton height={32} width="45%" radius="sm" />
      <Skeleton height={14} radius="sm" />
      <Skeleton height={14} radius="sm" />
      <Skeleton height={14} width="70%" radius="sm" />
    </Stack>
  );
}
