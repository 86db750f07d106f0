import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

/** The only codes this module raises. */
export const AUDIT_ERROR_CODES = [ErrorCode.BadUserInput, ErrorCode.InvalidDateRange] as const;
export type AuditErrorCode = (typeof AUDIT_ERROR_CODES)[number];

export class AuditException extends DomainException {
  constructor(code: AuditErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
