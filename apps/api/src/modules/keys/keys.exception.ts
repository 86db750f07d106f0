import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

/** The only codes this module raises. */
export const KEYS_ERROR_CODES = [
  ErrorCode.BadUserInput,
  ErrorCode.NotFound,
  ErrorCode.Forbidden,
  ErrorCode.StaleEpoch,
  ErrorCode.BudgetExhausted,
  ErrorCode.CertificateInvalid,
  ErrorCode.CertificateSignatureInvalid,
  ErrorCode.CertificateKeyMismatch,
  ErrorCode.SigningKeyMissing,
] as const;
export type KeysErrorCode = (typeof KEYS_ERROR_CODES)[number];

export class KeysException extends DomainException {
  constructor(code: KeysErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
