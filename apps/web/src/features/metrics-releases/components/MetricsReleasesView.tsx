import { Alert, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { errorCode } from '../../../graphql/errors';
import { ActionError } from '../../../ui/ActionError';
import { QueryStatus } from '../../../ui/QueryStatus';
import { useReleaseFlow } from '../hooks/useReleaseFlow';
import { useBudgetNumbers } from '../hooks/useBudgetNumbers';
import { previewedRelease, type ReleaseFlowNotice } from '../utils/release-flow';
import { BudgetLedger } from './BudgetLedger';
import { ComputeReleaseForm } from './ComputeReleaseForm';
import { ReleasePreview } from './ReleasePreview';
import { ReleasesTable } from './ReleasesTable';

/**
 * The coordinator's release page: compute a month, preview the draft as
 * donors would see it, publish or withhold it, and the year's ledger.
 */
export function MetricsReleasesView({
  workingGroupId,
  header,
  notFound,
}: {
  workingGroupId: string;
  /** The page's heading and introduction. */
  header: ReactNode;
  /** Shown instead of everything when the API does not let this user see the group's releases. */
  notFound: ReactNode;
}) {
  const flow = useReleaseFlow(workingGroupId);
  const { releases, settings, budget } = flow.data;

  if (!releases.data && errorCode(releases.error) === 'NOT_FOUND') return <>{notFound}</>;
  return (
    <Stack gap="lg" maw={1100} data-testid="metrics-releases-page">
      {header}
      <QueryStatus {...releases} onRetry={flow.data.retry}>
        {({ metricsReleases }) => {
          const preview = previewedRelease(metricsReleases, flow.state.previewId);
          return (
            <Stack gap="lg">
              <ComputeReleaseForm
                releases={metricsReleases}
                period={flow.state.period}
                epsilonPerRelease={settings.data?.metricsGrid.epsilonPerRelease ?? 0}
                budget={settings.data ? (budget.data?.privacyBudget ?? null) : null}
                busy={flow.busy}
                onPeriod={(period) => flow.dispatch({ type: 'periodChosen', period })}
                onCompute={() => void flow.computeRelease()}
              />
              {flow.state.notice && <FlowNotice notice={flow.state.notice} />}
              <ActionError error={flow.error} />
              {preview && (
                <ReleasePreview
                  key={`${preview.id}:${preview.version}`}
                  release={preview}
                  published={metricsReleases.filter((r) => r.status === 'published')}
                  busy={flow.busy}
                  onDecide={(decision) => void flow.decide(preview, decision)}
                />
              )}
              <Stack gap="xs">
                <Title order={2} size="h4">
                  <FormattedMessage id="metricsReleases.releasesTitle" />
                </Title>
                <ReleasesTable
                  releases={metricsReleases}
                  previewedId={preview?.id ?? null}
                  onPreview={(releaseId) => flow.dispatch({ type: 'previewed', releaseId })}
                />
              </Stack>
              {budget.data && <BudgetLedger budget={budget.data.privacyBudget} />}
            </Stack>
          );
        }}
      </QueryStatus>
    </Stack>
  );
}

function FlowNotice({ notice }: { notice: ReleaseFlowNotice }) {
  const { month } = useBudgetNumbers();
  if (notice.kind === 'stale') {
    return (
      <Alert color="orange" variant="light" role="alert" data-testid="metrics-stale">
        <FormattedMessage id="metricsReleases.stale" />
      </Alert>
    );
  }
  const period = month(notice.period);
  return (
    <Alert color="teal" variant="light" role="status" data-testid="metrics-notice">
      {notice.kind === 'computed' ? (
        <FormattedMessage id="metricsReleases.computed" values={{ period }} />
      ) : (
        <FormattedMessage id="metricsReleases.decided" values={{ status: notice.status, period }} />
      )}
    </Alert>
  );
}
