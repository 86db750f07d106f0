import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

export const METRICS_ERROR_CODES = [
  ErrorCode.BadUserInput,
  ErrorCode.NotFound,
  ErrorCode.Forbidden,
  ErrorCode.PrivacyBudgetExhausted,
  ErrorCode.MetricsReleaseExists,
  ErrorCode.MetricsPeriodInvalid,
  ErrorCode.MetricsReleaseVersionStale,
  ErrorCode.MetricsReleaseNotDraft,
] as const;
export type MetricsErrorCode = (typeof METRICS_ERROR_CODES)[number];

export class MetricsException extends DomainException {
  constructor(code: MetricsErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
