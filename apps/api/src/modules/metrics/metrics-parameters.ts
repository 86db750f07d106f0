import { parseEpsilonMilli, type ReleaseParameters } from '@parallax/domain';
import type { AppConfig } from '../../config/config.schema.js';

export interface MetricsSettings extends ReleaseParameters {
  /** The most ε (thousandths) one working group's releases may spend in a calendar year. */
  capMilli: number;
}

type MetricsConfig = Pick<
  AppConfig,
  | 'METRICS_EPSILON'
  | 'METRICS_EPSILON_CAP_PER_YEAR'
  | 'METRICS_THRESHOLD'
  | 'METRICS_MIN_ORGANISATIONS'
  | 'METRICS_ROUNDING'
>;

/** The release parameters and the yearly cap, from the hub's configuration (validated at start-up). */
export function metricsSettings(config: MetricsConfig): MetricsSettings {
  return {
    epsilonMilli: parseEpsilonMilli(config.METRICS_EPSILON),
    capMilli: parseEpsilonMilli(config.METRICS_EPSILON_CAP_PER_YEAR),
    threshold: config.METRICS_THRESHOLD,
    minOrganisations: config.METRICS_MIN_ORGANISATIONS,
    rounding: config.METRICS_ROUNDING,
  };
}
