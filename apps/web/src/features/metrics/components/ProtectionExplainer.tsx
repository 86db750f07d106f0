import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { useMetricsFormat } from '../utils/format';

export interface ProtectionParameters {
  epsilonPerRelease: number;
  /** Absent where only a release's own method is known. */
  epsilonCapPerYear?: number;
  threshold: number;
  minOrganisations: number;
  rounding: number;
}

/** "How these numbers are protected", in plain words, with the parameters in force. */
export function ProtectionExplainer({ parameters }: { parameters: ProtectionParameters }) {
  const { number } = useMetricsFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="metrics-protection-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="metrics-protection-title">
          <FormattedMessage id="metrics.protection.title" />
        </Title>
        <Text size="sm">
          <FormattedMessage id="metrics.protection.intro" />
        </Text>
        <List size="sm" spacing={4} data-testid="metrics-protection">
          <List.Item>
            <FormattedMessage
              id="metrics.protection.noise"
              values={{ epsilon: number(parameters.epsilonPerRelease) }}
            />
          </List.Item>
          {parameters.epsilonCapPerYear !== undefined && (
            <List.Item>
              <FormattedMessage
                id="metrics.protection.budget"
                values={{ cap: number(parameters.epsilonCapPerYear) }}
              />
            </List.Item>
          )}
          <List.Item>
            <FormattedMessage
              id="metrics.protection.suppression"
              values={{
                threshold: number(parameters.threshold),
                organisations: number(parameters.minOrganisations),
              }}
            />
          </List.Item>
          <List.Item>
            <FormattedMessage id="metrics.protection.complementary" />
          </List.Item>
          <List.Item>
            <FormattedMessage
              id="metrics.protection.rounding"
              values={{ rounding: number(parameters.rounding) }}
            />
          </List.Item>
        </List>
      </Stack>
    </Paper>
  );
}
