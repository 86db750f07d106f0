import { Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';

/** A labelled count; `data-value` holds the number for tests. */
export function Stat({
  label,
  value,
  testId,
}: {
  label: MessageId;
  value: number;
  testId: string;
}) {
  const intl = useIntl();
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        <FormattedMessage id={label} />
      </Text>
      <Text fz="xl" fw={700} data-testid={testId} data-value={value}>
        {intl.formatNumber(value)}
      </Text>
    </Stack>
  );
}
