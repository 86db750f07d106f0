import { Alert, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useBudgetNumbers } from '../hooks/useBudgetNumbers';
import { fitsBudget } from '../utils/budget';
import { completePastMonths } from '../utils/periods';
import type { BudgetView, ReleaseView } from './types';

/**
 * A month picker limited to complete past months, what a release costs and
 * what remains of the year's budget. A release the budget cannot pay for is
 * refused here already (the API refuses it too).
 */
export function ComputeReleaseForm({
  releases,
  period,
  epsilonPerRelease,
  budget,
  busy,
  onPeriod,
  onCompute,
}: {
  releases: readonly ReleaseView[];
  period: string | null;
  epsilonPerRelease: number;
  /** The ledger of the chosen month's year; null while it loads. */
  budget: BudgetView | null;
  busy: boolean;
  onPeriod: (period: string) => void;
  onCompute: () => void;
}) {
  const intl = useIntl();
  const titleId = useId();
  const { epsilon, yearOf, month } = useBudgetNumbers();
  // A draft or published release holds its month (the API answers METRICS_RELEASE_EXISTS).
  const taken = new Set(releases.filter((r) => r.status !== 'withheld').map((r) => r.period));
  const months = completePastMonths(new Date());
  const fits = budget === null || fitsBudget(budget, epsilonPerRelease);
  const year = budget ? yearOf(budget.year) : '';

  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          <FormattedMessage id="metricsReleases.computeTitle" />
        </Title>
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={intl.formatMessage({ id: 'metricsReleases.period' })}
            description={intl.formatMessage({ id: 'metricsReleases.periodHint' })}
            value={period ?? ''}
            onChange={(event) => onPeriod(event.currentTarget.value)}
            data-testid="metrics-period"
            data={[
              { value: '', label: '—', disabled: true },
              ...months.map((m) => ({
                value: m,
                label: taken.has(m)
                  ? intl.formatMessage({ id: 'metricsReleases.periodTaken' }, { period: month(m) })
                  : month(m),
                disabled: taken.has(m),
              })),
            ]}
          />
          <Button
            onClick={onCompute}
            loading={busy}
            disabled={!period || taken.has(period) || !fits || budget === null}
            data-testid="metrics-compute"
          >
            <FormattedMessage id="metricsReleases.compute" />
          </Button>
        </Group>
        {budget && (
          <Text size="sm" data-testid="metrics-cost">
            <FormattedMessage
              id="metricsReleases.cost"
              values={{
                epsilon: epsilon(epsilonPerRelease),
                year,
                remaining: epsilon(budget.remaining),
                cap: epsilon(budget.cap),
              }}
            />
          </Text>
        )}
        {!fits && (
          <Alert color="orange" variant="light" role="alert" data-testid="metrics-over-budget">
            <FormattedMessage id="metricsReleases.overBudget" values={{ year }} />
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
