import type {
  MetricsGridQuery,
  MetricsPrivacyBudgetQuery,
  CoordinatorMetricsReleaseFragment,
} from '../../../gql/graphql';

export type ReleaseView = CoordinatorMetricsReleaseFragment;
export type BudgetView = MetricsPrivacyBudgetQuery['privacyBudget'];
export type ReleaseSettings = MetricsGridQuery['metricsGrid'];
