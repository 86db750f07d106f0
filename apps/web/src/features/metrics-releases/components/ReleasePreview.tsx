import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { MetricsChart } from '../../metrics/components/MetricsChart';
import { ProtectionExplainer } from '../../metrics/components/ProtectionExplainer';
import { SuppressionLegend } from '../../metrics/components/SuppressionLegend';
import { ACTIVITY_SERIES, OUTCOME_SERIES } from '../../metrics/utils/cells';
import { useBudgetNumbers } from '../hooks/useBudgetNumbers';
import { cellKeyLabel } from '../utils/cell-labels';
import type { Decision } from '../utils/release-flow';
import { ReleaseCellsTable } from './ReleaseCellsTable';
import { ReleaseStatusBadge } from './ReleaseStatusBadge';
import type { ReleaseView } from './types';

/**
 * One release as donors would see it: the donors' charts over the published
 * months with this one in its place, every cell as exported, and how the
 * numbers are protected. A draft can be published or withheld here, each
 * after a dialog saying what donors will see.
 */
export function ReleasePreview({
  release,
  published,
  busy,
  onDecide,
}: {
  release: ReleaseView;
  /** The group's published releases (the months donors see already). */
  published: readonly ReleaseView[];
  busy: boolean;
  onDecide: (decision: Decision) => void;
}) {
  const intl = useIntl();
  const titleId = useId();
  const { month } = useBudgetNumbers();
  const period = month(release.period);
  const charted = [...published.filter((r) => r.period !== release.period), release];
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby={titleId}
      data-testid="metrics-preview"
      data-period={release.period}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={titleId}>
            <FormattedMessage id="metricsReleases.previewTitle" values={{ period }} />
          </Title>
          <ReleaseStatusBadge status={release.status} />
        </Group>
        <Text size="sm">
          <FormattedMessage id="metricsReleases.previewIntro" />
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <MetricsChart
            kind="line"
            title="metrics.chart.activity"
            description="metrics.chart.activityDescription"
            series={ACTIVITY_SERIES}
            releases={charted}
          />
          <MetricsChart
            kind="bar"
            title="metrics.chart.outcomes"
            description="metrics.chart.outcomesDescription"
            series={OUTCOME_SERIES}
            releases={charted}
          />
        </SimpleGrid>
        {release.medianDaysToLead && (
          <Text size="sm" data-testid="metrics-median">
            <FormattedMessage
              id="metricsReleases.median"
              values={{ bucket: cellKeyLabel(intl, 'days_to_lead', release.medianDaysToLead) }}
            />
          </Text>
        )}
        <ReleaseCellsTable cells={release.cells} />
        <SuppressionLegend />
        <ProtectionExplainer
          parameters={{
            epsilonPerRelease: release.method.epsilon,
            threshold: release.method.threshold,
            minOrganisations: release.method.minOrganisations,
            rounding: release.method.rounding,
          }}
        />
        {release.status === 'draft' && (
          <Group gap="sm">
            <ConfirmButton
              color="teal"
              variant="filled"
              size="sm"
              disabled={busy}
              title={intl.formatMessage({ id: 'metricsReleases.publishTitle' }, { period })}
              body={<FormattedMessage id="metricsReleases.publishBody" values={{ period }} />}
              onConfirm={() => onDecide('publish')}
              data-testid="metrics-publish"
            >
              <FormattedMessage id="metricsReleases.publish" />
            </ConfirmButton>
            <ConfirmButton
              color="gray"
              size="sm"
              disabled={busy}
              title={intl.formatMessage({ id: 'metricsReleases.withholdTitle' }, { period })}
              body={<FormattedMessage id="metricsReleases.withholdBody" values={{ period }} />}
              onConfirm={() => onDecide('withhold')}
              data-testid="metrics-withhold"
            >
              <FormattedMessage id="metricsReleases.withhold" />
            </ConfirmButton>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
