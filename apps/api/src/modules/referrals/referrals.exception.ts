import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

export const REFERRALS_ERROR_CODES = [
  ErrorCode.BadUserInput,
  ErrorCode.NotFound,
  ErrorCode.Forbidden,
  ErrorCode.ReferralNotAllowed,
  ErrorCode.ReferralTransitionInvalid,
  ErrorCode.ReferralVersionStale,
  ErrorCode.UnknownAuthority,
] as const;
export type ReferralsErrorCode = (typeof REFERRALS_ERROR_CODES)[number];

export class ReferralsException extends DomainException {
  constructor(code: ReferralsErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
