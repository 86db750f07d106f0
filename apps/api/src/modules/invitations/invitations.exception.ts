import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

/** The only codes this module raises. */
export const INVITATIONS_ERROR_CODES = [ErrorCode.BadUserInput, ErrorCode.NotFound] as const;
export type InvitationsErrorCode = (typeof INVITATIONS_ERROR_CODES)[number];

export class InvitationsException extends DomainException {
  constructor(code: InvitationsErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
