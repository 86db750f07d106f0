import { BarChart, LineChart } from '@mantine/charts';
import { Button, Group, Paper, Stack, Text, Title, useDirection } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';
import type { MetricsReleaseView } from '../types';
import { chartRows, type SeriesDef } from '../utils/cells';
import { chartProps } from '../utils/chart-props';
import { useMetricsFormat } from '../utils/format';
import { MetricsTable } from './MetricsTable';

export interface MetricsChartProps {
  kind: 'line' | 'bar';
  title: MessageId;
  description: MessageId;
  series: readonly SeriesDef[];
  releases: readonly MetricsReleaseView[];
  'data-testid'?: string;
  /** Chart height in px (the printed report uses a smaller one). */
  height?: number;
  /** Without the Table toggle (the printed report). */
  fixed?: boolean;
  /** The title's heading level under the page's outline. */
  headingOrder?: 2 | 3;
}

/**
 * One chart over the months of the published releases, with a "Table"
 * toggle showing the same numbers. A suppressed value is a gap in the line
 * or a missing bar, never a zero; series differ by label and dash, not only
 * by colour.
 */
export function MetricsChart({
  kind,
  title,
  description,
  series,
  releases,
  height = 220,
  fixed = false,
  headingOrder = 3,
  ...rest
}: MetricsChartProps) {
  const intl = useIntl();
  const format = useMetricsFormat();
  const { dir } = useDirection();
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  const descriptionId = useId();

  const rows = useMemo(() => chartRows(releases, series), [releases, series]);
  const props = chartProps({
    kind,
    rows,
    series,
    direction: dir,
    height,
    label: (s) => intl.formatMessage({ id: s.label }),
    month: format.month,
    number: format.number,
  });

  // Recharts' keyboard layer makes the SVG focusable: it needs a name of its own.
  const svgName = {
    title: intl.formatMessage({ id: title }),
    desc: intl.formatMessage({ id: description }),
  };

  return (
    <Paper
      withBorder
      p="sm"
      component="figure"
      m={0}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-testid={rest['data-testid']}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={headingOrder} size="h5" id={titleId}>
            <FormattedMessage id={title} />
          </Title>
          {!fixed && (
            <Button
              variant="subtle"
              size="compact-sm"
              aria-pressed={showTable}
              onClick={() => setShowTable((shown) => !shown)}
              data-testid="metrics-table-toggle"
            >
              <FormattedMessage id={showTable ? 'metrics.showChart' : 'metrics.showTable'} />
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed" id={descriptionId}>
          <FormattedMessage id={description} />
        </Text>
        {showTable ? (
          <MetricsTable rows={rows} series={series} />
        ) : (
          // The axes are reversed by props in RTL; the SVG's text anchors assume LTR.
          <div
            dir="ltr"
            data-testid="metrics-chart-plot"
            data-x-axis={props.xAxisProps.reversed ? 'reversed' : 'forward'}
            data-y-axis={props.yAxisProps.orientation ?? 'left'}
          >
            {kind === 'line' ? (
              <LineChart
                {...props}
                lineChartProps={svgName}
                connectNulls={false}
                curveType="linear"
                withDots
              />
            ) : (
              <BarChart {...props} barChartProps={svgName} />
            )}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
