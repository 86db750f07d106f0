import { Paper, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MaskedSample } from '../../fingerprinting/utils/protocol';
import { targetLabel } from '../utils/target-label';

/** The first records as read, masked, to check the columns. */
export function MaskedSamples({ samples }: { samples: readonly MaskedSample[] }) {
  const intl = useIntl();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        <FormattedMessage id="import.samplesTitle" />
      </Title>
      <Text size="sm">
        <FormattedMessage id="import.samplesIntro" />
      </Text>
      {samples.map((sample, i) => (
        <Paper key={i} withBorder p="xs" data-testid="import-sample">
          <Stack gap={2}>
            {sample.fields.map((f) => (
              <Text key={f.property} size="sm">
                <Text span fw={600}>
                  {targetLabel(intl, f.property)}
                </Text>
                {': '}
                <bdi>{f.values.join(' · ')}</bdi>
              </Text>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
