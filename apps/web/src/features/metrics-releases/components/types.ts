import type {
  MetricsGridQuery,
  MetricsPrivacyBudgetQuery,
  MetricsReleaseViewFragment,
} from '../../../gql/graphql';

export type ReleaseView = MetricsReleaseViewFragment;
export type BudgetView = MetricsPrivacyBudgetQuery['privacyBudget'];
export type ReleaseSettings = MetricsGridQuery['metricsGrid'];
