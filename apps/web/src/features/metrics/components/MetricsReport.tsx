import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../ui/DataTable';
import type { MessageId } from '../../../i18n/messages';
import type { GroupMetricsView, MetricsReleaseView } from '../types';
import { ACTIVITY_SERIES, cellValue, latestRelease } from '../utils/cells';
import { useMetricsFormat } from '../utils/format';
import { MetricsChart } from './MetricsChart';
import { ProtectionExplainer, type ProtectionParameters } from './ProtectionExplainer';
import { SuppressionLegend } from './SuppressionLegend';
import classes from './MetricsReport.module.css';

interface Figure {
  id: string;
  label: MessageId;
  value: (release: MetricsReleaseView) => number | null;
}

const FIGURES: readonly Figure[] = [
  {
    id: 'cases_active',
    label: 'metrics.series.casesActive',
    value: (r) => cellValue(r, 'cases_active'),
  },
  {
    id: 'cases_registered',
    label: 'metrics.series.casesRegistered',
    value: (r) => cellValue(r, 'cases_registered'),
  },
  {
    id: 'overlaps_detected',
    label: 'metrics.series.overlapsDetected',
    value: (r) => cellValue(r, 'overlaps_detected'),
  },
  {
    id: 'overlaps_confirmed',
    label: 'metrics.series.overlapsConfirmed',
    value: (r) => cellValue(r, 'overlaps_resolved', 'confirmed'),
  },
  {
    id: 'overlaps_dismissed',
    label: 'metrics.series.overlapsDismissed',
    value: (r) => cellValue(r, 'overlaps_resolved', 'dismissed'),
  },
  {
    id: 'clusters_lead_agreed',
    label: 'metrics.series.leadsAgreed',
    value: (r) => cellValue(r, 'clusters_lead_agreed'),
  },
  {
    id: 'referrals_made',
    label: 'metrics.series.referralsMade',
    value: (r) => cellValue(r, 'referrals_made'),
  },
  {
    id: 'member_organisations',
    label: 'metrics.series.memberOrganisations',
    value: (r) => cellValue(r, 'member_organisations'),
  },
];

/** The one-page printable report of a group's latest release (printed or saved as PDF by the browser). */
export function MetricsReport({
  group,
  epsilonCapPerYear,
}: {
  group: GroupMetricsView;
  epsilonCapPerYear?: number;
}) {
  const format = useMetricsFormat();
  const latest = latestRelease(group.releases);
  const columns = useMemo<Column<Figure>[]>(
    () =>
      latest
        ? [
            {
              key: 'figure',
              header: 'metrics.report.figure',
              cell: (f) => <FormattedMessage id={f.label} />,
            },
            {
              key: 'value',
              header: 'metrics.report.value',
              numeric: true,
              cell: (f) => format.count(f.value(latest)),
            },
          ]
        : [],
    [format, latest],
  );
  const parameters: ProtectionParameters | null = latest
    ? {
        epsilonPerRelease: latest.method.epsilon,
        ...(epsilonCapPerYear === undefined ? {} : { epsilonCapPerYear }),
        threshold: latest.method.threshold,
        minOrganisations: latest.method.minOrganisations,
        rounding: latest.method.rounding,
      }
    : null;

  return (
    <Stack gap="sm" className={classes.report} data-testid="metrics-report">
      <Group justify="space-between" className={classes.noPrint}>
        <Anchor component={Link} to="/metrics" size="sm">
          <FormattedMessage id="metrics.report.back" />
        </Anchor>
        <Button onClick={() => window.print()} data-testid="metrics-print">
          <FormattedMessage id="metrics.report.print" />
        </Button>
      </Group>
      <Title order={1} size="h2">
        <bdi>{group.workingGroupName}</bdi>
      </Title>
      {latest && parameters ? (
        <>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="metrics.report.subtitle"
              values={{ month: format.month(latest.period) }}
            />
          </Text>
          <DataTable
            columns={columns}
            rows={FIGURES}
            rowKey={(f) => f.id}
            rowTestId={(f) => `metrics-report-${f.id}`}
            minWidth={0}
          />
          <MetricsChart
            kind="line"
            title="metrics.chart.activity"
            description="metrics.chart.activityDescription"
            series={ACTIVITY_SERIES}
            releases={group.releases}
            height={200}
            headingOrder={2}
            fixed
          />
          <SuppressionLegend />
          <ProtectionExplainer parameters={parameters} />
        </>
      ) : (
        <Text>
          <FormattedMessage id="metrics.noRelease" />
        </Text>
      )}
    </Stack>
  );
}
