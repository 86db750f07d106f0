import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

/** The only codes this module raises. */
export const USERS_ERROR_CODES = [
  ErrorCode.BadUserInput,
  ErrorCode.NotFound,
  ErrorCode.EmailTaken,
  ErrorCode.LastAdmin,
  ErrorCode.Forbidden,
  ErrorCode.SigningKeyExists,
] as const;
export type UsersErrorCode = (typeof USERS_ERROR_CODES)[number];

export class UsersException extends DomainException {
  constructor(code: UsersErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
