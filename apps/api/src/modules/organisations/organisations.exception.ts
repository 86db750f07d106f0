import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

/** The only codes this module raises. */
export const ORGANISATIONS_ERROR_CODES = [
  ErrorCode.BadUserInput,
  ErrorCode.NameTaken,
  ErrorCode.InvalidReferencePattern,
] as const;
export type OrganisationsErrorCode = (typeof ORGANISATIONS_ERROR_CODES)[number];

export class OrganisationsException extends DomainException {
  constructor(code: OrganisationsErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
