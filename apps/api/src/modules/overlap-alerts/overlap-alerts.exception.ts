import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

/** The only codes this module raises. */
export const OVERLAP_ALERTS_ERROR_CODES = [ErrorCode.BadUserInput, ErrorCode.Forbidden] as const;
export type OverlapAlertsErrorCode = (typeof OVERLAP_ALERTS_ERROR_CODES)[number];

export class OverlapAlertsException extends DomainException {
  constructor(code: OverlapAlertsErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
