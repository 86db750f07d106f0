import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

export const CASES_ERROR_CODES = [
  ErrorCode.BadUserInput,
  ErrorCode.NotFound,
  ErrorCode.Forbidden,
  ErrorCode.CaseWithdrawn,
  ErrorCode.StaleEpoch,
  ErrorCode.FingerprintSchemaMismatch,
  ErrorCode.CaseTooManyFingerprints,
  ErrorCode.CaseFingerprintsNotPadded,
  ErrorCode.CaseFrozen,
  ErrorCode.ReferencePatternMismatch,
] as const;
export type CasesErrorCode = (typeof CASES_ERROR_CODES)[number];

export class CasesException extends DomainException {
  constructor(code: CasesErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
