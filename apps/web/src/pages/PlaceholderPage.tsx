import { Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../i18n/messages';
import { usePageTitle } from '../shell/usePageTitle';

/** Stands in for a section that a later issue delivers. */
export function PlaceholderPage({ title }: { title: MessageId }) {
  usePageTitle(title);
  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>
        <FormattedMessage id={title} />
      </Title>
      <Text>
        <FormattedMessage id="placeholder.body" />
      </Text>
    </Stack>
  );
}
