import { Card, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/format';
import { useBudgetNumbers } from '../hooks/useBudgetNumbers';
import type { BudgetView } from './types';

type Entry = BudgetView['entries'][number];

/** The year's privacy-budget ledger, with a plain-language line on what the budget is. */
export function BudgetLedger({ budget }: { budget: BudgetView }) {
  const intl = useIntl();
  const titleId = useId();
  const { epsilon, yearOf, month } = useBudgetNumbers();
  const columns: Column<Entry>[] = [
    { key: 'period', header: 'metricsReleases.column.period', cell: (e) => month(e.period) },
    {
      key: 'epsilon',
      header: 'metricsReleases.column.epsilon',
      numeric: true,
      cell: (e) => epsilon(e.epsilon),
    },
    {
      key: 'charged',
      header: 'metricsReleases.column.charged',
      cell: (e) => formatDateTime(intl, e.chargedAt),
    },
    {
      key: 'by',
      header: 'metricsReleases.column.by',
      cell: (e) => (
        <FormattedMessage id={e.byJob ? 'metricsReleases.byJob' : 'metricsReleases.byPerson'} />
      ),
    },
  ];
  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="metrics-budget">
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          <FormattedMessage
            id="metricsReleases.budgetTitle"
            values={{ year: yearOf(budget.year) }}
          />
        </Title>
        <Text size="sm">
          <FormattedMessage
            id="metricsReleases.budgetExplainer"
            values={{ cap: epsilon(budget.cap) }}
          />
        </Text>
        <Text size="sm" fw={500} data-testid="metrics-budget-summary">
          <FormattedMessage
            id="metricsReleases.budgetSummary"
            values={{
              spent: epsilon(budget.spent),
              cap: epsilon(budget.cap),
              remaining: epsilon(budget.remaining),
            }}
          />
        </Text>
        <DataTable
          columns={columns}
          rows={budget.entries}
          rowKey={(e) => e.releaseId}
          empty="metricsReleases.ledgerEmpty"
          data-testid="metrics-ledger"
        />
      </Stack>
    </Card>
  );
}
