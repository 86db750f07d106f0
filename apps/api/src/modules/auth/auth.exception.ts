import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

/** The only codes this module raises. */
export const AUTH_ERROR_CODES = [
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  ErrorCode.StepUpRequired,
  ErrorCode.NotFound,
  ErrorCode.SignInThrottled,
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

export class AuthException extends DomainException {
  constructor(code: AuthErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
